import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { type ZodError, type ZodType, z } from 'zod';

export type DataPath = readonly PropertyKey[];

/** One thing wrong with a data file: where (line, key path) and why, in Chinese. */
export interface Problem {
  /** Set when the problem lies in another file than the one being loaded (a parent catalog). */
  file?: string;
  line?: number;
  path: string;
  message: string;
}

/** A data file (catalog, registry, calendar, scheme) that failed to load; every problem names its place. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
  ) {
    super(formatProblems(file, problems));
    this.name = 'DataFileError';
  }
}

function formatProblems(file: string, problems: readonly Problem[]): string {
  const lines = problems.map(
    (p) => `  ${p.file ?? file}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}：` : ''}${p.message}`,
  );
  return `${file} 有 ${problems.length} 处错误：\n${lines.join('\n')}`;
}

/** A parsed YAML file that can tell the line of any key path in it. */
export interface YamlSource {
  file: string;
  data: unknown;
  lineOf(path: DataPath): number | undefined;
}

/** Parses YAML text, keeping positions; syntax errors become a `DataFileError` with lines. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new DataFileError(
      file,
      doc.errors.map((e) => ({
        ...(e.linePos ? { line: e.linePos[0].line } : {}),
        path: '',
        message: `YAML 语法错误：${e.message.split('\n')[0]}`,
      })),
    );
  }
  const lineOf = (path: DataPath): number | undefined => {
    const offset = offsetOf(doc.contents, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return { file, data: doc.toJS({ maxAliasCount: 100 }) ?? {}, lineOf };
}

// The offset of the deepest node on the path; for a map key, the key itself.
function offsetOf(root: unknown, path: DataPath): number | undefined {
  let node = root as Node | null;
  let offset = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** Formats a key path as `bodies[3].parent`. */
export function formatPath(path: DataPath): string {
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');
}

const zhCN = z.locales.zhCN().localeError;

/** zod's Chinese messages, with a plainer one for a missing key. */
export const zodErrorZh: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return '缺少此项';
  return zhCN(issue);
};

/** Each zod issue as the key it is about and a message; an unknown key is reported at the key itself. */
export function issueTargets(error: ZodError): { path: PropertyKey[]; message: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: `未知的键“${key}”（可能拼写有误）` }))
      : [{ path: [...issue.path], message: issue.message }],
  );
}

/** Turns zod issues into problems located in the YAML source. */
export function zodProblems(error: ZodError, source: YamlSource): Problem[] {
  return issueTargets(error).map(({ path, message }) => {
    const line = source.lineOf(path);
    return { ...(line ? { line } : {}), path: formatPath(path), message };
  });
}

/** Validates a YAML source against a schema, throwing a `DataFileError` that names every bad line. */
export function parseWithSchema<T extends ZodType>(schema: T, source: YamlSource): z.output<T> {
  const result = schema.safeParse(source.data, { error: zodErrorZh });
  if (!result.success) throw new DataFileError(source.file, zodProblems(result.error, source));
  return result.data;
}
