// Finds a Chromium for Playwright; installs Debian's package when it is missing and we are root.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function works(path) {
  if (!existsSync(path)) return false;
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0 && /chrom/i.test(run.stdout);
}

if (works(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  console.log('Chromium not found: installing Debian\'s "chromium" package (about 30 s)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (works(wanted)) process.exit(0);
}

console.error(
  [
    `No working Chromium at ${wanted}.`,
    'The end-to-end tests drive a real Chromium. Install one of these and run the tests again:',
    '  - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)',
    '  - or point CHROMIUM_PATH at any Chromium or Chrome binary.',
  ].join('\n'),
);
process.exit(1);
