import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const port = Number(process.env.E2E_PORT ?? 8797);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh database per run: the production server fills it with the sample Worcester data. The
// runner names it once and its workers inherit the name, so a spec can read what the server counted.
process.env.E2E_DATABASE_PATH ??= join(tmpdir(), `fiveways-e2e-${process.pid}-${Date.now()}.db`);
export const E2E_DATABASE_PATH = process.env.E2E_DATABASE_PATH;
const databasePath = E2E_DATABASE_PATH;

export const ADMIN_EMAIL = 'admin@example.org';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  // On CI a test that fails once is run again and reported as flaky, never hidden; the machine
  // is small and shared, and an axe pass over a long page can take tens of seconds there.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node --import tsx ../apps/api/src/index.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATABASE_PATH: databasePath,
      PUBLIC_URL: baseURL,
      DEMO_DATA: 'on',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
    },
  },
});
