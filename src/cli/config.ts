import { existsSync } from 'node:fs';
import path from 'node:path';
import { type ZodType, z } from 'zod';
import { DataFileError, type Problem, parseWithSchema, readYamlFile, zodErrorZh } from '../catalog/index.js';

const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const PathSchema = z.string().min(1);
const TimeZoneSchema = z.string().refine(isTimeZone, '不是有效的时区名（例如 Asia/Shanghai）');
const HostSchema = z.string().min(1);
const PortSchema = z.number().int().min(0).max(65_535);
const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 24 小时制的“时:分”，例如 03:30');
// Header values must be byte strings.
const UserAgentSchema = z.string().regex(/^[\x20-\x7e]+$/, '只能用 ASCII 字符（HTTP 请求头的要求）');
const LogLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
const DaysSchema = z.number().int().min(1).max(3650);
const KeepSchema = z.number().int().min(1).max(1000);

/**
 * gongkai.yaml: what a district sets once for its installation. Every key is optional; relative paths are read
 * from the file's own folder. Environment variables override it, command-line options override both.
 */
export const ConfigSchema = z.strictObject({
  /** The database file (default data/gongkai.db under the working directory). */
  database: PathSchema.optional(),
  /** The time zone of the schedules (default: the registry's, else Asia/Shanghai). */
  timezone: TimeZoneSchema.optional(),
  logLevel: LogLevelSchema.default('info'),
  dashboard: z
    .strictObject({
      host: HostSchema.default('127.0.0.1'),
      port: PortSchema.default(8080),
      secureCookies: z.boolean().default(false),
    })
    .prefault({}),
  crawler: z
    .strictObject({
      chromiumPath: PathSchema.optional(),
      userAgent: UserAgentSchema.optional(),
    })
    .prefault({}),
  retention: z
    .strictObject({
      /** Per-fetch rows of unchanged pages older than this are kept only as monthly counts. */
      days: DaysSchema.default(90),
      /** Finished runs' frontiers older than this are deleted. */
      frontierDays: DaysSchema.default(7),
      time: ClockTimeSchema.default('04:30'),
    })
    .prefault({}),
  backup: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Default: a backups folder beside the database. */
      dir: PathSchema.optional(),
      time: ClockTimeSchema.default('03:30'),
      keep: KeepSchema.default(7),
    })
    .prefault({}),
});

/** The settings in force: the config file's values, the environment's over them, defaults for the rest. */
export type Settings = z.output<typeof ConfigSchema> & { configFile: string | undefined };

const bool = (value: string) =>
  /^(1|true|yes|on)$/i.test(value) ? true : /^(0|false|no|off)$/i.test(value) ? false : value;
const num = (value: string) => (/^-?\d+$/.test(value.trim()) ? Number(value) : value);

/** The environment variables that override the file: the key each sets, how its text is read, and its rule. */
export const ENV_OVERRIDES: readonly {
  name: string;
  key: readonly [string] | readonly [string, string];
  read: (value: string) => unknown;
  schema: ZodType;
  isPath?: boolean;
}[] = [
  { name: 'GONGKAI_DB', key: ['database'], read: String, schema: PathSchema, isPath: true },
  { name: 'GONGKAI_TIMEZONE', key: ['timezone'], read: String, schema: TimeZoneSchema },
  { name: 'GONGKAI_LOG_LEVEL', key: ['logLevel'], read: String, schema: LogLevelSchema },
  { name: 'GONGKAI_HOST', key: ['dashboard', 'host'], read: String, schema: HostSchema },
  { name: 'GONGKAI_PORT', key: ['dashboard', 'port'], read: num, schema: PortSchema },
  { name: 'GONGKAI_SECURE_COOKIES', key: ['dashboard', 'secureCookies'], read: bool, schema: z.boolean() },
  { name: 'CHROMIUM_PATH', key: ['crawler', 'chromiumPath'], read: String, schema: PathSchema, isPath: true },
  { name: 'GONGKAI_USER_AGENT', key: ['crawler', 'userAgent'], read: String, schema: UserAgentSchema },
  { name: 'GONGKAI_RETENTION_DAYS', key: ['retention', 'days'], read: num, schema: DaysSchema },
  { name: 'GONGKAI_BACKUP_ENABLED', key: ['backup', 'enabled'], read: bool, schema: z.boolean() },
  { name: 'GONGKAI_BACKUP_DIR', key: ['backup', 'dir'], read: String, schema: PathSchema, isPath: true },
  { name: 'GONGKAI_BACKUP_TIME', key: ['backup', 'time'], read: String, schema: ClockTimeSchema },
  { name: 'GONGKAI_BACKUP_KEEP', key: ['backup', 'keep'], read: num, schema: KeepSchema },
];

/** The config file in use: the one named (it must exist), else gongkai.yaml in the working directory if present. */
export function configFileOf(named: string | undefined, cwd: string): string | undefined {
  if (named) return path.resolve(cwd, named);
  const local = path.join(cwd, 'gongkai.yaml');
  return existsSync(local) ? local : undefined;
}

type Raw = Record<string, unknown>;

function setKey(raw: Raw, key: readonly string[], value: unknown): void {
  const [head, ...rest] = key as [string, ...string[]];
  if (rest.length === 0) {
    raw[head] = value;
    return;
  }
  const inner = (typeof raw[head] === 'object' && raw[head] !== null ? raw[head] : {}) as Raw;
  raw[head] = inner;
  setKey(inner, rest, value);
}

// `key:` with nothing after it (every line below commented out) reads as null in YAML; it means "not set".
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

function getKey(raw: Raw, key: readonly string[]): unknown {
  return key.reduce<unknown>((node, k) => (node as Raw | undefined)?.[k], raw);
}

/**
 * Reads the settings: the config file (validated: a bad key or value names the file, line and key), then the
 * environment variables over it (a bad value names the variable). Throws `DataFileError` (exit code 1).
 */
export function loadSettings(options: {
  file: string | undefined;
  env: Record<string, string | undefined>;
  cwd: string;
}): Settings {
  const raw: Raw = {};
  if (options.file) {
    const source = readYamlFile(options.file);
    const data = source.data === null || source.data === undefined ? {} : withoutNulls(source.data);
    // Validated as written, so that errors point at its lines; the values are taken from the raw data below.
    parseWithSchema(ConfigSchema, { ...source, data });
    Object.assign(raw, structuredClone(data));
    const dir = path.dirname(options.file);
    for (const o of ENV_OVERRIDES.filter((e) => e.isPath)) {
      const value = getKey(raw, o.key);
      if (typeof value === 'string') setKey(raw, o.key, path.resolve(dir, value));
    }
  }
  const problems: Problem[] = [];
  for (const o of ENV_OVERRIDES) {
    const text = options.env[o.name];
    if (text === undefined || text === '') continue;
    const result = o.schema.safeParse(o.read(text), { error: zodErrorZh });
    if (!result.success) {
      const message = `${result.error.issues[0]?.message ?? '无效'}（收到“${text}”）`;
      problems.push({ file: o.name, path: '', message });
      continue;
    }
    setKey(raw, o.key, o.isPath ? path.resolve(options.cwd, String(result.data)) : result.data);
  }
  if (problems.length > 0) throw new DataFileError('环境变量', problems);
  return { ...ConfigSchema.parse(raw), configFile: options.file };
}
