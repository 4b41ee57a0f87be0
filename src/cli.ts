import { Command, CommanderError } from 'commander';
import { CalendarRangeError, DataFileError, InvalidDateError } from './catalog/index.js';
import { registerAnalyzeCommand } from './cli/analyze-command.js';
import { registerCatalogCommand } from './cli/catalog-command.js';
import { CliContext, type CliIo, type GlobalOptions, UsageError } from './cli/context.js';
import { registerCrawlCommands } from './cli/crawl-commands.js';
import { registerDeadlineCommand } from './cli/deadline-command.js';
import { registerDemoSiteCommand } from './cli/demo-site-command.js';
import { registerEvidenceCommands } from './cli/evidence-command.js';
import { registerReviewCommands } from './cli/review-commands.js';
import { registerRunCommand } from './cli/run-command.js';
import { registerScoreCommands } from './cli/score-commands.js';
import { registerStoreCommands } from './cli/store-commands.js';
import { StoreError } from './store/index.js';

/** Exit codes: 0 done, 1 bad data or environment (file, date, database), 2 bad usage, 70 a bug. */
export const EXIT = { ok: 0, dataError: 1, usage: 2, internal: 70 } as const;

function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Builds the `gongkai` command; each command gets a context made from the global options. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('gongkai')
    .description('gongkai（公开）：扶贫领域基层政务公开监测与评分')
    .option('--db <path>', '数据库文件（默认 data/gongkai.db，或环境变量 GONGKAI_DB）')
    .option('--catalog <id|file>', '标准目录 id 或文件（默认为数据库初始化时所用的目录）')
    .option('--calendar <file>', '本地工作日历文件（默认 data/calendar/district.yaml）')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const context = (cmd: Command) => new CliContext(io, cmd.optsWithGlobals<GlobalOptions>());
  registerStoreCommands(program, context);
  registerCatalogCommand(program, context);
  registerAnalyzeCommand(program, context);
  registerCrawlCommands(program, context);
  registerDeadlineCommand(program, context);
  registerDemoSiteCommand(program, context);
  registerEvidenceCommands(program, context);
  registerReviewCommands(program, context);
  registerRunCommand(program, context);
  registerScoreCommands(program, context);
  const configure = (cmd: Command): void => {
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const sub of cmd.commands) configure(sub);
  };
  for (const cmd of program.commands) configure(cmd);
  return program;
}

/** Runs `gongkai` with arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit through here too, with code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(`错误：${error.message}\n`);
    return EXIT.usage;
  }
  if (
    error instanceof DataFileError ||
    error instanceof StoreError ||
    error instanceof InvalidDateError ||
    error instanceof CalendarRangeError
  ) {
    io.stderr(`错误：${error.message}\n`);
    return EXIT.dataError;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`内部错误（请报告此问题）：\n${detail}\n`);
  return EXIT.internal;
}
