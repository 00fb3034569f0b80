// Leaving the page with unsaved entries asks first; with nothing to lose it
// does not.
import { test, expect } from '@playwright/test';
import { openApp } from './helpers.js';

test('unsaved entries: leaving asks first', async ({ page }) => {
  await openApp(page);
  await page.click('#reference');
  await page.keyboard.type('Unsaved case');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const shown = await dialog;
  expect(shown.type()).toBe('beforeunload');
  await shown.dismiss(); // stay on the page
  expect(page.isClosed()).toBe(false);
  await expect(page.locator('#reference')).toHaveValue('Unsaved case');

  // Once saved, nothing is lost by leaving.
  await Promise.all([page.waitForEvent('download'), page.click('#save-case')]);
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  expect(asked).toBe(false);
});

test('nothing entered, or everything cleared: no prompt', async ({ page, context }) => {
  await openApp(page);
  await page.click('#reference');
  await page.keyboard.type('x');
  await page.click('#start-again');
  await page.click('#confirm-clear');
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  expect(asked).toBe(false);

  // Typing and deleting it again leaves nothing to lose either.
  const second = await context.newPage();
  await openApp(second);
  await second.click('#reference');
  await second.keyboard.type('y');
  await second.keyboard.press('Backspace');
  let askedAgain = false;
  second.on('dialog', (d) => {
    askedAgain = true;
    d.accept();
  });
  await second.close({ runBeforeUnload: true });
  await second.waitForEvent('close');
  expect(askedAgain).toBe(false);
});
