// Layout checks for the screenshot tests: what a user would notice broken,
// measured in the browser rather than compared with a stored picture.
import { expect } from '@playwright/test';

/** The page does not scroll sideways (WCAG 1.4.10); only table regions may. */
export async function expectNoSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

/**
 * Every element is wholly inside the viewport, not cut off inside its own box,
 * and on top at its centre (nothing covers it).
 */
export async function expectFullyVisible(locator) {
  for (const el of await locator.all()) {
    const problem = await el.evaluate((node) => {
      const r = node.getBoundingClientRect();
      const name = `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} “${node.textContent.trim().slice(0, 40)}”`;
      if (!r.width || !r.height) return `${name} has no size`;
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) {
        return `${name} is not wholly in the viewport: ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))} in ${innerWidth}×${innerHeight}`;
      }
      if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible') return `${name} is cut off sideways`;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(node === hit || node.contains(hit) || hit.contains(node))) {
        return `${name} is covered by ${hit?.tagName.toLowerCase()}${hit?.id ? `#${hit.id}` : ''}.${hit?.className}`;
      }
      return null;
    });
    expect(problem).toBeNull();
  }
}

/** No two of the elements overlap (their boxes do not intersect). */
export async function expectNoOverlap(page, selectors) {
  const boxes = [];
  for (const selector of selectors) {
    for (const el of await page.locator(selector).all()) {
      const box = await el.boundingBox();
      if (box) boxes.push({ selector, box });
    }
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i].box, boxes[j].box];
      const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (x > 1 && y > 1) overlaps.push(`${boxes[i].selector} and ${boxes[j].selector}`);
    }
  }
  expect(overlaps, 'overlapping').toEqual([]);
}

/** a's box is wholly above b's (a ends before b starts). */
export async function expectAbove(a, b) {
  const [ra, rb] = [await a.boundingBox(), await b.boundingBox()];
  expect(ra.y + ra.height).toBeLessThanOrEqual(rb.y + 1);
}
