// "Listen" reads the screen aloud. The browser's speech API is replaced by a recording stand-in
// (an init script), so the test hears what would be said, in which voice, and when it is stopped.
import { expect, test, type Page } from '@playwright/test';
import { openKiosk, PORTRAIT } from './kiosk-helpers.ts';

test.use({ viewport: PORTRAIT });

interface Heard {
  spoken: { text: string; lang: string; voice: string | null }[];
  cancels: number;
}

async function installFakeSpeech(page: Page) {
  await page.addInitScript(() => {
    const heard = {
      spoken: [] as { text: string; lang: string; voice: string | null }[],
      cancels: 0,
    };
    const voices = [
      { name: 'Fake English', lang: 'en-GB', localService: true, default: true, voiceURI: 'en' },
      { name: 'Fake Polish', lang: 'pl-PL', localService: true, default: false, voiceURI: 'pl' },
    ];
    class FakeUtterance extends EventTarget {
      text: string;
      lang = '';
      rate = 1;
      voice: { name: string } | null = null;
      constructor(text: string) {
        super();
        this.text = text;
      }
    }
    const fake = {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices,
      speak: (u: FakeUtterance) => {
        heard.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
      },
      cancel: () => {
        heard.cancels += 1;
      },
      pause: () => undefined,
      resume: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: FakeUtterance,
      configurable: true,
    });
    Object.defineProperty(window, 'heardSpeech', { value: heard });
  });
}

const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { heardSpeech: Heard }).heardSpeech);

test('Listen reads the screen in the chosen language and stops when the screen changes', async ({
  page,
}) => {
  await installFakeSpeech(page);
  await page.clock.install();
  await openKiosk(page);
  await page.getByRole('button', { name: /^Connect/ }).click();
  const firstTitle = (await page.locator('main .card .card-title').first().textContent()) ?? '';
  const listen = page.getByRole('button', { name: 'Listen', exact: true });
  await listen.click();
  const said = await heard(page);
  const text = said.spoken.map((s) => s.text).join(' ');
  expect(text).toContain(firstTitle);
  expect(text).toMatch(/Found: \d+/);
  expect(said.spoken.every((s) => s.lang === 'en-GB' && s.voice === 'Fake English')).toBe(true);
  // Nothing outside the screen's title and main part: not the bottom bar.
  expect(text).not.toContain('Bigger text');

  // While it reads, the same button stops it; a new screen stops it too.
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  const before = (await heard(page)).cancels;
  await page.locator('main .card').first().click();
  await expect(page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
  expect((await heard(page)).cancels).toBeGreaterThan(before);
  await expect(listen).toBeVisible();
  await listen.click();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(listen).toBeVisible();

  // No Urdu voice on this device: no button. Polish has one.
  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('button', { name: 'اردو', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
  await expect(page.locator('.nav-listen')).toHaveCount(0);
  await page.getByRole('button', { name: /^زبان/ }).click();
  await page.getByRole('button', { name: 'Polski', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  const count = (await heard(page)).spoken.length;
  await page.locator('.nav-listen').click();
  const polish = (await heard(page)).spoken.slice(count);
  expect(polish.length).toBeGreaterThan(0);
  expect(polish.every((s) => s.lang === 'pl-PL' && s.voice === 'Fake Polish')).toBe(true);

  // The idle reset ends the visit and the reading with it.
  const cancels = (await heard(page)).cancels;
  await page.clock.fastForward(185_000);
  await page.clock.fastForward(31_000);
  await expect(page.getByText('Touch to start')).toBeVisible();
  expect((await heard(page)).cancels).toBeGreaterThan(cancels);
});

test('no Listen button on a device with no voices', async ({ page }) => {
  await page.addInitScript(() => {
    const none = {
      getVoices: () => [],
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      cancel: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: none, configurable: true });
  });
  await openKiosk(page);
  await expect(page.getByRole('button', { name: 'Home', exact: true })).toBeVisible();
  await expect(page.locator('.nav-listen')).toHaveCount(0);
});
