import type Database from 'better-sqlite3';

/** One published page or feed entry of a source, by URL, with its lifecycle. */
export interface Post {
  id: number;
  sourceId: string;
  url: string;
  title: string | null;
  listTitle: string | null;
  listDate: string | null;
  publishedAt: string | null;
  firstSeen: string;
  lastSeen: string;
  lastChecked: string | null;
  nextCheck: string | null;
  removedAt: string | null;
  removalFetchId: number | null;
  currentVersionId: number | null;
}

/** A distinct content of a post: a changed text, table or attachment list makes a new version. */
export interface PostVersion {
  id: number;
  postId: number;
  contentSha256: string;
  bodySha256: string;
  fetchId: number;
  seenAt: string;
  title: string | null;
  publishedAt: string | null;
  extracted: unknown;
}

export interface VersionInput {
  sourceId: string;
  url: string;
  at: string;
  listTitle?: string | null;
  listDate?: string | null;
  contentSha256: string;
  bodySha256: string;
  fetchId: number;
  title: string | null;
  publishedAt: string | null;
  extracted: unknown;
  nextCheck: string | null;
}

interface PostRow {
  id: number;
  source_id: string;
  url: string;
  title: string | null;
  list_title: string | null;
  list_date: string | null;
  published_at: string | null;
  first_seen: string;
  last_seen: string;
  last_checked: string | null;
  next_check: string | null;
  removed_at: string | null;
  removal_fetch_id: number | null;
  current_version_id: number | null;
}

interface VersionRow {
  id: number;
  post_id: number;
  content_sha256: string;
  body_sha256: string;
  fetch_id: number;
  seen_at: string;
  title: string | null;
  published_at: string | null;
  extracted: string;
}

const toPost = (r: PostRow): Post => ({
  id: r.id,
  sourceId: r.source_id,
  url: r.url,
  title: r.title,
  listTitle: r.list_title,
  listDate: r.list_date,
  publishedAt: r.published_at,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  lastChecked: r.last_checked,
  nextCheck: r.next_check,
  removedAt: r.removed_at,
  removalFetchId: r.removal_fetch_id,
  currentVersionId: r.current_version_id,
});

const toVersion = (r: VersionRow): PostVersion => ({
  id: r.id,
  postId: r.post_id,
  contentSha256: r.content_sha256,
  bodySha256: r.body_sha256,
  fetchId: r.fetch_id,
  seenAt: r.seen_at,
  title: r.title,
  publishedAt: r.published_at,
  extracted: JSON.parse(r.extracted) as unknown,
});

export interface PostQueries {
  get(id: number): Post | undefined;
  byUrl(sourceId: string, url: string): Post | undefined;
  /** The URLs a source already has posts for. */
  knownUrls(sourceId: string): Set<string>;
  /** Stores what a fetch of a post read: a new post, a new version, or only a new sighting. */
  recordVersion(input: VersionInput): {
    post: Post;
    version: PostVersion;
    newPost: boolean;
    newVersion: boolean;
  };
  /** A re-check found the post unchanged (304 or same content). */
  touch(postId: number, at: string, nextCheck: string | null): void;
  markRemoved(postId: number, at: string, fetchId: number): void;
  dueForCheck(sourceId: string, now: string): Post[];
  list(options?: { sourceId?: string }): Post[];
  versions(postId: number): PostVersion[];
  version(id: number): PostVersion | undefined;
  count(sourceId?: string): number;
}

/** Typed queries on `posts` and `post_versions`. */
export function postQueries(db: Database.Database): PostQueries {
  const get = db.prepare<[number], PostRow>('SELECT * FROM posts WHERE id = ?');
  const byUrl = db.prepare<[string, string], PostRow>('SELECT * FROM posts WHERE source_id = ? AND url = ?');
  const urls = db.prepare<[string], { url: string }>('SELECT url FROM posts WHERE source_id = ?');
  const insertPost = db.prepare<unknown[], PostRow>(
    `INSERT INTO posts (source_id, url, title, list_title, list_date, published_at, first_seen, last_seen, last_checked, next_check)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const versionBySha = db.prepare<[number, string], VersionRow>(
    'SELECT * FROM post_versions WHERE post_id = ? AND content_sha256 = ?',
  );
  const insertVersion = db.prepare<unknown[], VersionRow>(
    `INSERT INTO post_versions (post_id, content_sha256, body_sha256, fetch_id, seen_at, title, published_at, extracted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const setCurrent = db.prepare(
    `UPDATE posts SET current_version_id = ?, title = ?, published_at = ?, last_seen = ?, last_checked = ?, next_check = ?,
       removed_at = NULL, removal_fetch_id = NULL,
       list_title = coalesce(?, list_title), list_date = coalesce(?, list_date) WHERE id = ?`,
  );
  const touch = db.prepare('UPDATE posts SET last_seen = ?, last_checked = ?, next_check = ? WHERE id = ?');
  const removed = db.prepare(
    'UPDATE posts SET removed_at = coalesce(removed_at, ?), removal_fetch_id = coalesce(removal_fetch_id, ?), last_checked = ?, next_check = NULL WHERE id = ?',
  );
  const due = db.prepare<[string, string], PostRow>(
    'SELECT * FROM posts WHERE source_id = ? AND removed_at IS NULL AND next_check IS NOT NULL AND next_check <= ? ORDER BY next_check',
  );
  const listAll = db.prepare<[], PostRow>('SELECT * FROM posts ORDER BY id');
  const listSource = db.prepare<[string], PostRow>('SELECT * FROM posts WHERE source_id = ? ORDER BY id');
  const versions = db.prepare<[number], VersionRow>(
    'SELECT * FROM post_versions WHERE post_id = ? ORDER BY id',
  );
  const version = db.prepare<[number], VersionRow>('SELECT * FROM post_versions WHERE id = ?');
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM posts');
  const countSource = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM posts WHERE source_id = ?',
  );

  const recordVersion = db.transaction((v: VersionInput) => {
    let row = byUrl.get(v.sourceId, v.url);
    const newPost = row === undefined;
    row ??= insertPost.get(
      v.sourceId,
      v.url,
      v.title,
      v.listTitle ?? null,
      v.listDate ?? null,
      v.publishedAt,
      v.at,
      v.at,
      v.at,
      v.nextCheck,
    ) as PostRow;
    let versionRow = versionBySha.get(row.id, v.contentSha256);
    const newVersion = versionRow === undefined;
    versionRow ??= insertVersion.get(
      row.id,
      v.contentSha256,
      v.bodySha256,
      v.fetchId,
      v.at,
      v.title,
      v.publishedAt,
      JSON.stringify(v.extracted),
    ) as VersionRow;
    // An old content coming back (an edit reverted) is current again without a new version.
    setCurrent.run(
      versionRow.id,
      versionRow.title,
      versionRow.published_at,
      v.at,
      v.at,
      v.nextCheck,
      v.listTitle ?? null,
      v.listDate ?? null,
      row.id,
    );
    return { post: toPost(get.get(row.id) as PostRow), version: toVersion(versionRow), newPost, newVersion };
  });

  return {
    get: (id) => {
      const row = get.get(id);
      return row ? toPost(row) : undefined;
    },
    byUrl: (sourceId, url) => {
      const row = byUrl.get(sourceId, url);
      return row ? toPost(row) : undefined;
    },
    knownUrls: (sourceId) => new Set(urls.all(sourceId).map((r) => r.url)),
    recordVersion: (v) => recordVersion(v),
    touch: (postId, at, nextCheck) => {
      touch.run(at, at, nextCheck, postId);
    },
    markRemoved: (postId, at, fetchId) => {
      removed.run(at, fetchId, at, postId);
    },
    dueForCheck: (sourceId, now) => due.all(sourceId, now).map(toPost),
    list: (options = {}) => (options.sourceId ? listSource.all(options.sourceId) : listAll.all()).map(toPost),
    versions: (postId) => versions.all(postId).map(toVersion),
    version: (id) => {
      const row = version.get(id);
      return row ? toVersion(row) : undefined;
    },
    count: (sourceId) => (sourceId ? countSource.get(sourceId)?.n : countAll.get()?.n) ?? 0,
  };
}
