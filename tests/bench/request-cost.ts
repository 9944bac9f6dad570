// What every request pays: the service's small routes against a bare `node:http` hello and a bare
// Hono hello, in the same run, on the same CPU, as server CPU time per request and as req/s.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { addDays, londonDateOf } from '@fiveways/shared';
import { freePort, startServer, type RunningServer } from '../crash/server-process.ts';
import { generateDatabase } from './generate-data.ts';

const run = promisify(execFile);
const AUTOCANNON = resolve(import.meta.dirname, '../node_modules/autocannon/autocannon.js');
const HELLO_SERVER = resolve(import.meta.dirname, 'hello-server.ts');

export interface CostOptions {
  /** Seconds of load per measurement. */
  seconds: number;
  /** Measurements per target, taken in turns so a change in the machine's load hits all alike. */
  rounds: number;
  connections: number;
}

export interface CostTarget {
  name: string;
  server: 'node' | 'hono' | 'app';
  path: string;
}

export interface CostMeasurement {
  requests: number;
  /** Server CPU time (user + system, every thread) per request, in microseconds. */
  cpuUs: number;
  rps: number;
  non2xx: number;
}

export interface Ratios {
  cpu: number;
  rps: number;
}

export interface CostResult {
  target: CostTarget;
  /** Every round's measurement, in order. */
  runs: CostMeasurement[];
  /** Medians over the rounds. */
  cpuUs: number;
  rps: number;
  /**
   * Medians over the rounds of this target's figure over the floor's in the same round: pairs
   * measured seconds apart, so a change in the machine's load mostly cancels out.
   */
  vsNode: Ratios;
  vsHono: Ratios;
}

export interface RequestCost {
  options: CostOptions;
  results: CostResult[];
  /** Request log lines the service wrote during the measurements, and requests it answered. */
  logLines: number;
  appRequests: number;
  date: string;
  node: string;
  load: string;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time a process has used so far (user + system, all its threads, dead ones included), in
 * ms: the figure `process.cpuUsage()` gives inside it, read from outside through /proc.
 */
export function processCpuMs(pid: number): number {
  // Fields after the command name (which is in parentheses and may contain spaces).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

interface HelloServer {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

async function startHello(kind: 'node' | 'hono', pin: boolean): Promise<HelloServer> {
  const port = await freePort();
  const node = [process.execPath, '--import', 'tsx', HELLO_SERVER, kind, String(port)];
  const [command = process.execPath, ...args] = pin ? ['taskset', '-c', '0', ...node] : node;
  const child = spawn(command, args, {
    cwd: import.meta.dirname,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('listening')) ready();
    });
    void exited.then(() => fail(new Error(`The ${kind} hello server stopped while starting`)));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`The ${kind} hello server has no process id`);
  return {
    pid,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Load from autocannon for some seconds (on the other CPU when pinned): the server's CPU time
 * over the run divided by the requests answered, and req/s. (A fixed request count would do for
 * the CPU figure, but autocannon only notices it is done on its one-second ticks, which skews
 * req/s.)
 */
async function measureOnce(
  url: string,
  pid: number,
  seconds: number,
  connections: number,
  pin: boolean,
): Promise<CostMeasurement> {
  const args = [AUTOCANNON, '-c', String(connections), '-d', String(seconds), '-t', '30', '-j'];
  args.push(url);
  const [command = process.execPath, ...rest] = pin
    ? ['taskset', '-c', '1', process.execPath, ...args]
    : [process.execPath, ...args];
  const cpuBefore = processCpuMs(pid);
  const { stdout } = await run(command, rest, { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
  const cpuAfter = processCpuMs(pid);
  const r = JSON.parse(stdout) as {
    requests: { total: number };
    start: string;
    finish: string;
    non2xx: number;
    errors: number;
  };
  const ran = (Date.parse(r.finish) - Date.parse(r.start)) / 1000;
  if (r.errors > 0) throw new Error(`${url}: ${r.errors} errors`);
  return {
    requests: r.requests.total,
    cpuUs: Math.round(((cpuAfter - cpuBefore) * 10_000) / r.requests.total) / 10,
    rps: ran > 0 ? Math.round(r.requests.total / ran) : 0,
    non2xx: r.non2xx,
  };
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** The targets: the two floors first, then the service's cheapest routes. */
export function costTargets(today: string): CostTarget[] {
  return [
    { name: 'bare `node:http` hello', server: 'node', path: '/' },
    { name: 'bare Hono hello', server: 'hono', path: '/' },
    { name: '`/api/health`', server: 'app', path: '/api/health' },
    { name: '`/api/ways` (small JSON)', server: 'app', path: '/api/ways' },
    { name: '`/api/areas` (small JSON, cached)', server: 'app', path: '/api/areas' },
    {
      name: '`/api/occurrences`, page of 100 (cached, ~30 KB)',
      server: 'app',
      path: `/api/occurrences?from=${today}&to=${addDays(today, 27)}&limit=100`,
    },
  ];
}

/**
 * Starts both hello servers and the service (on the sample data) pinned to CPU 0, warms each
 * target, then measures every target `rounds` times in turns.
 */
export async function measureRequestCost(options: CostOptions, pin: boolean): Promise<RequestCost> {
  const dir = mkdtempSync(join(tmpdir(), 'fiveways-bench-cost-'));
  const servers: { stop(): Promise<void> }[] = [];
  try {
    const databasePath = join(dir, 'bench.db');
    generateDatabase(databasePath, 'S');
    let logLines = 0;
    let warmed: () => void = () => undefined;
    const feedsWarmed = new Promise<void>((done) => (warmed = done));
    const app: RunningServer = await startServer({
      databasePath,
      port: await freePort(),
      demoData: false,
      onLog: (line) => {
        if (line.includes('"msg":"request"')) logLines += 1;
        else if (line.includes('"msg":"feeds warmed"')) warmed();
      },
      ...(pin ? { cpu: 0 } : {}),
    });
    servers.push(app);
    await feedsWarmed;
    const node = await startHello('node', pin);
    servers.push(node);
    const hono = await startHello('hono', pin);
    servers.push(hono);
    const where = { node, hono, app } as const;

    const targets = costTargets(londonDateOf(new Date()));
    for (const t of targets) {
      await measureOnce(`${where[t.server].url}${t.path}`, where[t.server].pid, 1, 10, pin);
    }
    const runs = new Map<CostTarget, CostMeasurement[]>(targets.map((t) => [t, []]));
    // Lines from the warm-up may still be on their way (the logger writes in batches).
    await new Promise((r) => setTimeout(r, 500));
    logLines = 0;
    let appRequests = 0;
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const t of targets) {
        const m = await measureOnce(
          `${where[t.server].url}${t.path}`,
          where[t.server].pid,
          options.seconds,
          options.connections,
          pin,
        );
        if (m.non2xx > 0) throw new Error(`${t.path} answered ${m.non2xx} times with non-2xx`);
        if (t.server === 'app') appRequests += m.requests;
        runs.get(t)?.push(m);
        console.log(
          `[cost ${round}/${options.rounds}] ${t.name.padEnd(50)} ${String(m.cpuUs).padStart(4)} µs CPU/request ${String(m.rps).padStart(7)} req/s`,
        );
      }
    }
    // Give an asynchronous log destination a moment to write what it holds.
    await new Promise((r) => setTimeout(r, 500));
    const [nodeRuns = [], honoRuns = []] = targets.slice(0, 2).map((t) => runs.get(t) ?? []);
    const pairedRatios = (xs: CostMeasurement[], floor: CostMeasurement[]): Ratios => ({
      cpu: median(xs.map((m, i) => m.cpuUs / (floor[i]?.cpuUs ?? Number.NaN))),
      rps: median(xs.map((m, i) => m.rps / (floor[i]?.rps ?? Number.NaN))),
    });
    const results = targets.map((target) => {
      const xs = runs.get(target) ?? [];
      return {
        target,
        runs: xs,
        cpuUs: median(xs.map((m) => m.cpuUs)),
        rps: Math.round(median(xs.map((m) => m.rps))),
        vsNode: pairedRatios(xs, nodeRuns),
        vsHono: pairedRatios(xs, honoRuns),
      };
    });
    return {
      options,
      results,
      logLines,
      appRequests,
      date: new Date().toISOString(),
      node: process.version,
      load: loadavg()
        .map((n) => n.toFixed(1))
        .join(', '),
    };
  } finally {
    for (const s of servers.reverse()) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');

/** The figures the targets are about, each marked met or missed. */
export function checkCostTargets(cost: RequestCost): string[] {
  const byPath = (path: string) =>
    cost.results.find((r) => r.target.server === 'app' && r.target.path === path);
  const health = byPath('/api/health');
  const areas = byPath('/api/areas');
  const ways = byPath('/api/ways');
  if (!health || !areas || !ways) return [];
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  const lines = [
    `- \`/api/health\` server CPU per request ${times(health.vsHono.cpu)} bare Hono's ` +
      `(≤ 1.5×): ${mark(health.vsHono.cpu <= 1.5)}`,
  ];
  for (const small of [areas, ways]) {
    lines.push(
      `- ${small.target.name} ${times(small.vsHono.rps)} bare Hono's req/s (≥ 0.5×): ` +
        `${mark(small.vsHono.rps >= 0.5)}`,
    );
  }
  return lines;
}

/** The report's section, between markers so a run measuring only this can replace it alone. */
export function renderRequestCost(cost: RequestCost, pin: boolean): string {
  const lines = [
    '<!-- request-cost:start -->',
    '## What every request pays',
    '',
    `Measured by \`pnpm bench\` (tests/bench/request-cost.ts) on ${cost.date}, Node ${cost.node}, ` +
      `load average ${cost.load}. A bare \`node:http\` hello and a bare Hono hello ` +
      '(tests/bench/hello-server.ts, both answering the 15 bytes of `/api/health`) and the ' +
      'service on the sample data run side by side' +
      (pin ? ', each pinned to CPU 0 with autocannon on CPU 1' : '') +
      `. Each target gets ${cost.options.seconds} s of load over ${cost.options.connections} ` +
      `connections, ${cost.options.rounds} times in turns (after a warm-up). Figures are medians ` +
      "over the rounds; each ratio is the median of one round's figure over the floor's in the " +
      "same round. **Server CPU per request** is the server process's user + system time " +
      '(all threads, read from /proc before and after) divided by the requests: it counts the ' +
      'work a request costs whatever else the shared machine is doing, where req/s moves with ' +
      'the load and, for the floors, with how fast autocannon can ask.',
    '',
    '| target | server CPU µs/request | × bare node:http | × bare Hono | req/s | × bare node:http | × bare Hono | CPU µs per round |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...cost.results.map(
      (r) =>
        `| ${r.target.name} | ${r.cpuUs} | ${times(r.vsNode.cpu)} | ${times(r.vsHono.cpu)} | ` +
        `${r.rps} | ${times(r.vsNode.rps)} | ${times(r.vsHono.rps)} | ` +
        `${r.runs.map((m) => m.cpuUs).join(', ')} |`,
    ),
    '',
    `The service wrote ${cost.logLines} request log lines during the measured rounds, for ` +
      `${cost.appRequests} answers counted by autocannon (which leaves out the few still on ` +
      'their way when a run ends).',
    '',
    ...checkCostTargets(cost),
    '<!-- request-cost:end -->',
  ];
  return lines.join('\n');
}
