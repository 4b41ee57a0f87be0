/**
 * The measured part of the scoring benchmark, run as its own process (under /usr/bin/time for peak RSS):
 * opens the synthetic store and scores the year a part of the province at a time, keeping only the stored run.
 * Usage: node --import tsx bench/scoring-run.ts DB CHUNK_BODIES [WORKERS] (0: in this thread)
 */
import path from 'node:path';
import { loadCalendar, loadCatalog, parseWithSchema, readYamlFile } from '../src/catalog/index.js';
import { runScoreStage, runScoreStageParallel } from '../src/cli/score-stage.js';
import { SchemeSchema } from '../src/scoring/index.js';
import { openStore } from '../src/store/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const [file, chunk, workerCount] = process.argv.slice(2);
const workers = Number(workerCount ?? 0);
const catalog = loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data/catalog') }).catalog;
const calendar = loadCalendar();
const scheme = parseWithSchema(SchemeSchema, readYamlFile(path.join(ROOT, 'data/scoring/default.yaml')));
const store = openStore(file as string);
let heapPeak = 0;
const sampler = setInterval(() => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}, 50);
const cpu0 = process.cpuUsage();
// With workers, CPU time is the whole process's (all threads): process.cpuUsage counts them all.
const started = performance.now();
const options = {
  catalog,
  calendar,
  scheme,
  year: 2020,
  today: '2020-12-31',
  chunkBodies: Number(chunk ?? 50),
};
const { runId } =
  workers > 0
    ? await runScoreStageParallel(store, { ...options, workers, calendarFile: undefined })
    : runScoreStage(store, { ...options, collect: false });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
const summary = store.db
  .prepare<[number], { summary: string }>('SELECT summary FROM score_runs WHERE id = ?')
  .get(runId);
store.close();
process.stdout.write(
  `${JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    heapPeakMb: heapPeak / 2 ** 20,
    ...(JSON.parse(summary?.summary ?? '{}') as Record<string, unknown>),
  })}\n`,
);
