// The system Chromium every browser run here uses: Playwright's tests and the kiosk benchmark.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Quiet and steady: no GPU, no background traffic, no first-run screens. Playwright runs it
 * headless itself; a launcher of its own (Lighthouse) adds `--headless=new`.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
