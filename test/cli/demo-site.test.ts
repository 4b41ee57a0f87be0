import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

describe('gongkai demo-site', () => {
  it('writes the registry, the records and the truth with --once', async () => {
    const out = path.join(tempDir(), 'demo');
    const run = await runCli(['demo-site', '--once', '--seed', '3', '--port', '8090', '--out', out]);
    expect(run.code).toBe(0);
    for (const file of ['registry.yaml', 'records.xlsx', 'records.csv', 'evidence.csv', 'truth.json'])
      expect(existsSync(path.join(out, file))).toBe(true);
    expect(readFileSync(path.join(out, 'registry.yaml'), 'utf8')).toContain(
      'http://127.0.0.1:8090/fpzl/index.html',
    );
    expect(run.stdout).toContain('种子 3');
  });

  it('writes the same files for the same seed', async () => {
    const [a, b] = [path.join(tempDir(), 'a'), path.join(tempDir(), 'b')];
    await runCli(['demo-site', '--once', '--seed', '5', '--out', a]);
    await runCli(['demo-site', '--once', '--seed', '5', '--out', b]);
    for (const file of ['registry.yaml', 'records.xlsx', 'records.csv', 'evidence.csv', 'truth.json']) {
      expect(readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))), file).toBe(true);
    }
  });

  it('rejects a bad day or seed', async () => {
    expect((await runCli(['demo-site', '--once', '--today', '2020-02-30'])).code).toBe(1);
    expect((await runCli(['demo-site', '--once', '--seed', '-1'])).code).toBe(2);
  });
});
