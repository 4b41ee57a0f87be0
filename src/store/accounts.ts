import type Database from 'better-sqlite3';

export type Role = 'admin' | 'evaluator' | 'township';

/** A dashboard account. The password hash never leaves the store except to be checked. */
export interface User {
  id: number;
  name: string;
  role: Role;
  /** The body a township account speaks for (its villages come with it). */
  bodyId: string | null;
  active: boolean;
  createdAt: string;
}

/** An API token's rights (its value is shown once and only its sha256 is kept). */
export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  bodyId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** One change a person made, with who and when. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface AccountQueries {
  addUser(user: { name: string; role: Role; bodyId: string | null; passwordHash: string }): User;
  user(id: number): User | undefined;
  userByName(name: string): (User & { passwordHash: string }) | undefined;
  users(): User[];
  setPassword(userId: number, passwordHash: string): void;
  setActive(userId: number, active: boolean): void;
  /** Opens a session under the sha256 of its cookie value. */
  addSession(session: { tokenSha256: string; userId: number; csrf: string; expiresAt: string }): void;
  /** The live session's user and CSRF token, if the session exists, has not expired and its user is active. */
  session(tokenSha256: string, now: string): { user: User; csrf: string; expiresAt: string } | undefined;
  endSession(tokenSha256: string): void;
  /** Drops expired sessions. */
  pruneSessions(now: string): number;
  addToken(token: { tokenSha256: string; name: string; role: Role; bodyId: string | null }): ApiToken;
  token(tokenSha256: string): ApiToken | undefined;
  tokens(): ApiToken[];
  revokeToken(id: number): void;
  audit(entry: {
    actor: string;
    action: string;
    target?: string | null;
    detail?: Record<string, unknown>;
  }): number;
  auditLog(filter?: { limit?: number; actor?: string }): AuditEntry[];
}

interface UserRow {
  id: number;
  name: string;
  role: string;
  body_id: string | null;
  password_hash: string;
  active: number;
  created_at: string;
}

interface TokenRow {
  id: number;
  token_sha256: string;
  name: string;
  role: string;
  body_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  role: r.role as Role,
  bodyId: r.body_id,
  active: r.active === 1,
  createdAt: r.created_at,
});

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  role: r.role as Role,
  bodyId: r.body_id,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Typed queries on `users`, `sessions`, `api_tokens` and `audit_log`. */
export function accountQueries(db: Database.Database, now: () => string): AccountQueries {
  const insertUser = db.prepare<[string, string, string | null, string, string], UserRow>(
    'INSERT INTO users (name, role, body_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
  );
  const userById = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
  const userByName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?');
  const allUsers = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY id');
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const setActive = db.prepare('UPDATE users SET active = ? WHERE id = ?');
  const insertSession = db.prepare(
    'INSERT INTO sessions (token_sha256, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const sessionRow = db.prepare<[string, string], UserRow & { csrf: string; expires_at: string }>(
    `SELECT u.*, s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_sha256 = ? AND s.expires_at > ? AND u.active = 1`,
  );
  const endSession = db.prepare('DELETE FROM sessions WHERE token_sha256 = ?');
  const prune = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const insertToken = db.prepare<[string, string, string, string | null, string], TokenRow>(
    'INSERT INTO api_tokens (token_sha256, name, role, body_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
  );
  const tokenRow = db.prepare<[string], TokenRow>(
    'SELECT * FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL',
  );
  const allTokens = db.prepare<[], TokenRow>('SELECT * FROM api_tokens ORDER BY id');
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const insertAudit = db.prepare(
    'INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const auditRows = db.prepare<
    [{ actor: string | null; limit: number }],
    { id: number; at: string; actor: string; action: string; target: string | null; detail: string }
  >('SELECT * FROM audit_log WHERE (@actor IS NULL OR actor = @actor) ORDER BY id DESC LIMIT @limit');
  return {
    addUser: (u) => toUser(insertUser.get(u.name, u.role, u.bodyId, u.passwordHash, now()) as UserRow),
    user: (id) => {
      const row = userById.get(id);
      return row ? toUser(row) : undefined;
    },
    userByName: (name) => {
      const row = userByName.get(name);
      return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
    },
    users: () => allUsers.all().map(toUser),
    setPassword: (id, hash) => {
      setPassword.run(hash, id);
    },
    setActive: (id, active) => {
      setActive.run(active ? 1 : 0, id);
    },
    addSession: (s) => {
      insertSession.run(s.tokenSha256, s.userId, s.csrf, now(), s.expiresAt);
    },
    session: (sha, at) => {
      const row = sessionRow.get(sha, at);
      return row ? { user: toUser(row), csrf: row.csrf, expiresAt: row.expires_at } : undefined;
    },
    endSession: (sha) => {
      endSession.run(sha);
    },
    pruneSessions: (at) => prune.run(at).changes,
    addToken: (t) => toToken(insertToken.get(t.tokenSha256, t.name, t.role, t.bodyId, now()) as TokenRow),
    token: (sha) => {
      const row = tokenRow.get(sha);
      return row ? toToken(row) : undefined;
    },
    tokens: () => allTokens.all().map(toToken),
    revokeToken: (id) => {
      revoke.run(now(), id);
    },
    audit: (e) =>
      Number(
        insertAudit.run(now(), e.actor, e.action, e.target ?? null, JSON.stringify(e.detail ?? {}))
          .lastInsertRowid,
      ),
    auditLog: (filter = {}) =>
      auditRows
        .all({ actor: filter.actor ?? null, limit: filter.limit ?? 200 })
        .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })),
  };
}
