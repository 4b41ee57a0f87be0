/** Ordered schema changes; a database's `user_version` is the number of the last one applied. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'foundation: settings, catalogs, bodies, sources, blobs, imports',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE catalogs (
        id        TEXT PRIMARY KEY,
        name      TEXT NOT NULL,
        version   TEXT NOT NULL,
        sha256    TEXT NOT NULL,
        files     TEXT NOT NULL,           -- JSON array of the files it was resolved from
        content   TEXT NOT NULL,           -- the resolved catalog, JSON
        loaded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE bodies (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        level      TEXT NOT NULL CHECK (level IN ('county', 'department', 'township', 'village')),
        parent_id  TEXT REFERENCES bodies (id) DEFERRABLE INITIALLY DEFERRED,
        role       TEXT CHECK (role IN ('poverty_office', 'finance', 'sector')),
        aliases    TEXT NOT NULL DEFAULT '[]',
        extra      TEXT NOT NULL DEFAULT '{}',
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bodies_parent ON bodies (parent_id);

      CREATE TABLE sources (
        id         TEXT PRIMARY KEY,
        body_id    TEXT NOT NULL REFERENCES bodies (id) DEFERRABLE INITIALLY DEFERRED,
        kind       TEXT NOT NULL CHECK (kind IN ('website', 'feed', 'offline')),
        channel    TEXT NOT NULL,
        config     TEXT NOT NULL,          -- JSON: start, scope, render, schedule, politeness, selectors, extra keys
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sources_body ON sources (body_id);

      -- Evidence bodies, stored once per content (sha256 of the raw bytes), compressed when it pays.
      CREATE TABLE blobs (
        sha256     TEXT PRIMARY KEY,
        size       INTEGER NOT NULL,
        encoding   TEXT NOT NULL CHECK (encoding IN ('identity', 'br')),
        data       BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE imports (
        id       INTEGER PRIMARY KEY,
        kind     TEXT NOT NULL,
        file     TEXT NOT NULL,
        sha256   TEXT NOT NULL,
        at       TEXT NOT NULL,
        summary  TEXT NOT NULL             -- JSON counts: created, updated, unchanged, retired
      ) STRICT;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
