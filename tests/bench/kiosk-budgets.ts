// `pnpm bench:kiosk [--no-build] [--cycles=2000] [--lighthouse-runs=3] [--filter-runs=7] [--records=500]`:
// measures the kiosk against its budgets on the production server (temp databases, loopback only)
// and writes the figures to the Kiosk section of docs/benchmarks.md. Not part of `pnpm test`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { openDb } from '@fiveways/api/src/db/open-db.ts';
import { freePort, startServer, type RunningServer } from '../crash/server-process.ts';
import { fillGeneratedDirectory, generateDatabase } from './generate-data.ts';
import { describeKioskBundle, kb, measureKioskBundle, type KioskBundle } from './kiosk-bundle.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const REPORT = join(ROOT, 'docs/benchmarks.md');
const HUB = 'gorse-hill-community-centre';
const START = '<!-- kiosk-budgets:start -->';
const END = '<!-- kiosk-budgets:end -->';

interface Options {
  /** Build the kiosk first (skip with --no-build when dist is current). */
  build: boolean;
  cycles: number;
  lighthouseRuns: number;
  filterRuns: number;
  records: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    build: true,
    cycles: 2000,
    lighthouseRuns: 3,
    filterRuns: 7,
    records: 500,
  };
  for (const arg of argv) {
    const [key = '', value = ''] = arg.replace(/^--/, '').split('=');
    const n = Number(value);
    if (arg === '--') continue;
    if (arg === '--no-build') {
      options.build = false;
      continue;
    }
    if (!Number.isInteger(n) || n < 1) throw new Error(`${arg}: give a whole number above 0`);
    if (key === 'cycles') options.cycles = n;
    else if (key === 'lighthouse-runs') options.lighthouseRuns = n;
    else if (key === 'filter-runs') options.filterRuns = n;
    else if (key === 'records') options.records = n;
    else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Lighthouse

interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Audits that kept a category below 100, by id. */
  failing: string[];
}

async function runLighthouse(url: string, out: string): Promise<LighthouseRun> {
  // Not a dependency: it is large and CI does not need it; npx fetches 12.8 (13 needs Node 22).
  await run(
    'npx',
    [
      '--yes',
      'lighthouse@12.8.x',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=${['--headless=new', ...CHROMIUM_ARGS].join(' ')}`,
    ],
    {
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    },
  );
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    categories: Record<
      string,
      { score: number | null; auditRefs: { id: string; weight: number }[] }
    >;
    audits: Record<
      string,
      { score: number | null; numericValue?: number; scoreDisplayMode: string }
    >;
  };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const failing = new Set<string>();
  for (const id of ['accessibility', 'best-practices']) {
    for (const ref of report.categories[id]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (audit && audit.scoreDisplayMode === 'binary' && audit.score === 0) failing.add(ref.id);
    }
  }
  const numeric = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: Math.round(numeric('first-contentful-paint')),
    lcpMs: Math.round(numeric('largest-contentful-paint')),
    cls: Math.round(numeric('cumulative-layout-shift') * 1000) / 1000,
    tbtMs: Math.round(numeric('total-blocking-time')),
    failing: [...failing],
  };
}

/**
 * The directory worker and the chunks it imports (the shared schemas, with zod), gzip bytes: they
 * load with the first screen but run off the page's thread, so they are not initial JS.
 */
function measureDirectoryWorker(
  assets = join(ROOT, 'apps/kiosk/dist/assets'),
): { files: string[]; bytes: number } | null {
  const worker = readdirSync(assets).find((f) => /^directory-worker-.*\.js$/.test(f));
  if (!worker) return null;
  const files = [worker];
  for (let i = 0; i < files.length; i += 1) {
    const code = readFileSync(join(assets, files[i] ?? ''), 'utf8');
    for (const m of code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) {
      if (m[1] && !files.includes(m[1])) files.push(m[1]);
    }
  }
  const bytes = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
    0,
  );
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// In the browser

/** A portrait kiosk page; tsx names functions through a __name helper that pages lack. */
async function kioskPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.addInitScript('globalThis.__name = (f) => f;');
  return page;
}

/** Clicks the first button whose text starts with `label`, and resolves on the next paint. */
function tapAndPaint(page: Page, label: string): Promise<number> {
  return page.evaluate(async (text) => {
    const button = [...document.querySelectorAll('button')].find((b) =>
      (b.textContent ?? '').trim().startsWith(text),
    );
    if (!button) throw new Error(`No button "${text}"`);
    const started = performance.now();
    button.click();
    // The frame after the click has been painted once the task queued inside its rAF runs.
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return performance.now() - started;
  }, label);
}

async function foundCount(page: Page): Promise<number> {
  const text = (await page.locator('.results-summary strong').textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

interface FilterTimes {
  records: number;
  /** Tap on a filter choice → the filters page repainted with the new count. */
  choice: number[];
  /** Tap on "Show …" → the results page with every matching record painted. */
  show: number[];
  cardsInDom: number;
}

async function timeFilterChanges(
  browser: Browser,
  url: string,
  runs: number,
): Promise<FilterTimes> {
  const page = await kioskPage(browser);
  await page.goto(`${url}/kiosk`);
  await page.getByTestId('last-updated').waitFor();
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  await page.locator('.results-summary').waitFor();
  const records = await foundCount(page);
  const choice: number[] = [];
  const show: number[] = [];
  // Each run: a way, then any way again (the full list), then show it.
  const ways = ['Connect', 'Be Active', 'Take Notice', 'Keep Learning', 'Give'];
  for (let i = 0; i < runs; i += 1) {
    await page.getByRole('button', { name: 'Choose day, place and more' }).click();
    choice.push(await tapAndPaint(page, ways[i % ways.length] ?? 'Connect'));
    choice.push(await tapAndPaint(page, 'Any way'));
    show.push(await tapAndPaint(page, 'Show'));
    if ((await foundCount(page)) !== records) throw new Error('The full list did not come back');
  }
  const cardsInDom = await page.locator('main .card').count();
  await page.close();
  return { records, choice, show, cardsInDom };
}

interface Endurance {
  cycles: number;
  startBytes: number;
  endBytes: number;
  growthPercent: number;
  /** Compiled code (bytecode, optimised code, feedback) within the heap, from a heap snapshot. */
  startCode: number;
  endCode: number;
  /** Growth of the heap less compiled code: objects kept alive, which is what a leak adds to. */
  objectGrowthPercent: number;
  errors: string[];
  seconds: number;
}

interface HeapReading {
  used: number;
  code: number;
}

/**
 * Heap in use after a forced garbage collection, through the DevTools protocol, and how much of it
 * is compiled code. While a DevTools session is attached (Playwright's is), the page's console
 * messages are kept with their arguments (up to 1,000 of them), so every `console.warn(…, error)`
 * would hold an Error and its stack; they are the browser's copies, not the kiosk's, so they are
 * discarded first. Compiled code (bytecode, baseline and optimised code, feedback vectors) grows
 * for a long time as V8 tiers up hot functions, the kiosk's and Playwright's own injected script
 * alike; it is counted from a heap snapshot (nodes of type "code") so it can be told apart.
 */
async function heapReading(page: Page): Promise<HeapReading> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.discardConsoleEntries');
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.disable');
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const codeType = snapshot.snapshot.meta.node_types[0].indexOf('code');
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let code = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (snapshot.nodes[i + typeAt] === codeType) code += snapshot.nodes[i + sizeAt] ?? 0;
  }
  return { used: usedSize, code };
}

/**
 * One visit: a way, a session, its QR codes, bigger text; then nobody touches it, the idle warning
 * counts down (Playwright's clock) and the kiosk wipes the visit to the attract screen; a touch
 * starts the next visit.
 */
async function oneCycle(page: Page, i: number, startedAt: number): Promise<void> {
  const ways = ['Connect', 'Be Active', 'Take Notice', 'Keep Learning', 'Give'];
  await page.evaluate(
    async (way) => {
      const frame = () =>
        new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const press = async (match: (b: HTMLButtonElement) => boolean, what: string) => {
        for (let tries = 0; tries < 50; tries += 1) {
          const b = [...document.querySelectorAll('button')].find(match);
          if (b) {
            b.click();
            await frame();
            return;
          }
          await frame();
        }
        throw new Error(`No ${what} to press`);
      };
      const starts = (text: string) => (b: HTMLButtonElement) =>
        (b.textContent ?? '').trim().startsWith(text);
      await press(starts(way), way);
      await press((b) => b.classList.contains('card'), 'result card');
      await press(starts('Take it home'), 'Take it home');
      await press(starts('Bigger text'), 'Bigger text');
    },
    ways[i % ways.length] ?? 'Connect',
  );
  await page.clock.fastForward(181_000);
  await page.clock.fastForward(31_000);
  await page.getByText('Touch to start').waitFor();
  // Keep the date still: otherwise 2,000 waits move the kiosk's "today" days on, to other data.
  await page.clock.setSystemTime(startedAt);
  await page.getByText('Touch to start').click();
  await page.getByRole('heading', { name: 'Choose a way to feel good' }).waitFor();
}

async function endurance(browser: Browser, url: string, cycles: number): Promise<Endurance> {
  const page = await kioskPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const startedAt = Date.now();
  await page.clock.install({ time: startedAt });
  await page.goto(`${url}/kiosk?venue=${HUB}`);
  await page.getByTestId('last-updated').waitFor();
  // Warm up: every lazy chunk and cache the visits use is loaded before the first reading.
  const warmup = 20;
  for (let i = 0; i < warmup; i += 1) await oneCycle(page, i, startedAt);
  const start = await heapReading(page);
  const started = performance.now();
  for (let i = 0; i < cycles; i += 1) {
    await oneCycle(page, i, startedAt);
    if ((i + 1) % 250 === 0) console.log(`  ${i + 1} cycles…`);
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  const end = await heapReading(page);
  await page.close();
  return {
    cycles,
    startBytes: start.used,
    endBytes: end.used,
    growthPercent: round1(((end.used - start.used) / start.used) * 100),
    startCode: start.code,
    endCode: end.code,
    objectGrowthPercent: round1(
      ((end.used - end.code - (start.used - start.code)) / (start.used - start.code)) * 100,
    ),
    errors,
    seconds,
  };
}

// ---------------------------------------------------------------------------------------------
// Data and servers

/** A made-up directory big enough that "everything this week" lists at least `records` cards. */
async function startLargeServer(dir: string, records: number): Promise<RunningServer> {
  let sessions = Math.ceil(records / 2);
  for (;;) {
    const path = join(dir, `kiosk-${sessions}.db`);
    const db = openDb(path);
    fillGeneratedDirectory(db, { groups: Math.ceil(sessions / 4), sessions }, new Date());
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const server = await startServer({ databasePath: path, port: await freePort() });
    const today = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${server.url}/api/occurrences?from=${today}&to=${to}`);
    const count = ((await res.json()) as { occurrences: unknown[] }).occurrences.length;
    if (count >= records * 1.05) return server;
    await server.stop();
    sessions = Math.ceil(sessions * ((records * 1.2) / Math.max(count, 1)));
  }
}

function writeReport(section: string): void {
  const current = readFileSync(REPORT, 'utf8');
  const block = `${START}\n${section.trim()}\n${END}`;
  const next =
    current.includes(START) && current.includes(END)
      ? current.slice(0, current.indexOf(START)) +
        block +
        current.slice(current.indexOf(END) + END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(REPORT, next);
}

function reportSection(
  o: Options,
  bundle: KioskBundle,
  worker: { files: string[]; bytes: number } | null,
  lighthouse: LighthouseRun[],
  filters: FilterTimes,
  soak: Endurance,
): string {
  const med = (pick: (r: LighthouseRun) => number) => median(lighthouse.map(pick));
  const ms = (xs: number[]) => `median ${round1(median(xs))} ms, max ${round1(Math.max(...xs))} ms`;
  const failing = [...new Set(lighthouse.flatMap((r) => r.failing))];
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  return `## Kiosk

Measured by \`pnpm --filter @fiveways/tests bench:kiosk\` (tests/bench/kiosk-budgets.ts) on
${new Date().toISOString().slice(0, 10)}: the production build served by the production server on
loopback, system Chromium (${CHROMIUM_PATH}). The machine is shared (2 cores), so times are upper bounds.

| budget | target | measured |
| --- | --- | --- |
| initial JS (gzip) | ≤ 50 KB (stretch 30 KB) | ${kb(bundle.initialJs)} |
| initial CSS (gzip) | ≤ 15 KB | ${kb(bundle.initialCss)} |
| first screen, all in (gzip) | ≤ 150 KB | ${kb(bundle.initialJs + bundle.initialCss + bundle.html)} |
| Lighthouse Performance (median of ${lighthouse.length}) | ≥ 95 | ${med((r) => r.performance)} (runs: ${lighthouse.map((r) => r.performance).join(', ')}) |
| Lighthouse Accessibility | 100 | ${med((r) => r.accessibility)} |
| Lighthouse Best Practices | ≥ 95 | ${med((r) => r.bestPractices)} |
| LCP / CLS / TBT (Lighthouse, mobile throttling) | ≤ 2.0 s / ≤ 0.02 / ≤ 100 ms | ${med((r) => r.lcpMs)} ms / ${med((r) => r.cls)} / ${med((r) => r.tbtMs)} ms |
| FCP (Lighthouse, mobile throttling) | — | ${med((r) => r.fcpMs)} ms |
| filter change over ${filters.records} records, tap → paint | ≤ 100 ms | ${ms(filters.choice)} |
| show ${filters.records} results, tap → paint | ≤ 100 ms | ${ms(filters.show)} (${filters.cardsInDom} cards in the page) |
| ${soak.cycles} idle-reset cycles, heap after GC less compiled code | growth < 10% | ${soak.objectGrowthPercent}% (${mb(soak.startBytes - soak.startCode)} → ${mb(soak.endBytes - soak.endCode)}), ${soak.errors.length} page errors |
| the same, whole heap (compiled code included) | — | ${soak.growthPercent}% (${mb(soak.startBytes)} → ${mb(soak.endBytes)}; compiled code ${mb(soak.startCode)} → ${mb(soak.endCode)}) |

Lighthouse 12.8 (\`npx --yes lighthouse@12.8.x\`, default mobile throttling) against
\`/kiosk?venue=${HUB}\` on the sample data${failing.length > 0 ? `; audits not passed: ${failing.join(', ')}` : ''}.
Each run: ${lighthouse.map((r, i) => `${i + 1}) Performance ${r.performance}, FCP ${r.fcpMs} ms, LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms`).join('; ')}.
${worker ? `The directory is fetched and checked with the shared schemas in a worker, off the page's thread: it starts with the first screen and loads ${kb(worker.bytes)} gzip (${worker.files.join(', ')}), not counted above as initial JS.` : ''}
Filter timing: a made-up directory (tests/bench/generate-data.ts) where "Everything on this week"
lists ${filters.records} occurrences; ${o.filterRuns} runs of: open the filters, tap a way, tap
"Any way", tap "Show"; each time from \`click()\` to the task after the next animation frame.
Endurance: each cycle picks a way, opens a session and its QR codes, turns on bigger text, then
waits (Playwright's clock) through the idle warning until the kiosk wipes the visit to the attract
screen, sets the clock back to the start (so "today" and its data stay the same), and touches to
start again (${soak.seconds} s for ${soak.cycles} cycles); the heap is read
through the DevTools protocol after forced garbage collection, after 20 warm-up cycles and at the end.
Before each reading the console messages that the browser keeps for the attached DevTools session
are discarded: they hold the arguments of every \`console.warn\`, and in this run the 15-minute
refresh falls due inside a clock jump whose next jump fires the page's 15 s wait for the directory
worker before its answer arrives, so about one visit in five logs "Using saved information" with
that error (about 1 KB each, kept by the browser, not by the kiosk). Compiled code is counted from a heap
snapshot and shown apart: V8 keeps tiering up hot functions (the kiosk's and Playwright's injected
script's) for hundreds of cycles, so it grows without anything being kept alive; the budget is
applied to the rest, the objects a leak would add to.`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) {
    console.log('Building the kiosk…');
    await run('pnpm', ['--filter', '@fiveways/kiosk', 'build'], { cwd: ROOT });
  }
  const bundle = measureKioskBundle();
  for (const line of describeKioskBundle(bundle)) console.log(line);
  const worker = measureDirectoryWorker();
  if (worker) console.log(`directory worker, off the page's thread (gzip): ${kb(worker.bytes)}`);

  const dir = mkdtempSync(join(tmpdir(), 'fiveways-kiosk-bench-'));
  const servers: RunningServer[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const samplePath = join(dir, 'sample.db');
    generateDatabase(samplePath, 'S');
    const sample = await startServer({ databasePath: samplePath, port: await freePort() });
    servers.push(sample);

    const lighthouse: LighthouseRun[] = [];
    for (let i = 0; i < options.lighthouseRuns; i += 1) {
      const r = await runLighthouse(`${sample.url}/kiosk?venue=${HUB}`, join(dir, `lh-${i}.json`));
      lighthouse.push(r);
      console.log(
        `Lighthouse run ${i + 1}: Performance ${r.performance}, Accessibility ${r.accessibility}, Best Practices ${r.bestPractices} (FCP ${r.fcpMs} ms, LCP ${r.lcpMs} ms, CLS ${r.cls}, TBT ${r.tbtMs} ms)${r.failing.length ? `; not passed: ${r.failing.join(', ')}` : ''}`,
      );
    }

    const large = await startLargeServer(dir, options.records);
    servers.push(large);
    const filters = await timeFilterChanges(browser, large.url, options.filterRuns);
    console.log(
      `Filter change over ${filters.records} records: median ${round1(median(filters.choice))} ms, max ${round1(Math.max(...filters.choice))} ms (budget 100 ms)`,
    );
    console.log(
      `Show ${filters.records} results: median ${round1(median(filters.show))} ms, max ${round1(Math.max(...filters.show))} ms; ${filters.cardsInDom} cards in the page`,
    );

    console.log(`Endurance: ${options.cycles} idle-reset cycles…`);
    const soak = await endurance(browser, sample.url, options.cycles);
    console.log(
      `Endurance: heap less compiled code ${soak.startBytes - soak.startCode} → ${soak.endBytes - soak.endCode} bytes after GC, growth ${soak.objectGrowthPercent}% (budget < 10%); whole heap ${soak.startBytes} → ${soak.endBytes}, growth ${soak.growthPercent}%; compiled code ${soak.startCode} → ${soak.endCode}; ${soak.errors.length} page errors, ${soak.seconds} s`,
    );
    for (const e of soak.errors.slice(0, 5)) console.log(`  error: ${e}`);

    writeReport(reportSection(options, bundle, worker, lighthouse, filters, soak));
    console.log(`Wrote the Kiosk section of ${REPORT}`);
  } finally {
    await browser.close();
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
