import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CalendarFileSchema,
  listCatalogs,
  loadCatalog,
  parseWithSchema,
  readYamlFile,
} from '../src/catalog/index.js';
import { loadSettings } from '../src/cli/config.js';
import { SchemeSchema } from '../src/scoring/index.js';
import { readRegistry } from '../src/sync/index.js';

const DATA = path.resolve(import.meta.dirname, '..', 'data');

describe('every file in data/', () => {
  it('has only files this test knows how to read', () => {
    // data/demo/ is written by `npm start` and ignored by git.
    const known = new Set([
      'catalog',
      'calendar',
      'scoring',
      'registry.example.yaml',
      'gongkai.example.yaml',
      'demo',
    ]);
    const unknown = readdirSync(DATA).filter((f) => !known.has(f) && !f.endsWith('.db') && !/\.db-/.test(f));
    expect(unknown).toEqual([]);
  });

  for (const { id, file } of listCatalogs(path.join(DATA, 'catalog'))) {
    it(`loads the catalog ${id}`, () => {
      const { catalog } = loadCatalog(file, { dir: path.join(DATA, 'catalog') });
      expect(catalog.id).toBe(id);
      expect(catalog.items).toHaveLength(13);
    });
  }

  for (const file of readdirSync(path.join(DATA, 'calendar'))) {
    it(`parses the calendar file ${file}`, () => {
      expect(() =>
        parseWithSchema(CalendarFileSchema, readYamlFile(path.join(DATA, 'calendar', file))),
      ).not.toThrow();
    });
  }

  it('parses the example registry without warnings', () => {
    expect(readRegistry(path.join(DATA, 'registry.example.yaml')).warnings).toEqual([]);
  });

  it('parses the example configuration', () => {
    const file = path.join(DATA, 'gongkai.example.yaml');
    expect(loadSettings({ file, env: {}, cwd: DATA }).configFile).toBe(file);
  });
});

describe('the scoring schemes in data/scoring', () => {
  for (const file of readdirSync(path.join(DATA, 'scoring'))) {
    it(`parses ${file}`, () => {
      expect(() =>
        parseWithSchema(SchemeSchema, readYamlFile(path.join(DATA, 'scoring', file))),
      ).not.toThrow();
    });
  }
});
