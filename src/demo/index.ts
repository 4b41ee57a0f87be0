/** The simulated district web: a generated year of posts served like real county, township and WeChat sites. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, WorkingCalendar } from '../catalog/index.js';
import { evidenceCsv, recordsCsv, recordsXlsx, registryYaml, writeTruth } from './outputs.js';
import {
  COMPOSERS,
  composeDistractor,
  composeInterpretation,
  DISTRACTOR_TOPICS,
  OMITTABLE,
} from './text/index.js';
import { addFillers, type DemoWorld, generateWorld, type WorldText } from './world.js';

export type { District } from './district.js';
export type { BoardPosting, DemoBody, DemoEvent, DemoPost, DemoSite } from './model.js';
export { type DemoServer, type DemoServerOptions, startDemoServer } from './server.js';
export { composePost, type DemoWorld, versionOn, type WorldPost } from './world.js';

/** The demo's text: the composers of every item, the 解读 and the distractors. */
export const DEMO_TEXT: WorldText = {
  composers: COMPOSERS,
  omittable: OMITTABLE,
  interpretation: composeInterpretation,
  distractor: composeDistractor,
  topics: DISTRACTOR_TOPICS,
};

/** Generates the demo district's year from a seed (2020 by default), topped up to `posts` with filler news. */
export function createDemoWorld(options: {
  seed: number;
  year?: number;
  posts?: number;
  catalog: Catalog;
  calendar: WorkingCalendar;
}): DemoWorld {
  const world = generateWorld({
    seed: options.seed,
    year: options.year ?? 2020,
    catalog: options.catalog,
    calendar: options.calendar,
    text: DEMO_TEXT,
  });
  if (options.posts !== undefined) addFillers(world, options.posts);
  return world;
}

/** Writes registry.yaml, records.xlsx, records.csv, evidence.csv and truth.json for a world served at `origin`. */
export async function writeDemoFiles(world: DemoWorld, dir: string, origin: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    ['registry.yaml', registryYaml(world, origin)],
    ['records.xlsx', await recordsXlsx(world)],
    ['records.csv', recordsCsv(world)],
    ['evidence.csv', evidenceCsv(world)],
  ];
  const written = files.map(([name, content]) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  });
  const truth = path.join(dir, 'truth.json');
  writeTruth(world, origin, truth);
  return [...written, truth];
}
