import { parentPort, workerData } from 'node:worker_threads';
import { loadCalendar } from '../catalog/index.js';
import { openStore } from '../store/index.js';
import {
  jsonRows,
  loadStageData,
  type ScoreWorkerReply,
  type ScoreWorkerSetup,
  scorePart,
} from './score-stage.js';

// A scoring worker thread: reads parts of the district (or province) from the database and scores them; the
// thread that started it writes the rows.
const { setup } = workerData as { setup: ScoreWorkerSetup };
const store = openStore(setup.db);
const calendar = loadCalendar(setup.calendarFile);
const data = loadStageData(store);
const bodies = new Map(data.bodies.map((b) => [b.id, b]));
const port = parentPort;
if (!port) throw new Error('score-worker runs as a worker thread');

port.on('message', (message: { index: number; bodyIds: string[] }) => {
  let reply: ScoreWorkerReply;
  try {
    const chunk = message.bodyIds.flatMap((id) => bodies.get(id) ?? []);
    const part = scorePart(store, data, chunk, { ...setup, calendar }, message.index);
    reply = { index: message.index, hash: part.hash, rows: jsonRows(part.result) };
  } catch (error) {
    reply = {
      index: message.index,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  port.postMessage(reply);
});
