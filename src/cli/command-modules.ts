import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** Adds a module's commands to the program. */
export type RegisterCommands = (program: Command, context: (cmd: Command) => CliContext) => void;

/** A command module and the top-level commands it registers. */
export interface CommandModule {
  commands: readonly string[];
  load: () => Promise<RegisterCommands>;
}

/**
 * Every command module, in help order. A command loads only its own module (with what it imports), so
 * `gongkai crawl` never loads the scoring, the matchers or the attachment readers; a new command needs its
 * row here, and until it has one, running it loads every module.
 */
export const COMMAND_MODULES: readonly CommandModule[] = [
  {
    commands: ['init', 'import', 'backup'],
    load: async () => (await import('./store-commands.js')).registerStoreCommands,
  },
  { commands: ['catalog'], load: async () => (await import('./catalog-command.js')).registerCatalogCommand },
  { commands: ['analyze'], load: async () => (await import('./analyze-command.js')).registerAnalyzeCommand },
  {
    commands: ['crawl', 'posts'],
    load: async () => (await import('./crawl-commands.js')).registerCrawlCommands,
  },
  {
    commands: ['deadline'],
    load: async () => (await import('./deadline-command.js')).registerDeadlineCommand,
  },
  { commands: ['demo'], load: async () => (await import('./demo-command.js')).registerDemoCommand },
  {
    commands: ['demo-site'],
    load: async () => (await import('./demo-site-command.js')).registerDemoSiteCommand,
  },
  { commands: ['export'], load: async () => (await import('./export-command.js')).registerExportCommand },
  {
    commands: ['evidence'],
    load: async () => (await import('./evidence-command.js')).registerEvidenceCommands,
  },
  {
    commands: ['review', 'claim'],
    load: async () => (await import('./review-commands.js')).registerReviewCommands,
  },
  { commands: ['run'], load: async () => (await import('./run-command.js')).registerRunCommand },
  {
    commands: ['maintain'],
    load: async () => (await import('./maintain-command.js')).registerMaintainCommand,
  },
  {
    commands: ['match', 'score'],
    load: async () => (await import('./score-commands.js')).registerScoreCommands,
  },
  {
    commands: ['serve', 'user', 'token'],
    load: async () => (await import('./server-commands.js')).registerServerCommands,
  },
];

/** The command named on the command line: the first word that is neither a global option nor its value. */
export function commandNameOf(program: Command, argv: readonly string[]): string | undefined {
  const takesValue = new Set(
    program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]),
  );
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') return argv[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (takesValue.has(arg)) i += 1;
  }
  return undefined;
}

/** The modules a command line needs: the named command's own, or all of them (help, unknown commands). */
export function modulesFor(program: Command, argv: readonly string[]): readonly CommandModule[] {
  const name = commandNameOf(program, argv);
  const own = COMMAND_MODULES.filter((m) => name !== undefined && m.commands.includes(name));
  return own.length > 0 ? own : COMMAND_MODULES;
}
