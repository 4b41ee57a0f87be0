import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadedCatalog, loadCalendar, loadCatalog, type WorkingCalendar } from '../catalog/index.js';
import { openStore, type Store, type StoreOptions } from '../store/index.js';
import { configFileOf, loadSettings, type Settings } from './config.js';

/** Where a command writes, and the environment it runs in; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Reads all of standard input (for --password-stdin); tests pass their own. */
  stdin?: () => Promise<string>;
}

/** A mistake in how the command was called (exit code 2), as opposed to bad data (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every command accepts. */
/** An option's whole number within bounds, else a UsageError naming the option and what it got (exit 2). */
export function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} 应为 ${min}–${max} 之间的整数，收到“${value}”`);
  return n;
}

/** A port option: 0 lets the system choose a free one. */
export const portOf = (value: string, name = '--port'): number => wholeNumber(value, name, 0, 65_535);

export interface GlobalOptions {
  db?: string;
  catalog?: string;
  calendar?: string;
  config?: string;
}

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CATALOG_DIR = path.join(PACKAGE_ROOT, 'data', 'catalog');
export const DEFAULT_CATALOG = 'shifanqu-2020';
export const DEFAULT_CALENDAR = path.join(PACKAGE_ROOT, 'data', 'calendar', 'district.yaml');

/** What commands share: resolved paths and lazily opened catalog, calendar and store. */
export class CliContext {
  private loaded: Settings | undefined;

  constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions,
  ) {}

  /** The config file (--config, else GONGKAI_CONFIG, else ./gongkai.yaml if present) under the environment's values. */
  get settings(): Settings {
    this.loaded ??= loadSettings({
      file: configFileOf(this.options.config ?? this.io.env.GONGKAI_CONFIG, this.io.cwd),
      env: this.io.env,
      cwd: this.io.cwd,
    });
    return this.loaded;
  }

  resolve(file: string): string {
    return path.resolve(this.io.cwd, file);
  }

  get dbPath(): string {
    // Read even when --db is given, so that a broken config file is reported rather than silently passed over.
    const { database } = this.settings;
    return this.resolve(this.options.db ?? database ?? path.join('data', 'gongkai.db'));
  }

  openStore(options: StoreOptions = {}): Store {
    const busy = Number(this.io.env.GONGKAI_BUSY_TIMEOUT_MS);
    return openStore(this.dbPath, {
      ...(Number.isFinite(busy) && busy >= 0 ? { busyTimeoutMs: busy } : {}),
      ...options,
    });
  }

  /** The catalog named by --catalog, else the one the database was initialised with, else the default. */
  loadCatalog(): LoadedCatalog {
    const ref = this.options.catalog ?? this.storedCatalogRef() ?? DEFAULT_CATALOG;
    const isPath = /[\\/]/.test(ref) || /\.ya?ml$/.test(ref);
    return loadCatalog(isPath ? this.resolve(ref) : ref, { dir: CATALOG_DIR });
  }

  private storedCatalogRef(): string | undefined {
    if (!existsSync(this.dbPath)) return undefined;
    const store = this.openStore({ allowOutdated: true });
    try {
      return store.version() === 0 ? undefined : store.meta.activeCatalog()?.files[0];
    } finally {
      store.close();
    }
  }

  loadCalendar(): WorkingCalendar {
    return loadCalendar(this.calendarFile());
  }

  /** The district calendar file --calendar names, else the default one when present. */
  calendarFile(): string | undefined {
    const file = this.options.calendar ? this.resolve(this.options.calendar) : DEFAULT_CALENDAR;
    return existsSync(file) || this.options.calendar ? file : undefined;
  }

  json(value: unknown): void {
    this.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  }

  print(text: string): void {
    this.io.stdout(`${text}\n`);
  }
}
