// Starts the production server (node --import tsx apps/api/src/index.ts) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const API_DIR = resolve(import.meta.dirname, '../../apps/api');

/** A port that was free a moment ago, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface ServerOptions {
  databasePath: string;
  port: number;
  demoData?: boolean;
  admin?: { email: string; password: string };
  /** Keep the server's log lines (default: dropped). */
  onLog?: (line: string) => void;
  /** Pin the server to one CPU (Linux taskset), so a load generator can have the other. */
  cpu?: number;
  /** More environment variables for the server (READ_CACHE_MB, BENCH_STATS, …). */
  env?: Record<string, string>;
}

export interface RunningServer {
  process: ChildProcess;
  pid: number;
  url: string;
  exited: Promise<number | null>;
  /** Sends a signal and waits until the process has gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server and resolves once `/api/health/ready` answers 200 (generous on a busy box). */
export async function startServer(
  options: ServerOptions,
  readyTimeoutMs = 90_000,
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ,
    PORT: String(options.port),
    DATABASE_PATH: options.databasePath,
    PUBLIC_URL: url,
    DEMO_DATA: options.demoData ? 'on' : 'off',
  };
  Object.assign(env, options.env);
  if (options.admin) {
    env.ADMIN_EMAIL = options.admin.email;
    env.ADMIN_PASSWORD = options.admin.password;
  }
  const node = [process.execPath, '--import', 'tsx', 'src/index.ts'];
  // taskset execs node in place, so the child's pid is the server's.
  const [command = process.execPath, ...args] =
    options.cpu === undefined ? node : ['taskset', '-c', String(options.cpu), ...node];
  const child = spawn(command, args, {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue;
      if (output.length < 50) output.push(line);
      options.onLog?.(line);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (gone) throw new Error(`The server stopped while starting:\n${output.join('\n')}`);
    try {
      const res = await fetch(`${url}/api/health/ready`);
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `The server did not get ready in ${readyTimeoutMs} ms:\n${output.join('\n')}`,
      );
    }
    await sleep(100);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('The server has no process id');
  return {
    process: child,
    pid,
    url,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!gone) child.kill(signal);
      await exited;
    },
  };
}

/** Logs in through the API and returns the Cookie header value for later requests. */
export async function logIn(
  server: RunningServer,
  admin: { email: string; password: string },
): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(admin),
  });
  if (res.status !== 204) throw new Error(`Login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (cookie === null) throw new Error('Login gave no cookie');
  return cookie.split(';')[0] ?? '';
}
