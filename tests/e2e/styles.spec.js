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
  const used = new Set(sources().match(/govuk-[a-z0-9_-]*[a-z0-9]/g));
  const full = readFileSync(FULL, 'utf8');
  const ours = readFileSync(`${WWW}vendor/app.css`, 'utf8');
  const styled = (css, name) => new RegExp(`\\.${name}(?![a-z0-9_-])`).test(css);
  const designSystem = [...used].filter((name) => styled(full, name));
  expect(designSystem.length).toBeGreaterThan(50);
  expect(designSystem.filter((name) => !styled(ours, name))).toEqual([]);
});
