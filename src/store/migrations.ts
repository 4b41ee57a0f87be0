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
  {
    version: 2,
    name: 'crawling: runs, frontier, the fetch ledger, posts and their versions, attachments, source health',
    sql: `
      CREATE TABLE crawl_runs (
        id            INTEGER PRIMARY KEY,
        source_id     TEXT NOT NULL REFERENCES sources (id),
        trigger       TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule', 'catch-up', 'resume')),
        scheduled_for TEXT,
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        status        TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted', 'missed')),
        stats         TEXT NOT NULL DEFAULT '{}',
        error         TEXT
      ) STRICT;
      CREATE INDEX crawl_runs_source ON crawl_runs (source_id, id);

      -- The observation ledger: one row per request, whatever came of it (304s and failures included).
      CREATE TABLE fetches (
        id             INTEGER PRIMARY KEY,
        run_id         INTEGER REFERENCES crawl_runs (id),
        source_id      TEXT NOT NULL REFERENCES sources (id),
        url            TEXT NOT NULL,
        final_url      TEXT,
        purpose        TEXT NOT NULL,
        at             TEXT NOT NULL,
        duration_ms    INTEGER,
        status         INTEGER,
        outcome        TEXT NOT NULL CHECK (outcome IN ('fetched', 'not_modified', 'not_found', 'retryable', 'permanent')),
        reason         TEXT,
        content_type   TEXT,
        etag           TEXT,
        last_modified  TEXT,
        charset        TEXT,
        charset_source TEXT,
        body_sha256    TEXT REFERENCES blobs (sha256),
        size           INTEGER,
        rendered       INTEGER NOT NULL DEFAULT 0,
        screenshot_sha256 TEXT REFERENCES blobs (sha256),
        redirects      TEXT
      ) STRICT;
      CREATE INDEX fetches_url ON fetches (url, id);
      CREATE INDEX fetches_source ON fetches (source_id, id);

      -- What a run still has to visit, so a killed crawl resumes where it stopped.
      CREATE TABLE frontier (
        run_id INTEGER NOT NULL REFERENCES crawl_runs (id),
        url    TEXT NOT NULL,
        kind   TEXT NOT NULL,
        depth  INTEGER NOT NULL DEFAULT 0,
        data   TEXT NOT NULL DEFAULT '{}',
        state  TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'failed')),
        seq    INTEGER NOT NULL,
        PRIMARY KEY (run_id, url)
      ) STRICT;
      CREATE INDEX frontier_queue ON frontier (run_id, state, seq);

      CREATE TABLE posts (
        id                 INTEGER PRIMARY KEY,
        source_id          TEXT NOT NULL REFERENCES sources (id),
        url                TEXT NOT NULL,
        title              TEXT,
        list_title         TEXT,
        list_date          TEXT,
        published_at       TEXT,
        first_seen         TEXT NOT NULL,
        last_seen          TEXT NOT NULL,
        last_checked       TEXT,
        next_check         TEXT,
        removed_at         TEXT,
        removal_fetch_id   INTEGER REFERENCES fetches (id),
        current_version_id INTEGER,
        UNIQUE (source_id, url)
      ) STRICT;
      CREATE INDEX posts_next_check ON posts (source_id, next_check);

      -- A new extracted content (not a new byte) is a new version.
      CREATE TABLE post_versions (
        id             INTEGER PRIMARY KEY,
        post_id        INTEGER NOT NULL REFERENCES posts (id),
        content_sha256 TEXT NOT NULL,
        body_sha256    TEXT NOT NULL REFERENCES blobs (sha256),
        fetch_id       INTEGER NOT NULL REFERENCES fetches (id),
        seen_at        TEXT NOT NULL,
        title          TEXT,
        published_at   TEXT,
        extracted      TEXT NOT NULL,
        UNIQUE (post_id, content_sha256)
      ) STRICT;

      CREATE TABLE attachments (
        id         INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES post_versions (id),
        url        TEXT NOT NULL,
        name       TEXT,
        fetch_id   INTEGER REFERENCES fetches (id),
        sha256     TEXT REFERENCES blobs (sha256),
        format     TEXT,
        status     TEXT NOT NULL,
        reason     TEXT,
        text       TEXT,
        UNIQUE (version_id, url)
      ) STRICT;

      CREATE TABLE source_health (
        source_id            TEXT PRIMARY KEY REFERENCES sources (id),
        last_run_at          TEXT,
        last_success_at      TEXT,
        last_failure_at      TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        error_counts         TEXT NOT NULL DEFAULT '{}',
        last_error           TEXT
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'records and offline evidence, matches and reviews, scores',
    sql: `
      -- Something formed that must be published (imported from the systems that hold it, or typed in).
      CREATE TABLE records (
        id         INTEGER PRIMARY KEY,
        key        TEXT NOT NULL UNIQUE,
        item       TEXT NOT NULL,
        row        TEXT NOT NULL DEFAULT 'a',
        body_id    TEXT NOT NULL REFERENCES bodies (id),
        title      TEXT NOT NULL,
        ref_no     TEXT,
        formed     TEXT NOT NULL,
        amount     REAL,
        note       TEXT,
        import_id  INTEGER REFERENCES imports (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX records_body ON records (body_id, item);

      CREATE TABLE record_history (
        id         INTEGER PRIMARY KEY,
        record_id  INTEGER NOT NULL REFERENCES records (id),
        changed_at TEXT NOT NULL,
        import_id  INTEGER REFERENCES imports (id),
        before     TEXT NOT NULL,
        after      TEXT NOT NULL
      ) STRICT;

      -- A posting on a notice board or at a service centre, entered by a person.
      CREATE TABLE offline_evidence (
        id           INTEGER PRIMARY KEY,
        body_id      TEXT NOT NULL REFERENCES bodies (id),
        item         TEXT NOT NULL,
        record_id    INTEGER REFERENCES records (id),
        channel      TEXT NOT NULL,
        title        TEXT,
        posted_from  TEXT NOT NULL,
        posted_to    TEXT,
        stated_days  INTEGER,
        photo_sha256 TEXT REFERENCES blobs (sha256),
        entered_by   TEXT NOT NULL,
        entered_at   TEXT NOT NULL,
        note         TEXT
      ) STRICT;
      CREATE INDEX offline_evidence_body ON offline_evidence (body_id, item);

      -- What the matchers read in a post version; a person's review (below) overrides it.
      CREATE TABLE matches (
        version_id      INTEGER PRIMARY KEY REFERENCES post_versions (id),
        matcher_version TEXT NOT NULL,
        catalog         TEXT NOT NULL,
        items           TEXT NOT NULL,
        published_at    TEXT,
        formed_at       TEXT,
        notice          TEXT,
        publisher_body  TEXT,
        publisher_name  TEXT,
        elements        TEXT NOT NULL,
        privacy         TEXT NOT NULL,
        interpretation_of TEXT,
        doc_no          TEXT,
        analysis        TEXT NOT NULL,
        matched_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE match_records (
        version_id INTEGER NOT NULL REFERENCES post_versions (id),
        record_id  INTEGER NOT NULL REFERENCES records (id),
        score      REAL NOT NULL,
        reasons    TEXT NOT NULL,
        PRIMARY KEY (version_id, record_id)
      ) STRICT;

      CREATE TABLE reviews (
        id       INTEGER PRIMARY KEY,
        post_id  INTEGER NOT NULL REFERENCES posts (id),
        by       TEXT NOT NULL,
        at       TEXT NOT NULL,
        decision TEXT NOT NULL,
        note     TEXT
      ) STRICT;
      CREATE INDEX reviews_post ON reviews (post_id, id);

      -- A township's "we did publish it": a URL for an obligation, to be confirmed by an evaluator.
      CREATE TABLE claims (
        id             INTEGER PRIMARY KEY,
        body_id        TEXT NOT NULL REFERENCES bodies (id),
        obligation_key TEXT NOT NULL,
        url            TEXT NOT NULL,
        post_id        INTEGER REFERENCES posts (id),
        by             TEXT NOT NULL,
        at             TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
        reviewed_by    TEXT,
        reviewed_at    TEXT,
        note           TEXT
      ) STRICT;

      -- The result of gongkai score: recomputed from scratch, the latest run per year is what pages show.
      CREATE TABLE score_runs (
        id          INTEGER PRIMARY KEY,
        year        INTEGER NOT NULL,
        today       TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        scheme      TEXT NOT NULL,
        catalog     TEXT NOT NULL,
        inputs_sha256 TEXT NOT NULL,
        summary     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE obligations (
        run_id   INTEGER NOT NULL REFERENCES score_runs (id),
        key      TEXT NOT NULL,
        body_id  TEXT NOT NULL,
        item     TEXT NOT NULL,
        status   TEXT NOT NULL,
        due      TEXT,
        data     TEXT NOT NULL,
        PRIMARY KEY (run_id, key)
      ) STRICT;
      CREATE INDEX obligations_body ON obligations (run_id, body_id);

      CREATE TABLE findings (
        id       INTEGER PRIMARY KEY,
        run_id   INTEGER NOT NULL REFERENCES score_runs (id),
        body_id  TEXT NOT NULL,
        kind     TEXT NOT NULL,
        item     TEXT,
        data     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX findings_body ON findings (run_id, body_id);

      CREATE TABLE scorecards (
        run_id   INTEGER NOT NULL REFERENCES score_runs (id),
        body_id  TEXT NOT NULL,
        scope    TEXT NOT NULL CHECK (scope IN ('own', 'with_villages')),
        data     TEXT NOT NULL,
        PRIMARY KEY (run_id, body_id, scope)
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'claims say when they were published; runs say their scope',
    sql: `
      -- A township's claim says when it published; an evaluator's decision is kept beside it.
      ALTER TABLE claims ADD COLUMN published_on TEXT;
      CREATE INDEX claims_body ON claims (body_id, status);

      -- A run over a whole source (start pages, lists, re-checks) or over given URLs only (a claimed link):
      -- only whole-source runs tell whether a source was reachable.
      ALTER TABLE crawl_runs ADD COLUMN scope TEXT NOT NULL DEFAULT 'source' CHECK (scope IN ('source', 'urls'));
    `,
  },
  {
    version: 5,
    name: 'accounts: users, sessions, API tokens, the audit log',
    sql: `
      -- Dashboard accounts: a township account is bound to its body (and sees its villages).
      CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'evaluator', 'township')),
        body_id       TEXT REFERENCES bodies (id),
        password_hash TEXT NOT NULL,           -- scrypt, with its parameters and salt
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at    TEXT NOT NULL,
        CHECK (role <> 'township' OR body_id IS NOT NULL)
      ) STRICT;

      -- Only the sha256 of a session's cookie value is kept, so a copy of the database opens no session.
      CREATE TABLE sessions (
        token_sha256 TEXT PRIMARY KEY,
        user_id      INTEGER NOT NULL REFERENCES users (id),
        csrf         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        expires_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_user ON sessions (user_id);

      CREATE TABLE api_tokens (
        id           INTEGER PRIMARY KEY,
        token_sha256 TEXT NOT NULL UNIQUE,
        name         TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('admin', 'evaluator', 'township')),
        body_id      TEXT REFERENCES bodies (id),
        created_at   TEXT NOT NULL,
        revoked_at   TEXT,
        CHECK (role <> 'township' OR body_id IS NOT NULL)
      ) STRICT;

      -- Every change a person makes (review, import, evidence, claim, account, settings), with who and when.
      CREATE TABLE audit_log (
        id     INTEGER PRIMARY KEY,
        at     TEXT NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
  {
    version: 6,
    name: 'ledger retention: monthly counts of unchanged fetches; indexes on the columns that reference fetches',
    sql: `
      -- What retention leaves of the per-fetch rows of unchanged pages (304s, same bytes again) once they are old:
      -- how often each URL was seen unchanged in a month (China time), and when first and last.
      CREATE TABLE fetch_aggregates (
        url       TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources (id),
        month     TEXT NOT NULL,
        outcome   TEXT NOT NULL CHECK (outcome IN ('fetched', 'not_modified')),
        count     INTEGER NOT NULL,
        first_at  TEXT NOT NULL,
        last_at   TEXT NOT NULL,
        PRIMARY KEY (url, source_id, month, outcome)
      ) STRICT;

      -- Deleting a fetch checks every table that may reference it; without these each check scans the table.
      CREATE INDEX post_versions_fetch ON post_versions (fetch_id);
      CREATE INDEX attachments_fetch ON attachments (fetch_id);
      CREATE INDEX posts_removal_fetch ON posts (removal_fetch_id);
    `,
  },
  {
    version: 7,
    name: 'evidence chain: one sealed manifest per China-time day of fetches, each chained to the day before',
    sql: `
      -- A day's fetch rows hashed in id order: all of them, and apart those retention never deletes (failures,
      -- rows a version or an attachment was read from); sha256 = sha256(previous sha256, day, counts, digests).
      CREATE TABLE manifests (
        day             TEXT PRIMARY KEY,
        fetch_count     INTEGER NOT NULL,
        fetches_sha256  TEXT NOT NULL,
        evidence_count  INTEGER NOT NULL,
        evidence_sha256 TEXT NOT NULL,
        prev_sha256     TEXT NOT NULL,
        sha256          TEXT NOT NULL UNIQUE,
        sealed_at       TEXT NOT NULL
      ) STRICT;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
