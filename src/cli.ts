import { Command, CommanderError } from 'commander';
import { CalendarRangeError, DataFileError, InvalidDateError } from './catalog/index.js';
import { modulesFor } from './cli/command-modules.js';
import { CliContext, type CliIo, type GlobalOptions, UsageError } from './cli/context.js';
import { StoreError } from './store/index.js';

/** Exit codes: 0 done, 1 bad data or environment (file, date, database), 2 bad usage, 70 a bug. */
export const EXIT = { ok: 0, dataError: 1, usage: 2, internal: 70 } as const;

function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/**
 * Builds the `gongkai` command for a command line; each command gets a context made from the global options.
 * Only the modules of the command being run are loaded (all of them for help or an unknown command).
 */
export async function buildProgram(io: CliIo, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('gongkai')
    .description('gongkai（公开）：扶贫领域基层政务公开监测与评分')
    .option('--db <path>', '数据库文件（默认 data/gongkai.db，或环境变量 GONGKAI_DB、配置文件的 database）')
    .option('--catalog <id|file>', '标准目录 id 或文件（默认为数据库初始化时所用的目录）')
    .option('--calendar <file>', '本地工作日历文件（默认 data/calendar/district.yaml）')
    .option('--config <file>', '配置文件（默认当前目录下的 gongkai.yaml，或环境变量 GONGKAI_CONFIG）')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const context = (cmd: Command) => new CliContext(io, cmd.optsWithGlobals<GlobalOptions>());
  const registers = await Promise.all(modulesFor(program, argv).map((m) => m.load()));
  for (const register of registers) register(program, context);
  const configure = (cmd: Command): void => {
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const sub of cmd.commands) configure(sub);
  };
  for (const cmd of program.commands) configure(cmd);
  return program;
}

/** Runs `gongkai` with arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  try {
    const program = await buildProgram(io, argv);
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
