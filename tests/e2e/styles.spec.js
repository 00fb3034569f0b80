// The page's stylesheet takes only the GOV.UK Frontend components it uses
// (www/styles/app.scss): every Design System class the page's HTML and
// scripts name must still be styled.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';

const WWW = new URL('../../www/', import.meta.url).pathname;
const FULL = new URL('../../node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css', import.meta.url).pathname;

function sources() {
  const files = [
    ...readdirSync(WWW).filter((f) => /\.(html|js)$/.test(f)).map((f) => WWW + f),
    ...readdirSync(`${WWW}components`).map((f) => `${WWW}components/${f}`),
  ];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

test('every GOV.UK class the page uses is in its stylesheet', () => {
  // Class names as written, utilities (`govuk-!-margin-bottom-1`) included;
  // modifiers put together at run time are covered by their components.
  const used = new Set(sources().match(/govuk-[a-z0-9_!-]*[a-z0-9]/g));
  const full = readFileSync(FULL, 'utf8');
  const ours = readFileSync(`${WWW}vendor/app.css`, 'utf8');
  // In CSS a `!` in a class name is escaped (`.govuk-\!-margin-bottom-1`).
  const styled = (css, name) => new RegExp(`\\.${name.replaceAll('!', '\\\\!')}(?![a-z0-9_-])`).test(css);
  const designSystem = [...used].filter((name) => styled(full, name));
  expect(designSystem.length).toBeGreaterThan(50);
  expect(designSystem.some((name) => name.includes('!'))).toBe(true);
  expect(designSystem.filter((name) => !styled(ours, name))).toEqual([]);
});
