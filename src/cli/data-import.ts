import { type Catalog, listCatalogs, loadCatalog, type Problem } from '../catalog/index.js';
import type { TableImportSummary } from '../sync/index.js';
import { CATALOG_DIR, type CliContext } from './context.js';

/** The active catalog, and the other catalogs of the data folder whose item names a file may use. */
export function importCatalogs(ctx: CliContext): { catalog: Catalog; variants: Catalog[] } {
  const { catalog } = ctx.loadCatalog();
  const variants = listCatalogs(CATALOG_DIR)
    .filter((c) => c.id !== catalog.id)
    .map((c) => loadCatalog(c.id, { dir: CATALOG_DIR }).catalog);
  return { catalog, variants };
}

/** Prints warnings of a data file to stderr, each at its row and column. */
export function printWarnings(ctx: CliContext, file: string, warnings: readonly Problem[]): void {
  for (const w of warnings)
    ctx.io.stderr(`提示：${file}${w.line ? `:${w.line}` : ''}: ${w.path ? `${w.path}：` : ''}${w.message}\n`);
}

const KIND_ZH: Record<TableImportSummary['kind'], string> = { records: '记录', evidence: '线下公示证据' };

/** `gongkai import` of a records or evidence table, in Chinese. */
export function printTableSummary(ctx: CliContext, file: string, s: TableImportSummary): void {
  ctx.print(
    `已导入 ${file}（${KIND_ZH[s.kind]} ${s.rows} 条）：新增 ${s.created}、更新 ${s.updated}、未变 ${s.unchanged}` +
      (s.warnings.length > 0 ? `；提示 ${s.warnings.length} 条` : ''),
  );
  printWarnings(ctx, file, s.warnings);
}
