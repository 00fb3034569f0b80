// The page takes only the GOV.UK Frontend components it uses, styles
// (www/styles/app.scss) and scripts (scripts/govuk-frontend-subset.mjs):
// every Design System class the page names must be styled, and every
// component it marks with data-module must have its script.
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

test('every GOV.UK component the page names has its script', async () => {
  const { COMPONENTS } = await import('../../scripts/govuk-frontend-subset.mjs');
  const named = new Set([...sources().matchAll(/data-module['"]?\s*[:=]\s*['"](govuk-[a-z-]+)['"]/g)].map((m) => m[1]));
  expect(named.size).toBeGreaterThan(2);
  const included = COMPONENTS.map((component) => component.moduleName);
  expect([...named].filter((name) => !included.includes(name))).toEqual([]);
});
