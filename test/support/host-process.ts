import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the local host as a real child process (the way `npm start` does), on a random loopback
// port with its own data directory, so tests can talk HTTP to it and kill it with SIGKILL.

export interface HostProcess {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  /** POST /api/<fn> with a bearer token; returns the parsed envelope. */
  api<T = unknown>(fn: string, body: unknown, token?: string): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function tempDataDir(prefix = 'zwxmt-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startHostProcess(opts: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<HostProcess> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/local/host/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}`));
    });
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    url,
    dataDir,
    proc,
    output: () => out,
    async api<T>(fn: string, body: unknown, token?: string) {
      const res = await fetch(`${url}api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    async stop() {
      proc.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
