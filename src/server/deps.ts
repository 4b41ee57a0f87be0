import type { Catalog, WorkingCalendar } from '../catalog/index.js';
import type { Scheme } from '../scoring/index.js';
import type { Role, Store } from '../store/index.js';

/** What the dashboard can ask the rest of gongkai to do; the shell (cli) supplies them. */
export interface ServerActions {
  /** Matches what is new and scores the year again (after a review, a claim, an import). */
  rescore(year: number): Promise<void>;
  /** One crawl pass over a source now. */
  crawlNow(sourceId: string): Promise<{ status: string; newPosts: number }>;
  /** Fetches a page a body says it published and stores it as a post of the source; the post's id, or why not. */
  fetchClaimed(url: string, sourceId: string): Promise<{ postId: number } | { error: string }>;
}

/** Everything `createApp` needs: the store, the rules, the clock, the actions. */
export interface ServerDeps {
  store: Store;
  catalog: Catalog;
  calendar: WorkingCalendar;
  scheme: Scheme;
  clock: () => Date;
  actions: ServerActions;
  /** Mark cookies Secure (when the dashboard is served over https). */
  secureCookies?: boolean;
  /** How long a session lasts without logging in again. */
  sessionHours?: number;
  /** Largest upload accepted (records, evidence photos). */
  maxUploadBytes?: number;
  log?: { info(data: object, message: string): void; warn(data: object, message: string): void };
}

/** Who is asking: a logged-in person, or an API token. */
export interface Viewer {
  kind: 'user' | 'token';
  name: string;
  role: Role;
  bodyId: string | null;
  userId: number | null;
  /** The session's CSRF token (forms only). */
  csrf: string | null;
}

/** The bodies a viewer may see: all of them, or a township's own and its villages'. */
export interface Scope {
  all: boolean;
  bodyIds: ReadonlySet<string>;
}

export interface AppEnv {
  Variables: {
    viewer: Viewer;
    scope: Scope;
  };
}
