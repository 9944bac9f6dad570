// Prints the kiosk's download sizes from apps/kiosk/dist (gzip), against the budgets.
// Run after a build: npx tsx bench/kiosk-bundle.ts
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../apps/kiosk/dist/', import.meta.url));
const html = readFileSync(`${dist}index.html`, 'utf8');
const gz = (file: string) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// Initial JS: the entry script and anything it preloads (<script type=module> and modulepreload).
const scripts = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
]
  .map((m) => m[1])
  .filter((f): f is string => f !== undefined);
const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)]
  .map((m) => m[1])
  .filter((f): f is string => f !== undefined);
const js = scripts.reduce((sum, f) => sum + gz(f), 0);
const css = styles.reduce((sum, f) => sum + gz(f), 0);
const htmlSize = gzipSync(html).length;
const lazy = readdirSync(`${dist}assets`)
  .filter((f) => f.endsWith('.js') && !scripts.includes(`assets/${f}`))
  .map((f) => `${f} ${kb(gz(`assets/${f}`))}`);

console.log(
  `initial JS (gzip):  ${kb(js)}   budget 50 KB, stretch 30 KB  ${js <= 30 * 1024 ? 'OK (stretch)' : js <= 50 * 1024 ? 'OK' : 'OVER'}`,
);
console.log(`initial CSS (gzip): ${kb(css)}   budget 15 KB  ${css <= 15 * 1024 ? 'OK' : 'OVER'}`);
console.log(`first screen, all in (gzip): ${kb(js + css + htmlSize)}   budget 150 KB`);
console.log(
  'the shared schemas and recurrence rules (with zod) load just after the first screen, to check data',
);
console.log(`loaded later (gzip):\n  ${lazy.join('\n  ')}`);
