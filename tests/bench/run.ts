// `pnpm bench [--sizes=S,M,L|none] [--duration=5] [--connections=50] [--cost-duration=4] [--rounds=5]`:
// load-tests the production server on loopback with autocannon, first against bare hello-world
// servers (request-cost.ts), then per data size, and writes docs/benchmarks.md. `--sizes=none`
// measures only the request cost and replaces only its section. Not part of `pnpm test`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { affectedFeeds } from '@fiveways/api/bench/affected-feeds.ts';
import { addDays, londonDateOf } from '@fiveways/shared';
import { freePort, logIn, startServer, type RunningServer } from '../crash/server-process.ts';
import { generateDatabase, isSize, type Counts, type Size } from './generate-data.ts';
import { runReadLoad } from './read-load.ts';
import {
  checkCostTargets,
  measureRequestCost,
  processCpuMs,
  renderRequestCost,
  type RequestCost,
} from './request-cost.ts';

const run = promisify(execFile);
const AUTOCANNON = resolve(import.meta.dirname, '../node_modules/autocannon/autocannon.js');
const REPORT = resolve(import.meta.dirname, '../../docs/benchmarks.md');
const BR_GZIP = 'br, gzip';
const ADMIN = { email: 'bench-admin@example.org', password: 'benchmark passphrase 1' };

interface Options {
  sizes: Size[];
  duration: number;
  connections: number;
  /** Seconds per request-cost measurement, and measurements per target. */
  costDuration: number;
  rounds: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    sizes: ['S', 'M'],
    duration: 5,
    connections: 50,
    costDuration: 4,
    rounds: 5,
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'sizes' && value === 'none') options.sizes = [];
    else if (key === 'sizes') {
      const sizes = value.split(',').map((s) => s.trim().toUpperCase());
      const bad = sizes.filter((s) => !isSize(s));
      if (bad.length > 0) throw new Error(`Unknown size ${bad.join(', ')}: use S, M and/or L`);
      options.sizes = sizes.filter(isSize);
    } else if (key === 'duration') options.duration = Math.max(1, Math.min(30, Number(value)));
    else if (key === 'connections') options.connections = Math.max(1, Number(value));
    else if (key === 'cost-duration')
      options.costDuration = Math.max(1, Math.min(30, Number(value)));
    else if (key === 'rounds') options.rounds = Math.max(1, Math.min(9, Number(value)));
    else if (arg !== '--') throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

interface Route {
  name: string;
  path: string;
  headers?: Record<string, string>;
  /** The status every answer should have. */
  status: number;
}

interface RouteResult {
  route: Route;
  rps: number;
  /** Server CPU time per request (user + system), in microseconds. */
  cpuUs: number;
  p50: number;
  p99: number;
  bytesPerSec: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

interface FreshnessResult {
  /** The Accept-Encoding the feeds were fetched with. */
  acceptEncoding: string;
  patchMs: number[];
  /**
   * Feed path → time from sending the write until the server's answer showing it arrived
   * (status and headers: the server has the new feed ready and is sending it), in ms.
   */
  answered: Record<string, number[]>;
  /** The same, counted from the write's answer (its 200) instead of from sending it. */
  afterAck: Record<string, number[]>;
  /** Feed path → time until that answer's whole body was read and decoded, in ms. */
  feeds: Record<string, number[]>;
}

interface CompressionResult {
  path: string;
  contentEncoding: string | null;
  vary: string | null;
  bytes: number;
  /** How long until the compressed form was served (0 when it was ready at once). */
  readyMs: number;
}

interface SizeResult {
  size: Size;
  counts: Counts;
  generateMs: number;
  warmups: Record<string, number>;
  routes: RouteResult[];
  peakRssMb: number;
  freshness: FreshnessResult[];
  compression: CompressionResult[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One autocannon run in its own process (on the other CPU when it can be pinned). */
async function loadTest(
  server: RunningServer,
  route: Route,
  options: Options,
  pin: boolean,
): Promise<RouteResult> {
  const args = [
    AUTOCANNON,
    '-c',
    String(options.connections),
    '-d',
    String(options.duration),
    '-t',
    '30',
    '-j',
  ];
  for (const [k, v] of Object.entries(route.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(`${server.url}${route.path}`);
  const [command = process.execPath, ...rest] = pin
    ? ['taskset', '-c', '1', process.execPath, ...args]
    : [process.execPath, ...args];
  const cpuBefore = processCpuMs(server.pid);
  const { stdout } = await run(command, rest, {
    maxBuffer: 16 * 1024 * 1024,
    timeout: (options.duration + 60) * 1000,
  });
  const cpuMs = processCpuMs(server.pid) - cpuBefore;
  const r = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    throughput: { average: number };
    statusCodeStats?: Record<string, { count: number }>;
    errors: number;
    timeouts: number;
  };
  return {
    route,
    rps: Math.round(r.requests.average),
    cpuUs: r.requests.total > 0 ? Math.round((cpuMs * 1000) / r.requests.total) : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytesPerSec: r.throughput.average,
    statuses: Object.fromEntries(
      Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
    ),
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return round1(kb / 1024);
}

/** Items per page for the paged routes. */
const PAGE = 50;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return round1(performance.now() - started);
}

/**
 * Changes one session's title and times how soon each feed it appears in shows the change, every
 * feed fetched with the given Accept-Encoding (fetch decodes whatever comes back).
 */
async function measureFreshness(
  server: RunningServer,
  edits: number,
  acceptEncoding: string,
): Promise<FreshnessResult> {
  const cookie = await logIn(server, ADMIN);
  const session = (await (await fetch(`${server.url}/api/sessions/1`)).json()) as {
    id: number;
    venue: { slug: string; areaSlug: string };
    ways: string[];
    group: string | null;
  };
  const feeds = affectedFeeds(session);
  const headers = { 'accept-encoding': acceptEncoding };
  const result: FreshnessResult = {
    acceptEncoding,
    patchMs: [],
    answered: Object.fromEntries(feeds.map((f) => [f, []])),
    afterAck: Object.fromEntries(feeds.map((f) => [f, []])),
    feeds: Object.fromEntries(feeds.map((f) => [f, []])),
  };
  // The version a feed is at: its ETag without the suffix that names a compressed form.
  const versionOf = (res: Response) => (res.headers.get('etag') ?? '').replace(/-(br|gzip)"$/, '"');
  for (let edit = 1; edit <= edits; edit += 1) {
    // Every affected feed is cached before the write, compressed forms made, as on a live
    // server that has been asked for them: the first gzip of a large feed compresses all of it,
    // and br for a feed over 1 MB is made once it has stood unchanged for two seconds.
    const before: Record<string, string> = {};
    for (const f of feeds) {
      const waitUntil = performance.now() + 60_000;
      for (;;) {
        const res = await fetch(`${server.url}${f}`, { headers });
        await res.arrayBuffer();
        before[f] = versionOf(res);
        // Settled once it comes in the best coding asked for (br comes a little after gzip).
        const best = acceptEncoding.includes('br') ? 'br' : 'gzip';
        const settled =
          acceptEncoding === 'identity' ||
          res.headers.get('content-encoding') === best ||
          Number(res.headers.get('content-length') ?? 0) < 1024;
        if (settled || performance.now() > waitUntil) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const title = `Bench edit ${Date.now()}`;
    const started = performance.now();
    const res = await fetch(`${server.url}/api/sessions/1`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ title }),
    });
    if (res.status !== 200) throw new Error(`PATCH gave ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    const acknowledged = performance.now();
    result.patchMs.push(round1(acknowledged - started));
    // HEAD first: the server answers once it has the new feed ready, and this process does not
    // spend time decoding one feed's megabytes while another feed's answer waits to be timed.
    await Promise.all(
      feeds.map(async (f) => {
        for (;;) {
          const head = await fetch(`${server.url}${f}`, { method: 'HEAD', headers });
          if (versionOf(head) !== before[f]) break;
        }
        const now = performance.now();
        result.answered[f]?.push(round1(now - started));
        result.afterAck[f]?.push(round1(now - acknowledged));
      }),
    );
    // Then the bodies, to show the change really is in them.
    await Promise.all(
      feeds.map(async (f) => {
        const body = await (await fetch(`${server.url}${f}`, { headers })).text();
        if (!body.includes(title)) throw new Error(`${f} changed its ETag but not its body`);
        result.feeds[f]?.push(round1(performance.now() - started));
      }),
    );
  }
  return result;
}

async function checkCompression(server: RunningServer, paths: string[]) {
  const out: CompressionResult[] = [];
  for (const path of paths) {
    // A large body is compressed off the request path after a write: give it up to a minute.
    const started = performance.now();
    let res = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': BR_GZIP } });
    while (res.headers.get('content-encoding') === null && performance.now() - started < 60_000) {
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 100));
      res = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': BR_GZIP } });
    }
    const readyMs = round1(performance.now() - started);
    // fetch decodes bodies itself; the header says what the server sent.
    out.push({
      path,
      contentEncoding: res.headers.get('content-encoding'),
      vary: res.headers.get('vary'),
      bytes: (await res.arrayBuffer()).byteLength,
      readyMs,
    });
  }
  return out;
}

async function benchSize(size: Size, options: Options, pin: boolean): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `fiveways-bench-${size}-`));
  const databasePath = join(dir, 'bench.db');
  let server: RunningServer | null = null;
  try {
    const generateStarted = performance.now();
    const counts = generateDatabase(databasePath, size);
    const generateMs = Math.round(performance.now() - generateStarted);
    console.log(`\n[${size}] generated ${JSON.stringify(counts)} in ${generateMs} ms`);

    server = await startServer({
      databasePath,
      port: await freePort(),
      demoData: false,
      admin: ADMIN,
      ...(pin ? { cpu: 0 } : {}),
    });
    const today = londonDateOf(new Date());
    const feedPath = '/feeds/all.ics';
    // First requests render and cache; their time is the cold cost.
    const warmups: Record<string, number> = {};
    const routesToWarm = [
      '/api/health',
      `/api/occurrences?from=${today}&to=${addDays(today, 6)}&way=connect`,
      '/api/groups?way=connect&area=warndon',
      `/api/occurrences?from=${today}&to=${addDays(today, 6)}&way=connect&limit=${PAGE}`,
      `/api/groups?way=connect&area=warndon&limit=${PAGE}`,
      feedPath,
      '/',
    ];
    for (const path of routesToWarm) {
      warmups[path] = await timed(async () =>
        (
          await fetch(`${server?.url}${path}`, { headers: { 'accept-encoding': 'identity' } })
        ).text(),
      );
    }
    const etag =
      (
        await fetch(`${server.url}${feedPath}`, { headers: { 'accept-encoding': 'identity' } })
      ).headers.get('etag') ?? '"none"';
    // Large feeds are compressed off the request path: wait until the br form is served.
    let etagBr = etag;
    for (let i = 0; i < 600 && etagBr === etag; i += 1) {
      const res = await fetch(`${server.url}${feedPath}`, {
        headers: { 'accept-encoding': BR_GZIP },
      });
      await res.arrayBuffer();
      etagBr = res.headers.get('etag') ?? etag;
      if (etagBr === etag) await new Promise((r) => setTimeout(r, 100));
    }
    const occurrencesPath = `/api/occurrences?from=${today}&to=${addDays(today, 6)}&way=connect`;
    const groupsPath = '/api/groups?way=connect&area=warndon';
    const routes: Route[] = [
      { name: 'baseline /api/health', path: '/api/health', status: 200 },
      {
        name: 'occurrences, one week, one way',
        path: `/api/occurrences?from=${today}&to=${addDays(today, 6)}&way=connect`,
        status: 200,
      },
      {
        name: 'groups, by way and area',
        path: '/api/groups?way=connect&area=warndon',
        status: 200,
      },
      // A screen's worth, as a client that pages asks: the same size at every scale.
      {
        name: `occurrences, one week, one way, page of ${PAGE}`,
        path: `${occurrencesPath}&limit=${PAGE}`,
        status: 200,
      },
      {
        name: `groups, by way and area, page of ${PAGE}`,
        path: `${groupsPath}&limit=${PAGE}`,
        status: 200,
      },
      { name: 'all.ics (200)', path: feedPath, status: 200 },
      {
        name: 'all.ics (304, If-None-Match)',
        path: feedPath,
        headers: { 'if-none-match': etag },
        status: 304,
      },
      { name: 'kiosk page /', path: '/', status: 200 },
      {
        name: 'occurrences, br',
        path: occurrencesPath,
        headers: { 'accept-encoding': BR_GZIP },
        status: 200,
      },
      {
        name: 'groups, br',
        path: groupsPath,
        headers: { 'accept-encoding': BR_GZIP },
        status: 200,
      },
      {
        name: 'all.ics (200), br',
        path: feedPath,
        headers: { 'accept-encoding': BR_GZIP },
        status: 200,
      },
      {
        name: 'all.ics (304), br',
        path: feedPath,
        headers: { 'accept-encoding': BR_GZIP, 'if-none-match': etagBr },
        status: 304,
      },
    ];
    const results: RouteResult[] = [];
    for (const route of routes) {
      const r = await loadTest(server, route, options, pin);
      results.push(r);
      console.log(
        `[${size}] ${route.name.padEnd(32)} ${String(r.rps).padStart(7)} req/s ${String(r.cpuUs).padStart(6)} µs CPU/req  p50 ${r.p50} ms  p99 ${r.p99} ms  ${JSON.stringify(r.statuses)}`,
      );
    }
    const peak = peakRssMb(server.pid);
    const freshness: FreshnessResult[] = [];
    for (const acceptEncoding of ['identity', BR_GZIP]) {
      const f = await measureFreshness(server, 3, acceptEncoding);
      freshness.push(f);
      console.log(`[${size}] write → feeds fresh (${acceptEncoding}): ${JSON.stringify(f)}`);
    }
    const compression = await checkCompression(server, [
      feedPath,
      `/api/occurrences?from=${today}&to=${addDays(today, 6)}&way=connect`,
    ]);
    return {
      size,
      counts,
      generateMs,
      warmups,
      routes: results,
      peakRssMb: peak,
      freshness,
      compression,
    };
  } finally {
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function machineNotes(pin: boolean): Promise<string[]> {
  const nproc = (await run('nproc', [])).stdout.trim();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- CPU: ${cpus()[0]?.model ?? 'unknown'}; \`nproc\` = ${nproc}`,
    `- Node ${process.version} on ${process.platform} ${process.arch}`,
    `- Load average when the report was written (1, 5, 15 min): ${loadavg()
      .map((n) => n.toFixed(1))
      .join(', ')}; other work on a shared machine lowers every figure, the baseline too, ` +
      'so compare ratios within one run rather than req/s across runs',
    pin
      ? '- Server pinned to CPU 0 and autocannon to CPU 1 with `taskset`, both on loopback'
      : '- No CPU pinning (taskset not available or one CPU); server and autocannon share the machine',
  ];
}

const ratio = (rps: number, base: number) => (base > 0 ? (rps / base).toFixed(2) : '—');
const max = (xs: number[]) => (xs.length === 0 ? 0 : Math.max(...xs));

function renderReport(
  results: SizeResult[],
  options: Options,
  notes: string[],
  costSection: string,
): string {
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Written by `pnpm bench` (tests/bench/run.ts): the production server (`node --import tsx',
    'apps/api/src/index.ts`, `DEMO_DATA=off`) on a database from tests/bench/generate-data.ts, loaded',
    `with autocannon, ${options.connections} connections, ${options.duration} s per route, on loopback.`,
    'Ratios in the size tables compare each route with `/api/health` in the same run; the first',
    'section compares the service with bare hello-world servers. Routes marked br',
    'send `Accept-Encoding: br, gzip` (as browsers and calendar apps do); the others ask for nothing,',
    'so they get the uncompressed bytes. Feeds and JSON are cached as encoded bytes with their br and',
    'gzip forms until the next write; a write reloads and re-renders only the session it changed',
    '(apps/api/src/feeds/feeds.routes.ts, apps/api/src/cache/, apps/api/src/http/compressed-body.ts).',
    '',
    '## Machine',
    '',
    ...notes,
    '',
    costSection,
    '',
  ];
  for (const r of results) {
    const base = r.routes[0]?.rps ?? 0;
    lines.push(
      `## Size ${r.size}`,
      '',
      `${r.counts.groups} groups, ${r.counts.sessions} sessions, ${r.counts.venues} venues, ` +
        `${r.counts.exceptions} exceptions; generated in ${r.generateMs} ms. ` +
        `Peak RSS of the server (VmHWM): **${r.peakRssMb} MB**.`,
      '',
      '| route | req/s | × baseline | server CPU µs/request | p50 ms | p99 ms | MB/s | statuses |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const x of r.routes) {
      const statuses = Object.entries(x.statuses)
        .map(([code, n]) => `${code}×${n}`)
        .join(' ');
      const errors = x.errors + x.timeouts > 0 ? ` errors ${x.errors}, timeouts ${x.timeouts}` : '';
      lines.push(
        `| ${x.route.name} | ${x.rps} | ${ratio(x.rps, base)} | ${x.cpuUs} | ${x.p50} | ${x.p99} | ` +
          `${round1(x.bytesPerSec / 1e6)} | ${statuses}${errors} |`,
      );
    }
    lines.push(
      '',
      'First (uncached) request per route, ms: ' +
        Object.entries(r.warmups)
          .map(
            ([p, ms]) =>
              `\`${p.split('?')[0] ?? p}\`${p.includes('limit=') ? ` (page of ${PAGE})` : ''} ${ms}`,
          )
          .join(', ') +
        '.',
      '',
      'A write to one session (PATCH, title) until each affected feed, fetched, shows it ' +
        `(worst of ${r.freshness[0]?.patchMs.length ?? 0}; the PATCHes took ` +
        `${r.freshness.map((f) => f.patchMs.join(', ')).join('; ')} ms), fetched with each ` +
        'Accept-Encoding:',
      '',
      `| feed | ${r.freshness.map((f) => `${f.acceptEncoding}: answered ms after the write's 200 | after sending it | body read ms`).join(' | ')} |`,
      `|---|${r.freshness.map(() => '---:|---:|---:').join('|')}|`,
      ...Object.keys(r.freshness[0]?.feeds ?? {}).map(
        (f) =>
          `| \`${f}\` | ${r.freshness
            .map(
              (x) =>
                `${max(x.afterAck[f] ?? [])} | ${max(x.answered[f] ?? [])} | ${max(x.feeds[f] ?? [])}`,
            )
            .join(' | ')} |`,
      ),
      '',
      'Compression offered `Accept-Encoding: br, gzip`: ' +
        r.compression
          .map(
            (c) =>
              `\`${c.path.split('?')[0] ?? c.path}\` → ${c.contentEncoding ?? 'none'}` +
              ` (Vary: ${c.vary ?? 'none'}, ${c.bytes} bytes decoded, compressed form served after ${c.readyMs} ms)`,
          )
          .join('; ') +
        '.',
      '',
    );
  }
  lines.push('## Targets', '', ...checkTargets(results), '');
  return lines.join('\n');
}

/** The budgets from the issue, each marked met or missed with the measured figure. */
function checkTargets(results: SizeResult[]): string[] {
  const out: string[] = [];
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  const m = results.find((r) => r.size === 'M');
  if (m) {
    const base = m.routes[0]?.rps ?? 0;
    for (const x of m.routes.slice(1)) {
      const is304 = x.route.status === 304;
      const floor = is304 ? 0.8 : 0.5;
      out.push(
        `- M, ${x.route.name}: ${ratio(x.rps, base)}× baseline (≥ ${floor}×): ${mark(x.rps >= floor * base)}`,
      );
    }
    const slow = m.routes.filter((x) => x.p99 > 25);
    const worstP99 = Math.max(...m.routes.map((x) => x.p99));
    out.push(
      `- M, worst p99 ${worstP99} ms at ${m.routes.length} routes (≤ 25 ms): ${mark(worstP99 <= 25)}` +
        (slow.length > 0
          ? ` (over: ${slow.map((x) => `${x.route.name} ${x.p99} ms`).join(', ')})`
          : ''),
    );
  }
  const l = results.find((r) => r.size === 'L');
  if (m && l) {
    // Compared as ratios to each run's own baseline: the machine's load can change between sizes.
    const mBase = m.routes[0]?.rps ?? 0;
    const lBase = l.routes[0]?.rps ?? 0;
    for (const x of l.routes.slice(1)) {
      const mx = m.routes.find((y) => y.route.name === x.route.name);
      if (!mx || mBase === 0 || lBase === 0) continue;
      const [mRatio, lRatio] = [mx.rps / mBase, x.rps / lBase];
      const slower = lRatio > 0 ? (mRatio / lRatio).toFixed(2) : '∞';
      out.push(
        `- L vs M, ${x.route.name}: ${lRatio.toFixed(2)}× baseline at L, ${mRatio.toFixed(2)}× at M, ` +
          `${slower}× slower (≤ 2×): ${mark(lRatio * 2 >= mRatio)}`,
      );
    }
  }
  for (const r of results) {
    for (const f of r.freshness) {
      const afterAck = max(Object.values(f.afterAck).flat());
      const answered = max(Object.values(f.answered).flat());
      const read = max(Object.values(f.feeds).flat());
      out.push(
        `- ${r.size}, write → every affected feed answered fresh (${f.acceptEncoding}): ${afterAck} ms ` +
          `after the write's 200 (≤ 50 ms): ${mark(afterAck <= 50)}; ${answered} ms after sending ` +
          `the write; whole body read by ${read} ms`,
      );
    }
    const compressed = r.compression.every(
      (c) => c.contentEncoding !== null && (c.vary ?? '').toLowerCase().includes('accept-encoding'),
    );
    out.push(
      `- ${r.size}, feeds and JSON served compressed with Vary: Accept-Encoding: ${mark(compressed)}`,
    );
  }
  return out;
}

/**
 * Sections kept between their markers when the report is rewritten: the hand-written reading of
 * the figures, and the kiosk budgets that another script writes.
 */
const KEPT_SECTIONS = ['reading', 'kiosk-budgets', 'read-load'];
const COST_START = '<!-- request-cost:start -->';
const COST_END = '<!-- request-cost:end -->';

/** The current report with only its request-cost section replaced (or added before the sizes). */
function withCostSection(costSection: string): string {
  const current = readFileSync(REPORT, 'utf8');
  const from = current.indexOf(COST_START);
  const to = current.indexOf(COST_END);
  if (from >= 0 && to > from) {
    return current.slice(0, from) + costSection + current.slice(to + COST_END.length);
  }
  const at = current.indexOf('\n## Size ');
  return at >= 0
    ? `${current.slice(0, at)}\n${costSection}\n${current.slice(at)}`
    : `${current}\n${costSection}\n`;
}

function keptSections(): string {
  let current = '';
  try {
    current = readFileSync(REPORT, 'utf8');
  } catch {
    return '';
  }
  return KEPT_SECTIONS.map((name) => {
    const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
    const from = current.indexOf(start);
    const to = current.indexOf(end);
    return from >= 0 && to > from ? `\n${current.slice(from, to + end.length)}\n` : '';
  }).join('');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  let pin = false;
  try {
    await run('taskset', ['-c', '1', 'true']);
    pin = cpus().length >= 2;
  } catch {
    pin = false;
  }
  console.log(
    `Benchmarking request cost (${options.costDuration} s × ${options.rounds} rounds) and sizes ` +
      `${options.sizes.join(', ') || 'none'}: ${options.connections} connections, ${options.duration} s per route` +
      (pin ? ', server on CPU 0, autocannon on CPU 1' : ''),
  );
  const cost: RequestCost = await measureRequestCost(
    { seconds: options.costDuration, rounds: options.rounds, connections: options.connections },
    pin,
  );
  const costSection = renderRequestCost(cost, pin);
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options, pin));
  if (results.length === 0) writeFileSync(REPORT, withCostSection(costSection));
  else {
    const report = renderReport(results, options, await machineNotes(pin), costSection);
    writeFileSync(REPORT, report + keptSections());
  }
  console.log(
    `\n${[...checkCostTargets(cost), ...checkTargets(results)].join('\n')}\n\nWritten to ${REPORT}`,
  );
  // The read side under random queries, and event-loop stalls: its own section of the report.
  if (options.sizes.length > 0) await runReadLoad({ sizes: options.sizes });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
