import type Database from 'better-sqlite3';
import type { Catalog, LoadedCatalog } from '../catalog/index.js';

/** The catalog a database was initialised with. */
export interface StoredCatalog {
  id: string;
  name: string;
  version: string;
  sha256: string;
  files: string[];
  catalog: Catalog;
  loadedAt: string;
}

/** One import of a data file, with what it changed. */
export interface ImportRecord {
  kind: string;
  file: string;
  sha256: string;
  summary: Record<string, number>;
}

export interface MetaQueries {
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;
  /** Stores the resolved catalog and makes it the active one; unchanged content is not rewritten. */
  saveCatalog(loaded: LoadedCatalog): 'created' | 'updated' | 'unchanged';
  activeCatalog(): StoredCatalog | undefined;
  recordImport(record: ImportRecord): void;
  imports(): (ImportRecord & { at: string })[];
}

interface CatalogRow {
  id: string;
  name: string;
  version: string;
  sha256: string;
  files: string;
  content: string;
  loaded_at: string;
}

/** Settings, the active catalog and the import log. */
export function metaQueries(db: Database.Database, now: () => string): MetaQueries {
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const getCatalog = db.prepare<[string], CatalogRow>('SELECT * FROM catalogs WHERE id = ?');
  const putCatalog = db.prepare(
    `INSERT INTO catalogs (id, name, version, sha256, files, content, loaded_at)
     VALUES (@id, @name, @version, @sha256, @files, @content, @at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version, sha256 = excluded.sha256,
       files = excluded.files, content = excluded.content, loaded_at = excluded.loaded_at`,
  );
  const insertImport = db.prepare(
    'INSERT INTO imports (kind, file, sha256, at, summary) VALUES (?, ?, ?, ?, ?)',
  );
  const listImports = db.prepare<
    [],
    { kind: string; file: string; sha256: string; at: string; summary: string }
  >('SELECT kind, file, sha256, at, summary FROM imports ORDER BY id');

  const setting = (key: string) => getSetting.get(key)?.value;
  const setSetting = (key: string, value: string) => {
    putSetting.run(key, value);
  };

  return {
    getSetting: setting,
    setSetting,
    saveCatalog: ({ catalog, files, sha256 }) => {
      const existing = getCatalog.get(catalog.id);
      const wasActive = setting('catalog') === catalog.id;
      if (existing?.sha256 === sha256 && wasActive) return 'unchanged';
      if (existing?.sha256 !== sha256) {
        putCatalog.run({
          id: catalog.id,
          name: catalog.name,
          version: catalog.version,
          sha256,
          files: JSON.stringify(files),
          content: JSON.stringify(catalog),
          at: now(),
        });
      }
      setSetting('catalog', catalog.id);
      return existing ? 'updated' : 'created';
    },
    activeCatalog: () => {
      const id = setting('catalog');
      const row = id === undefined ? undefined : getCatalog.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        name: row.name,
        version: row.version,
        sha256: row.sha256,
        files: JSON.parse(row.files) as string[],
        catalog: JSON.parse(row.content) as Catalog,
        loadedAt: row.loaded_at,
      };
    },
    recordImport: (r) => {
      insertImport.run(r.kind, r.file, r.sha256, now(), JSON.stringify(r.summary));
    },
    imports: () =>
      listImports.all().map((r) => ({ ...r, summary: JSON.parse(r.summary) as Record<string, number> })),
  };
}
