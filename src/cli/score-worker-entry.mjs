// A worker thread does not inherit the TypeScript loader of the thread that started it: register it, then load
// the worker module (see score-stage.ts, runScoreStageParallel).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
