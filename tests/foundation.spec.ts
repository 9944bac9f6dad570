import { expect, test } from '@playwright/test';

test('the kiosk shows the five ways and at least one sample session', async ({ page }) => {
  await page.goto('/');
  for (const name of ['Connect', 'Be Active', 'Take Notice', 'Keep Learning', 'Give']) {
    await expect(page.getByRole('button', { name: new RegExp(name) }).first()).toBeVisible();
  }
  const titles = await page.request.get('/api/sessions').then(async (r) => {
    const body = (await r.json()) as { items: { title: string }[] };
    return body.items.map((s) => s.title);
  });
  expect(titles.length).toBeGreaterThan(0);
  const shown = page.getByText(new RegExp(titles.map(escapeRegExp).join('|')));
  await expect(shown.first()).toBeVisible();
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
