import { expect, test } from '@playwright/test';

test('the API reference draws every operation from /api/openapi.json under the strict policy', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const operations = await page.request.get('/api/openapi.json').then(async (r) => {
    const doc = (await r.json()) as { paths: Record<string, Record<string, unknown>> };
    return Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  });
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Five Ways Worcester API/ })).toBeVisible();
  await expect(page.locator('.opblock')).toHaveCount(operations);
  // A blocked script or style (the CSP is not loosened for this page) shows up as a console error.
  expect(problems).toEqual([]);
});
