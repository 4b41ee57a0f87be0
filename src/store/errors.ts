/** A database problem the user can act on (locked, corrupt, missing, too new), with a Chinese message. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

interface SqliteLikeError {
  code?: string;
  message?: string;
}

/** Translates a better-sqlite3 error into a `StoreError` when it is one the user can act on. */
export function toStoreError(error: unknown, path: string, busyTimeoutMs: number): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as SqliteLikeError | null)?.code ?? '';
  const message = messageFor(code, path, busyTimeoutMs);
  return message ? new StoreError(message, path, { cause: error }) : error;
}

function messageFor(code: string, path: string, busyTimeoutMs: number): string | undefined {
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return `数据库 ${path} 正被另一个进程占用（已等待 ${Math.round(busyTimeoutMs / 1000)} 秒），请稍后再试或先停止正在运行的 gongkai`;
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return `数据库文件 ${path} 已损坏或不是 SQLite 数据库：请从备份恢复（gongkai backup 生成的文件），或换一个路径重新 init`;
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return `无法打开数据库文件 ${path}：请检查路径和权限`;
  if (code.startsWith('SQLITE_READONLY')) return `数据库文件 ${path} 是只读的，无法写入`;
  if (code === 'SQLITE_FULL') return `磁盘已满，无法写入数据库 ${path}`;
  return undefined;
}
