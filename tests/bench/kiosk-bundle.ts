// Prints the kiosk's download sizes from apps/kiosk/dist (gzip), against the budgets.
// Run after a build: npx tsx bench/kiosk-bundle.ts (bench/kiosk-budgets.ts reuses the figures).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface KioskBundle {
  /** Entry script and what it preloads, gzip bytes. */
  initialJs: number;
  initialCss: number;
  html: number;
  /** Chunks loaded later, by file name, gzip bytes. */
  lazy: { file: string; bytes: number }[];
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function measureKioskBundle(
  dist = fileURLToPath(new URL('../../apps/kiosk/dist/', import.meta.url)),
): KioskBundle {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const gz = (file: string) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
  // Initial JS: the entry script and anything it preloads (<script type=module> and modulepreload).
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
  ]
    .map((m) => m[1])
    .filter((f): f is string => f !== undefined);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)]
    .map((m) => m[1])
    .filter((f): f is string => f !== undefined);
  return {
    initialJs: scripts.reduce((sum, f) => sum + gz(f), 0),
    initialCss: styles.reduce((sum, f) => sum + gz(f), 0),
    html: gzipSync(html).length,
    lazy: readdirSync(`${dist}assets`)
      .filter((f) => f.endsWith('.js') && !scripts.includes(`assets/${f}`))
      .map((f) => ({ file: f, bytes: gz(`assets/${f}`) })),
  };
}

export function describeKioskBundle(b: KioskBundle): string[] {
  const { initialJs: js, initialCss: css } = b;
  return [
    `initial JS (gzip):  ${kb(js)}   budget 50 KB, stretch 30 KB  ${js <= 30 * 1024 ? 'OK (stretch)' : js <= 50 * 1024 ? 'OK' : 'OVER'}`,
    `initial CSS (gzip): ${kb(css)}   budget 15 KB  ${css <= 15 * 1024 ? 'OK' : 'OVER'}`,
    `first screen, all in (gzip): ${kb(js + css + b.html)}   budget 150 KB`,
  ];
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const bundle = measureKioskBundle();
  for (const line of describeKioskBundle(bundle)) console.log(line);
  console.log(
    'the shared schemas (with zod) load in the directory worker, off the page, to check data',
  );
  console.log(
    `loaded later (gzip):\n  ${bundle.lazy.map((l) => `${l.file} ${kb(l.bytes)}`).join('\n  ')}`,
  );
}
