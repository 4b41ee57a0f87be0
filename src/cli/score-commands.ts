import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { parseIsoDate, parseWithSchema, readYamlFile } from '../catalog/index.js';
import { FINDING_KINDS, findingJson, type Scheme, SchemeSchema, type Scorecard } from '../scoring/index.js';
import type { Store } from '../store/index.js';
import { type CliContext, PACKAGE_ROOT, UsageError } from './context.js';
import { runMatchStage } from './match-stage.js';
import {
  partsOf,
  readScorecards,
  runScoreStage,
  runScoreStageParallel,
  type ScoreOptions,
} from './score-stage.js';

const DEFAULT_SCHEME = path.join(PACKAGE_ROOT, 'data', 'scoring', 'default.yaml');

/** Today in China time, as the shell (not the scoring core) reads the clock. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The scheme named by --scheme, else the default one in data/scoring. */
export function loadScheme(ctx: CliContext, file?: string): Scheme {
  return parseWithSchema(SchemeSchema, readYamlFile(file ? ctx.resolve(file) : DEFAULT_SCHEME));
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The contract's view of a card (`score --json`): the body, rates, points and findings, with extras kept. */
function cardJson(card: Scorecard) {
  return {
    ...card,
    findings: card.findings.map(findingJson),
  };
}

// Parts of a district scored in worker threads only when there are enough of them to pay for starting the threads.
const PARALLEL_FROM_PARTS = 8;

/** Scores into the store: in worker threads for a province, in this thread for a district. */
export async function scoreStored(
  store: Store,
  options: Omit<ScoreOptions, 'collect'>,
  calendarFile: string | undefined,
): Promise<{ runId: number }> {
  const bodies = store.bodies.list({ includeRetired: true });
  const parts = partsOf(bodies, options.chunkBodies).length;
  const workers = Math.min(4, availableParallelism());
  if (parts < PARALLEL_FROM_PARTS || workers < 2) return runScoreStage(store, { ...options, collect: false });
  return runScoreStageParallel(store, { ...options, workers, calendarFile });
}

/** `gongkai match` and `gongkai score`. */
export function registerScoreCommands(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('match')
    .description('识别已抓取的信息：所属事项、日期、公示期、发布主体、要素、个人信息，并关联导入的记录')
    .option('--all', '重新识别所有版本（默认只识别新版本，或识别器/目录更新后的版本）')
    .option('--json', '以 JSON 输出')
    .action((opts: { all?: boolean; json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const { catalog } = ctx.loadCatalog();
      const store = ctx.openStore();
      try {
        const result = runMatchStage(store, {
          catalog,
          calendar: ctx.loadCalendar(),
          all: opts.all === true,
        });
        if (opts.json) return ctx.json(result);
        ctx.print(
          `已识别 ${result.matched} 个信息版本（识别器 ${result.matcherVersion}），关联记录 ${result.linked} 处`,
        );
      } finally {
        store.close();
      }
    });

  program
    .command('score')
    .description('计算公开义务、问题和评分（先识别尚未识别的信息）')
    .option('--year <year>', '考核年度（默认为今天所在年度）')
    .option('--today <date>', '按这一天的情况计算（默认今天）')
    .option('--scheme <file>', '评分方案文件（默认 data/scoring/default.yaml）')
    .option('--json', '以 JSON 输出各主体评分卡')
    .action(
      async (opts: { year?: string; today?: string; scheme?: string; json?: boolean }, cmd: Command) => {
        const ctx = context(cmd);
        const today = parseIsoDate(opts.today ?? chinaToday());
        const year = Number(opts.year ?? today.slice(0, 4));
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new UsageError(`--year 应为四位年份，收到“${opts.year}”`);
        const scheme = loadScheme(ctx, opts.scheme);
        const { catalog } = ctx.loadCatalog();
        const calendar = ctx.loadCalendar();
        const store = ctx.openStore();
        try {
          runMatchStage(store, { catalog, calendar });
          // Only the stored run is kept (a province does not fit in memory at once); the cards are read back from it.
          const { runId } = await scoreStored(
            store,
            { catalog, calendar, scheme, year, today },
            ctx.calendarFile(),
          );
          const own = readScorecards(store, runId, { scope: 'own' });
          if (opts.json) return ctx.json(own.map(cardJson));
          ctx.print(`${year} 年度评分（截至 ${today}，方案 ${scheme.name}）`);
          for (const card of [...own].sort((a, b) => b.points - a.points)) {
            ctx.print(
              `${card.points.toFixed(1).padStart(6)}  ${card.grade}  ${card.body.name}　及时率 ${pct(card.timeliness)}　完整率 ${pct(card.completeness)}　问题 ${card.findings.filter((f) => f.kind !== 'unverifiable').length} 项`,
            );
          }
          const findings = own.flatMap((c) => c.findings);
          const counts = FINDING_KINDS.map(
            (k) => [k, findings.filter((f) => f.kind === k).length] as const,
          ).filter(([, n]) => n > 0);
          ctx.print(
            `问题合计：${counts.map(([k, n]) => `${scheme.findings[k]?.label ?? k} ${n}`).join('，') || '无'}`,
          );
        } finally {
          store.close();
        }
      },
    );
}
