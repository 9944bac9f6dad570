// The read side under load from anonymous clients that choose their own query strings, and the
// longest the server's event loop stalls: `pnpm bench` runs it after the route benchmarks, and
// `pnpm --filter @fiveways/tests bench:read-load [--sizes=M,L] [--duration=60] [--connections=50]
// [--generator=wrk|autocannon] [--cache-mb=256]` runs it alone. It starts the production server
// (BENCH_STATS=on: SIGUSR2 makes it log its longest event-loop stall since the last signal, its
// read cache's bytes and its memory), on loopback only, then:
// 1. stall probes: the first feeds after start, the first /api/groups after a write, and the
//    largest lists and feed after a write, each with /api/health asked every 25 ms meanwhile;
// 2. a minute (by default) of random GETs across the read side (occurrences with random windows,
//    filters, limit and offset; groups; sessions; feeds; small lists), with random
//    Accept-Encoding, from wrk (Debian: `apt-get install -y wrk`) or, without it, autocannon;
// 3. twenty quiet seconds, then a write (which drops what the cache held) and twenty more, to see
//    whether memory comes back down.
// It writes its section of docs/benchmarks.md. Figures only: nothing here passes or fails.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { addDays, AUDIENCE_SLUGS, londonDateOf, WAY_SLUGS } from '@fiveways/shared';
import { freePort, logIn, startServer, type RunningServer } from '../crash/server-process.ts';
import { generateDatabase, isSize, type Counts, type Size } from './generate-data.ts';

const run = promisify(execFile);
const REPORT = resolve(import.meta.dirname, '../../docs/benchmarks.md');
const ADMIN = { email: 'bench-admin@example.org', password: 'benchmark passphrase 1' };
const MARKERS = ['<!-- read-load:start -->', '<!-- read-load:end -->'] as const;
/** The read cache's budget for these runs unless --cache-mb says: the default (apps/api/src/env.ts). */
const CACHE_MB = 256;
const QUIET_SECONDS = 20;
const round1 = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReadLoadOptions {
  sizes: Size[];
  /** Seconds of load per size. */
  duration: number;
  connections: number;
  generator: 'wrk' | 'autocannon' | null;
  /** READ_CACHE_MB for the server. */
  cacheMb: number;
}

interface LoadFigures {
  generator: 'wrk' | 'autocannon';
  requests: number;
  rps: number;
  mbPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 2xx/3xx. */
  non2xx: number;
  timeouts: number;
  errors: number;
}

interface Stats {
  loopMaxMs: number;
  loopP99Ms: number;
  /** The most CPU the main thread spent between two 10 ms timer ticks (null off Linux). */
  loopMaxCpuMs: number | null;
  /** Time the main thread waited for a CPU, other processes running (null off Linux). */
  waitedForCpuMs: number | null;
  /** The longest garbage-collector pause. */
  gcMaxMs: number;
  /** The longest one turn of sliced work (apps/api/src/cache/slices.ts) held the loop. */
  sliceMaxMs: number;
  cacheMb: number;
  cacheBudgetMb: number;
  rssMb: number;
  heapUsedMb: number;
  buffersMb: number;
}

interface Probe {
  name: string;
  /** Each request of the probe: path, what it asked, what came back, and how long it took. */
  answers: { path: string; asked: string; encoding: string; status: number; ms: number }[];
  /** The slowest /api/health answer while the probe ran, ms. */
  healthMaxMs: number;
  stats: Stats;
  /** The machine's 1-minute load average when the probe ended. */
  loadAverage: number;
}

interface SizeFigures {
  size: Size;
  counts: Counts;
  readyMs: number;
  /** RSS once ready, before anything was asked. */
  rssReadyMb: number;
  probes: Probe[];
  load: LoadFigures;
  loadStats: Stats;
  /** The 1-minute load average when the load ended. */
  loadAverage: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  hwmMb: number;
  rssAfterQuietMb: number;
  afterQuiet: Stats;
  /** RSS and figures the same time after a write, which drops what the cache held. */
  rssAfterWriteMb: number;
  afterWrite: Stats;
}

function parseOptions(argv: readonly string[]): ReadLoadOptions {
  const options: ReadLoadOptions = {
    sizes: ['M'],
    duration: 60,
    connections: 50,
    generator: null,
    cacheMb: CACHE_MB,
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'sizes') {
      const sizes = value.split(',').map((s) => s.trim().toUpperCase());
      const bad = sizes.filter((s) => !isSize(s));
      if (bad.length > 0) throw new Error(`Unknown size ${bad.join(', ')}: use S, M and/or L`);
      options.sizes = sizes.filter(isSize);
    } else if (key === 'duration') options.duration = Math.max(5, Math.min(300, Number(value)));
    else if (key === 'connections') options.connections = Math.max(1, Math.min(500, Number(value)));
    else if (key === 'cache-mb') options.cacheMb = Math.max(16, Math.min(65536, Number(value)));
    else if (key === 'generator' && (value === 'wrk' || value === 'autocannon')) {
      options.generator = value;
    } else if (arg !== '--') throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

/** Resident and peak resident memory of a process (VmRSS, VmHWM), in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: round1(kb('VmRSS') / 1024), hwm: round1(kb('VmHWM') / 1024) };
}

/** Collects the server's bench-stats lines; `take()` signals and waits for the next one. */
function statsReader(server: RunningServer) {
  const lines: Stats[] = [];
  const waiting: ((s: Stats) => void)[] = [];
  let buffered = '';
  server.process.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.includes('"bench stats"')) continue;
      const stats = JSON.parse(line) as Stats;
      const next = waiting.shift();
      if (next) next(stats);
      else lines.push(stats);
    }
  });
  return {
    /** Asks for the figures since the last call (and starts counting again). */
    take(): Promise<Stats> {
      const ready = lines.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<Stats>((done) => {
        waiting.push(done);
        server.process.kill('SIGUSR2');
      });
    },
  };
}

/** Asks /api/health every 25 ms until stopped; resolves with the slowest answer, ms. */
function pingHealth(url: string) {
  let stop = false;
  let slowest = 0;
  const done = (async () => {
    while (!stop) {
      const started = performance.now();
      try {
        await (await fetch(`${url}/api/health`)).arrayBuffer();
      } catch {
        break; // the server has gone: the probe itself reports why
      }
      slowest = Math.max(slowest, performance.now() - started);
      await sleep(25);
    }
    return round1(slowest);
  })();
  return {
    stop: () => {
      stop = true;
      return done;
    },
  };
}

async function timedGet(url: string, path: string, asked: string) {
  const started = performance.now();
  const res = await fetch(`${url}${path}`, { headers: { 'accept-encoding': asked } });
  await res.arrayBuffer();
  return {
    path: path.split('?')[0] ?? path,
    asked,
    encoding: res.headers.get('content-encoding') ?? 'identity',
    status: res.status,
    ms: round1(performance.now() - started),
  };
}

async function probe(
  name: string,
  server: RunningServer,
  stats: ReturnType<typeof statsReader>,
  action: () => Promise<Probe['answers']>,
): Promise<Probe> {
  await stats.take(); // start counting from here
  const health = pingHealth(server.url);
  const answers = await action();
  const healthMaxMs = await health.stop();
  const loadAverage = round1(loadavg()[0] ?? 0);
  const result = { name, answers, healthMaxMs, stats: await stats.take(), loadAverage };
  console.log(
    `  ${name}: longest stall ${stall(result.stats)} ms, health ≤ ${healthMaxMs} ms, ` +
      `load average ${loadAverage}`,
  );
  return result;
}

/** The stall probes: first feeds after start, first lists after writes. */
async function stallProbes(server: RunningServer, stats: ReturnType<typeof statsReader>) {
  const today = londonDateOf(new Date());
  const first = async (path: string) =>
    ((await (await fetch(`${server.url}${path}`)).json()) as { items: { slug: string }[] }).items[0]
      ?.slug ?? 'none';
  const group = await first('/api/groups?limit=1');
  const venue =
    ((await (await fetch(`${server.url}/api/venues`)).json()) as { slug: string }[])[0]?.slug ??
    'none';
  const probes: Probe[] = [];
  probes.push(
    await probe('first feeds after start', server, stats, () =>
      Promise.all([
        timedGet(server.url, '/feeds/all.ics', 'gzip'),
        timedGet(server.url, '/feeds/ways/connect.ics', 'br, gzip'),
        timedGet(server.url, `/feeds/venues/${venue}.ics`, 'br'),
      ]),
    ),
  );
  const cookie = await logIn(server, ADMIN);
  const write = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`PATCH ${path} gave ${res.status}`);
    await res.arrayBuffer();
  };
  // Every list asked for once before, so what the probes see is the rebuild after a write.
  const lists = [
    '/api/groups',
    '/api/sessions',
    `/api/occurrences?from=${today}&to=${addDays(today, 92)}`,
  ];
  for (const path of lists) await timedGet(server.url, path, 'gzip');
  probes.push(
    await probe('first /api/groups after a write to a group', server, stats, async () => {
      await write(`/api/groups/${group}`, { name: `Bench group ${Date.now()}` });
      return [await timedGet(server.url, '/api/groups', 'gzip')];
    }),
  );
  probes.push(
    await probe('whole lists and all.ics after a write to a session', server, stats, async () => {
      await write('/api/sessions/1', { title: `Bench session ${Date.now()}` });
      return Promise.all([
        ...lists.map((path) => timedGet(server.url, path, 'gzip')),
        timedGet(server.url, '/feeds/all.ics', 'br, gzip'),
      ]);
    }),
  );
  return probes;
}

/** What the random requests choose from. */
interface Domain {
  dates: string[];
  areas: string[];
  venues: string[];
  groups: string[];
  sessions: number;
}

/** The longest window /api/occurrences allows, in days. */
const MAX_SPAN_DAYS = 93;

/** A wrk script asking for random read-side URLs (the same ones for the same seed). */
function luaScript(domain: Domain, seed: number): string {
  const list = (xs: readonly string[]) => `{${xs.map((x) => JSON.stringify(x)).join(', ')}}`;
  return `
local dates = ${list(domain.dates)}
local ways = ${list(WAY_SLUGS)}
local audiences = ${list(AUDIENCE_SLUGS)}
local areas = ${list(domain.areas)}
local venues = ${list(domain.venues)}
local groups = ${list(domain.groups)}
local sessions = ${domain.sessions}
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
function init(args)
  math.randomseed(${seed} + (id or 0) * 7919)
end
local function pick(t) return t[math.random(#t)] end
local function page()
  if math.random() < 0.75 then
    return "limit=" .. math.random(1, 1000) .. "&offset=" .. math.random(0, 3000)
  end
  return ""
end
local function join(path, ...)
  local parts = {}
  for _, p in ipairs({...}) do if p ~= "" then parts[#parts + 1] = p end end
  if #parts == 0 then return path end
  return path .. "?" .. table.concat(parts, "&")
end
local function maybe(chance, text) if math.random() < chance then return text end return "" end
function request()
  local r = math.random()
  local path
  if r < 0.40 then
    -- Windows from a day to the longest allowed, shorter ones likelier.
    local i = math.random(#dates)
    local span = math.floor(2 ^ (math.random() * math.log(${MAX_SPAN_DAYS}, 2)))
    local j = math.min(#dates, i + span - 1)
    path = join("/api/occurrences", "from=" .. dates[i] .. "&to=" .. dates[j],
      maybe(0.4, "way=" .. pick(ways)), maybe(0.2, "area=" .. pick(areas)),
      maybe(0.1, "audience=" .. pick(audiences)), page())
  elseif r < 0.65 then
    path = join("/api/groups", maybe(0.5, "way=" .. pick(ways)), maybe(0.5, "area=" .. pick(areas)),
      maybe(0.2, "audience=" .. pick(audiences)), maybe(0.2, "free=true"), page())
  elseif r < 0.72 then
    path = join("/api/sessions", maybe(0.3, "way=" .. pick(ways)),
      maybe(0.3, "venue=" .. pick(venues)))
  elseif r < 0.87 then
    local f = math.random(6)
    if f == 1 then path = join("/feeds/all.ics", maybe(0.5, "way=" .. pick(ways)), maybe(0.5, "area=" .. pick(areas)))
    elseif f == 2 then path = "/feeds/ways/" .. pick(ways) .. ".ics"
    elseif f == 3 then path = "/feeds/venues/" .. pick(venues) .. ".ics"
    elseif f == 4 then path = "/feeds/areas/" .. pick(areas) .. ".ics"
    elseif f == 5 and #groups > 0 then path = "/feeds/groups/" .. pick(groups) .. ".ics"
    else path = "/feeds/sessions/" .. math.random(math.max(1, sessions)) .. ".ics" end
  else
    path = pick({"/api/health", "/api/venues", "/api/areas", "/api/meta", "/api/ways"})
  end
  local e = math.random(3)
  local headers = {}
  if e == 1 then headers["Accept-Encoding"] = "gzip" elseif e == 2 then headers["Accept-Encoding"] = "br, gzip" end
  return wrk.format("GET", path, headers)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'READLOAD {"requests":%d,"bytes":%d,"us":%d,"p50":%d,"p99":%d,"max":%d,"status":%d,"timeout":%d,"errors":%d}\\n',
    summary.requests, summary.bytes, summary.duration, latency:percentile(50),
    latency:percentile(99), latency.max, e.status, e.timeout, e.connect + e.read + e.write))
end
`;
}

async function hasWrk(): Promise<boolean> {
  try {
    await run('wrk', ['--version']);
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing program is "no wrk".
    return !(error instanceof Error && 'code' in error && error.code === 'ENOENT');
  }
}

async function loadWithWrk(
  url: string,
  domain: Domain,
  options: ReadLoadOptions,
  pin: boolean,
): Promise<LoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'fiveways-read-load-'));
  const script = join(dir, 'read-load.lua');
  writeFileSync(script, luaScript(domain, 20261202));
  const args = [
    '-t',
    pin ? '1' : '2',
    '-c',
    String(options.connections),
    '-d',
    `${options.duration}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    url,
  ];
  const [command = 'wrk', ...rest] = pin
    ? ['taskset', '-c', '1', 'wrk', ...args]
    : ['wrk', ...args];
  try {
    const { stdout } = await run(command, rest, { timeout: (options.duration + 120) * 1000 });
    const line = stdout.split('\n').find((l) => l.startsWith('READLOAD '));
    if (line === undefined) throw new Error(`wrk gave no figures:\n${stdout}`);
    const r = JSON.parse(line.slice('READLOAD '.length)) as Record<string, number>;
    const seconds = (r.us ?? 1) / 1e6;
    return {
      generator: 'wrk',
      requests: r.requests ?? 0,
      rps: Math.round((r.requests ?? 0) / seconds),
      mbPerSec: round1((r.bytes ?? 0) / seconds / 1e6),
      p50Ms: round1((r.p50 ?? 0) / 1000),
      p99Ms: round1((r.p99 ?? 0) / 1000),
      maxMs: round1((r.max ?? 0) / 1000),
      non2xx: r.status ?? 0,
      timeouts: r.timeout ?? 0,
      errors: r.errors ?? 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** autocannon in a child process (tests/bench/read-load-autocannon.mjs), on the other CPU. */
async function loadWithAutocannon(
  url: string,
  domain: Domain,
  options: ReadLoadOptions,
  pin: boolean,
): Promise<LoadFigures> {
  const worker = resolve(import.meta.dirname, 'read-load-autocannon.mjs');
  const input = JSON.stringify({ url, domain, ...options, maxSpanDays: MAX_SPAN_DAYS });
  const node = [process.execPath, worker, input];
  const [command = process.execPath, ...args] = pin ? ['taskset', '-c', '1', ...node] : node;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  await new Promise((done) => child.once('exit', done));
  const r = JSON.parse(out) as Omit<LoadFigures, 'generator'>;
  return { generator: 'autocannon', ...r };
}

async function benchSize(size: Size, options: ReadLoadOptions, pin: boolean) {
  const dir = mkdtempSync(join(tmpdir(), `fiveways-read-load-${size}-`));
  const databasePath = join(dir, 'bench.db');
  let server: RunningServer | null = null;
  try {
    const counts = generateDatabase(databasePath, size);
    console.log(`\n[${size}] read-side load: ${JSON.stringify(counts)}`);
    const started = performance.now();
    server = await startServer({
      databasePath,
      port: await freePort(),
      demoData: false,
      admin: ADMIN,
      env: { BENCH_STATS: 'on', READ_CACHE_MB: String(options.cacheMb) },
      ...(pin ? { cpu: 0 } : {}),
    });
    const readyMs = Math.round(performance.now() - started);
    const rssReadyMb = memoryOf(server.pid).rss;
    const stats = statsReader(server);
    const probes = await stallProbes(server, stats);

    const today = londonDateOf(new Date());
    const slugs = async (path: string) => {
      const body = (await (await fetch(`${server?.url}${path}`)).json()) as
        { slug: string }[] | { items: { slug: string }[] };
      return (Array.isArray(body) ? body : body.items).map((x) => x.slug);
    };
    const domain: Domain = {
      dates: Array.from({ length: 150 }, (_, i) => addDays(today, i - 45)),
      areas: [...(await slugs('/api/areas')), 'nowhere'],
      venues: await slugs('/api/venues'),
      groups: await slugs('/api/groups?limit=1000'),
      sessions: counts.sessions,
    };
    const generator = options.generator ?? ((await hasWrk()) ? 'wrk' : 'autocannon');
    if (generator === 'autocannon') {
      console.log(
        '  wrk not found: using autocannon, which under-reports large bodies ' +
          '(on Debian: apt-get install -y wrk)',
      );
    }
    const pid = server.pid;
    const before = memoryOf(pid).rss;
    await stats.take();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rss)), 250);
    const load =
      generator === 'wrk'
        ? await loadWithWrk(server.url, domain, options, pin)
        : await loadWithAutocannon(server.url, domain, options, pin);
    clearInterval(sampler);
    const loadAverage = round1(loadavg()[0] ?? 0);
    const loadStats = await stats.take();
    peak = Math.max(peak, memoryOf(pid).rss);
    console.log(`  load: ${JSON.stringify(load)}`);
    console.log(`  stats: ${JSON.stringify(loadStats)}; RSS ${before} → peak ${peak} MB`);
    await sleep(QUIET_SECONDS * 1000);
    const afterQuiet = await stats.take();
    const { rss, hwm } = memoryOf(pid);
    console.log(`  after ${QUIET_SECONDS} s quiet: RSS ${rss} MB (peak ${hwm} MB)`);
    const cookie = await logIn(server, ADMIN);
    const write = await fetch(`${server.url}/api/sessions/1`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ title: `Bench session ${Date.now()}` }),
    });
    await write.arrayBuffer();
    await sleep(QUIET_SECONDS * 1000);
    const afterWrite = await stats.take();
    const rssAfterWriteMb = memoryOf(pid).rss;
    console.log(`  ${QUIET_SECONDS} s after a write: RSS ${rssAfterWriteMb} MB`);
    return {
      size,
      counts,
      readyMs,
      rssReadyMb,
      probes,
      load,
      loadStats,
      loadAverage,
      rssBeforeMb: before,
      rssPeakMb: peak,
      hwmMb: hwm,
      rssAfterQuietMb: rss,
      afterQuiet,
      rssAfterWriteMb,
      afterWrite,
    } satisfies SizeFigures;
  } finally {
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The longest stall, and how much of it the main thread was running rather than waiting. */
const stall = (s: Stats) =>
  (s.loopMaxCpuMs === null ? `${s.loopMaxMs}` : `${s.loopMaxMs} (${s.loopMaxCpuMs} running)`) +
  `; GC ≤ ${s.gcMaxMs}, slice ≤ ${s.sliceMaxMs}`;

function renderSection(results: SizeFigures[], options: ReadLoadOptions, pin: boolean): string {
  const generator = results[0]?.load.generator ?? 'wrk';
  const lines = [
    MARKERS[0],
    '## Read side under random queries, and event-loop stalls',
    '',
    `Written by \`pnpm bench\` (tests/bench/read-load.ts) on ${new Date().toISOString()}, load average ` +
      `${loadavg()
        .map((n) => n.toFixed(1))
        .join(', ')} on ${cpus().length} CPUs` +
      (pin ? ', server on CPU 0 and the load generator on CPU 1' : '') +
      `. The production server with \`READ_CACHE_MB=${options.cacheMb}\` and \`BENCH_STATS=on\` ` +
      '(its longest event-loop stall, from `monitorEventLoopDelay`, is logged on SIGUSR2).',
    `Load: ${options.duration} s of random GETs from ${generator} (${options.connections} connections, ` +
      '10 s timeout, loopback): 40% /api/occurrences with random windows of 1–93 days, filters, ' +
      'limit and offset; 25% /api/groups with random filters and pages; 7% /api/sessions; 15% ' +
      'feeds; the rest small lists; a third each asking gzip, br or nothing.' +
      (generator === 'autocannon'
        ? ' **autocannon was used because wrk was not found: it under-reports large bodies** (on Debian: `apt-get install -y wrk`).'
        : ''),
    '',
    '| size | requests | req/s | MB/s | p50 ms | p99 ms | non-2xx | timeouts | longest stall ms (of it running); longest GC pause, sliced turn | load average | read cache at end / budget MB | RSS MB: ready, before the load → peak | 20 s quiet | 20 s after a write |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.size} | ${r.load.requests} | ${r.load.rps} | ${r.load.mbPerSec} | ${r.load.p50Ms} | ` +
        `${r.load.p99Ms} | ${r.load.non2xx} | ${r.load.timeouts} | ${stall(r.loadStats)} | ` +
        `${r.loadAverage} | ` +
        `${r.loadStats.cacheMb} / ${r.loadStats.cacheBudgetMb} | ${r.rssReadyMb}, ${r.rssBeforeMb} → ` +
        `${r.rssPeakMb} | ${r.rssAfterQuietMb} | ${r.rssAfterWriteMb} |`,
    ),
    '',
    'Stall probes, before the load (every list asked for once first, so these are rebuilds):',
    '',
    '| size | probe | longest stall ms (of it running); longest GC pause, sliced turn | load average | slowest /api/health ms | answers (coding asked → sent, ms) |',
    '|---|---|---|---:|---:|---|',
    ...results.flatMap((r) =>
      r.probes.map(
        (p) =>
          `| ${r.size} | ${p.name} | ${stall(p.stats)} | ${p.loadAverage} | ${p.healthMaxMs} | ` +
          p.answers
            .map((a) => `\`${a.path}\` ${a.asked} → ${a.encoding} ${a.status}, ${a.ms}`)
            .join('; ') +
          ' |',
      ),
    ),
    '',
    ...results.map(
      (r) =>
        `${r.size}: ${r.counts.sessions} sessions, ${r.counts.groups} groups; ready ${r.readyMs} ms after ` +
        `start; peak RSS (VmHWM) ${r.hwmMb} MB; after the quiet seconds the read cache held ` +
        `${r.afterQuiet.cacheMb} MB (heap ${r.afterQuiet.heapUsedMb} MB, buffers ` +
        `${r.afterQuiet.buffersMb} MB); after the write ${r.afterWrite.cacheMb} MB (heap ` +
        `${r.afterWrite.heapUsedMb} MB, buffers ${r.afterWrite.buffersMb} MB).`,
    ),
    MARKERS[1],
  ];
  return lines.join('\n');
}

/** Puts the section between its markers in docs/benchmarks.md, or at the end. */
function writeSection(section: string) {
  const current = readFileSync(REPORT, 'utf8');
  const from = current.indexOf(MARKERS[0]);
  const to = current.indexOf(MARKERS[1]);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + MARKERS[1].length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(REPORT, next);
}

/** Runs the load test at each size and writes its section of the report. */
export async function runReadLoad(partial: Partial<ReadLoadOptions> = {}): Promise<void> {
  const options = { ...parseOptions([]), ...partial };
  let pin = false;
  try {
    await run('taskset', ['-c', '1', 'true']);
    pin = cpus().length >= 2;
  } catch {
    pin = false;
  }
  const results: SizeFigures[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options, pin));
  writeSection(renderSection(results, options, pin));
  console.log(`\nRead-side load written to ${REPORT}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  runReadLoad(parseOptions(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
