import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, commandNameOf, modulesFor } from '../../src/cli/command-modules.js';
import { CliContext } from '../../src/cli/context.js';

const context = (cmd: Command) =>
  new CliContext({ stdout: () => {}, stderr: () => {}, cwd: '.', env: {} }, cmd.optsWithGlobals());
const aProgram = () => new Command('gongkai').option('--db <path>').option('--catalog <id|file>');

describe('COMMAND_MODULES', () => {
  for (const module of COMMAND_MODULES) {
    it(`lists the commands that ${module.commands.join(', ')} module registers`, async () => {
      const program = aProgram();
      (await module.load())(program, context);
      expect(program.commands.map((c) => c.name())).toEqual(module.commands);
    });
  }
});

describe('commandNameOf', () => {
  it('skips global options and their values', () => {
    expect(commandNameOf(aProgram(), ['--db', 'x.db', '--catalog=y', 'crawl', '--all'])).toBe('crawl');
  });

  it('returns undefined when no command is named', () => {
    expect(commandNameOf(aProgram(), ['--db', 'crawl'])).toBeUndefined();
  });
});

describe('modulesFor', () => {
  it('loads only the named command’s module', () => {
    expect(modulesFor(aProgram(), ['posts', '--json']).map((m) => m.commands)).toEqual([['crawl', 'posts']]);
  });

  it('loads every module for help and unknown commands', () => {
    expect(modulesFor(aProgram(), ['--help'])).toHaveLength(COMMAND_MODULES.length);
    expect(modulesFor(aProgram(), ['crawll'])).toHaveLength(COMMAND_MODULES.length);
  });
});
