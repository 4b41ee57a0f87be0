import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Catalog,
  type ChannelName,
  DataFileError,
  type Item,
  type ItemId,
  type Problem,
  resolveChannel,
} from '../catalog/index.js';
import type { Body, EvidenceInput, StoredRecord } from '../store/index.js';
import {
  EVIDENCE_COLUMNS,
  type EvidenceColumnKey,
  type EvidenceRow,
  EvidenceRowSchema,
} from './evidence-schema.js';
import { matchColumns } from './table-columns.js';
import { createBodyLookup, createItemLookup, type Lookup, rowCoversBody } from './table-lookups.js';
import type { Table } from './table-read.js';
import { checkReferenceCells, parseTableRows, RowProblems, sortProblems } from './table-rows.js';

/** What postings are checked against. */
export interface EvidenceCheckOptions {
  catalog: Catalog;
  variants?: readonly Catalog[];
  /** The registry's bodies, retired ones included. */
  bodies: readonly Body[];
  findRecord: (ref: string, where: { item: ItemId; bodyId: string }) => Lookup<StoredRecord>;
  /** Who entered the postings, when the file has no 录入人 column or leaves it empty. */
  enteredBy?: string;
  /** Photo paths are relative to this folder. */
  baseDir: string;
}

/** A posting ready to store, with its photo's bytes. */
export interface EvidenceLine {
  line: number;
  input: Omit<EvidenceInput, 'photoSha256'>;
  photo?: Uint8Array;
}

/** Problems (errors) and notes (warnings) of postings, each at a row and column. */
export interface EvidenceReport {
  problems: RowProblems<EvidenceColumnKey>;
  notes: RowProblems<EvidenceColumnKey>;
}

/** Checks postings; problems and warnings go to the report, at the posting's row. */
export interface EvidenceChecker {
  check(value: EvidenceRow, line: number, report: EvidenceReport): EvidenceLine | undefined;
  /** For a posting whose cells failed their schema: its item and body still get checked. */
  checkRejected(raw: Partial<Record<EvidenceColumnKey, unknown>>, line: number, report: EvidenceReport): void;
}

/** A checker with the lookups built once. */
export function createEvidenceChecker(options: EvidenceCheckOptions): EvidenceChecker {
  const findItem = createItemLookup(options.catalog, options.variants);
  const findBody = createBodyLookup(options.bodies);
  return {
    check: (value, line, report) => checkEvidenceRow(value, line, report, { ...options, findItem, findBody }),
    checkRejected: (raw, line, report) =>
      checkReferenceCells(raw, line, report.problems, { findItem, findBody }),
  };
}

type Checker = EvidenceCheckOptions & {
  findItem: ReturnType<typeof createItemLookup>;
  findBody: ReturnType<typeof createBodyLookup>;
};

function checkEvidenceRow(
  value: EvidenceRow,
  line: number,
  report: EvidenceReport,
  options: Checker,
): EvidenceLine | undefined {
  const { problems } = report;
  const start = problems.list.length;
  const item = options.findItem(value.item);
  const body = options.findBody(value.body);
  if (item.kind === 'problem') problems.add(line, 'item', item.message);
  if (body.kind === 'problem') problems.add(line, 'body', body.message);
  const record =
    value.record && item.kind === 'found' && body.kind === 'found'
      ? options.findRecord(value.record, { item: item.value.id, bodyId: body.value.id })
      : undefined;
  if (record?.kind === 'problem') problems.add(line, 'record', record.message);
  const { channel, enteredBy, photo } = checkFields(value, line, problems, options);
  if (problems.list.length > start || item.kind !== 'found' || body.kind !== 'found') return undefined;
  if (!channel || !enteredBy) return undefined;
  noteMismatches(item.value, body.value, channel, line, report.notes, options.catalog);
  return {
    line,
    input: {
      bodyId: body.value.id,
      item: item.value.id,
      recordId: record?.kind === 'found' ? record.value.id : null,
      channel,
      title: value.title ?? null,
      postedFrom: value.postedFrom,
      postedTo: value.postedTo ?? null,
      statedDays: value.days ?? null,
      enteredBy,
      note: value.note ?? null,
    },
    ...(photo ? { photo } : {}),
  };
}

/** The channel, the dates' order, who entered it and the photo file. */
function checkFields(
  value: EvidenceRow,
  line: number,
  problems: RowProblems<EvidenceColumnKey>,
  options: Checker,
): { channel?: ChannelName; enteredBy?: string; photo?: Uint8Array } {
  const channel = resolveChannel(value.channel);
  if (!channel)
    problems.add(line, 'channel', `“${value.channel}”不是标准目录的公开渠道（例如 村公示栏、便民服务站）`);
  if (value.postedTo && value.postedTo < value.postedFrom)
    problems.add(line, 'postedTo', `撤下日期 ${value.postedTo} 早于张贴日期 ${value.postedFrom}`);
  const enteredBy = value.by ?? options.enteredBy;
  if (!enteredBy) problems.add(line, 'by', '缺少录入人');
  const photo = value.photo ? readPhoto(path.resolve(options.baseDir, value.photo)) : undefined;
  if (photo?.kind === 'problem') problems.add(line, 'photo', photo.message);
  return {
    ...(channel ? { channel } : {}),
    ...(enteredBy ? { enteredBy } : {}),
    ...(photo?.kind === 'found' ? { photo: photo.value } : {}),
  };
}

/** Warnings: a body the item's 公开主体 do not name, a channel the item does not require. */
function noteMismatches(
  item: Item,
  body: Body,
  channel: ChannelName,
  line: number,
  notes: RowProblems<EvidenceColumnKey>,
  catalog: Catalog,
): void {
  if (!item.rows.some((r) => rowCoversBody(catalog, r, body)))
    notes.add(line, 'body', `“${body.name}”不在事项“${item.name}”的公开主体之列，请核对（仍会导入）`);
  if (!item.rows.some((r) => r.channels.includes(channel)))
    notes.add(line, 'channel', `事项“${item.name}”的公开渠道不含“${channel}”（仍会导入）`);
}

function readPhoto(file: string): Lookup<Uint8Array> {
  try {
    const bytes = readFileSync(file);
    if (bytes.length === 0) return { kind: 'problem', message: `照片文件 ${file} 是空的` };
    return { kind: 'found', value: bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      kind: 'problem',
      message: `无法读取照片文件 ${file}（${code === 'ENOENT' ? '文件不存在' : code}）`,
    };
  }
}

/** Reads and checks every posting of an evidence table; all problems are thrown together. */
export function readEvidenceRows(
  table: Table,
  options: EvidenceCheckOptions,
): { entries: EvidenceLine[]; warnings: Problem[] } {
  const { columns, problems: headerProblems, warnings } = matchColumns(table, EVIDENCE_COLUMNS);
  if (headerProblems.length > 0) throw new DataFileError(table.file, headerProblems);
  const { rows, rejected, problems: cellProblems } = parseTableRows(table, columns, EvidenceRowSchema);
  const report = { problems: new RowProblems(columns), notes: new RowProblems(columns) };
  const checker = createEvidenceChecker(options);
  const entries = rows.flatMap(({ line, value }) => checker.check(value, line, report) ?? []);
  for (const { line, value } of rejected) checker.checkRejected(value, line, report);
  const all = [...cellProblems, ...report.problems.list];
  if (all.length > 0) throw new DataFileError(table.file, sortProblems(all, table.header.cells));
  return { entries, warnings: sortProblems([...warnings, ...report.notes.list]) };
}
