// While the engine loads the page says so; once it is ready the form shows.
import { test, expect } from '@playwright/test';

test('the page says it is loading until the engine is ready', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/pkg/sfo_check_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const loading = page.locator('#app-loading');
  await expect(loading).toBeVisible();
  await expect(loading).toHaveText('Loading the checker…');
  await expect(page.locator('#app')).toBeHidden();
  release();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await expect(loading).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
  // Streamed in, and still the module this page was built with.
  await expect(page.locator('#stamp-build, #build-id').first()).not.toContainText('not the one this page was built with');
});
