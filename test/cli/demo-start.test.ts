import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tempDir = useTempDir();
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

// What `npm start` runs, the way a newcomer runs it: a process of its own, a free port, then the browser's requests.
function startDemo(dir: string): Promise<{ url: string; output: () => string }> {
  let output = '';
  child = spawn(
    process.execPath,
    ['bin/gongkai.js', 'demo', '--port', '0', '--dir', dir, '--cadence', '14'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /看板：(http:\/\/[\d.:]+)\//.exec(output)?.[1];
      if (url && output.includes('按 Ctrl+C 停止')) resolve({ url, output: () => output });
    };
    child?.stdout?.on('data', seen);
    child?.stderr?.on('data', seen);
    child?.on('exit', (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
  });
}

async function loginAs(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name, password }).toString(),
  });
  expect(res.status).toBe(302);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

describe('npm start (gongkai demo)', () => {
  it('brings up the scored demo dashboard and prints the accounts that open it', {
    timeout: 240_000,
  }, async () => {
    const { url, output } = await startDemo(tempDir());
    const accounts = [...output().matchAll(/用户名 (\S+)，密码 (\S+)/g)].map((m) => ({
      name: m[1],
      password: m[2],
    }));
    expect(accounts).toHaveLength(2);

    const evaluator = await loginAs(url, accounts[0]?.name as string, accounts[0]?.password as string);
    const overview = await (await fetch(`${url}/`, { headers: { cookie: evaluator } })).text();
    expect(overview).toContain('2020 年度总览');
    expect(overview).toContain('主体排名');
    expect(overview).toMatch(/河西街道办事处/);

    const township = await loginAs(url, accounts[1]?.name as string, accounts[1]?.password as string);
    const start = await fetch(`${url}/`, { headers: { cookie: township }, redirect: 'manual' });
    expect(start.headers.get('location')).toBe('/overdue');
    const scorecards = (await (
      await fetch(`${url}/api/scorecards?year=2020`, { headers: { cookie: township } })
    ).json()) as {
      body: { id: string };
    }[];
    expect(scorecards.length).toBeGreaterThan(1);
    expect(scorecards.every((c) => c.body.id === 't-hexi' || c.body.id.startsWith('v-'))).toBe(true);
    const overdue = (await (
      await fetch(`${url}/api/overdue?body=t-hexi&today=2020-12-31`, { headers: { cookie: township } })
    ).json()) as unknown[];
    expect(overdue.length).toBeGreaterThan(0);
  });
});
