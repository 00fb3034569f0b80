// Reads a PDF's pages as lines of text in reading order (top to bottom, left
// to right), with pdf.js, for the print tests. Each page's array also carries
// `left`: where its leftmost text starts, in points from the paper's edge.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(buffer) {
  const doc = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    // Group the text runs into lines by their baseline (within 2 points).
    const lines = [];
    for (const item of items.filter((i) => i.str.trim())) {
      const [x, y] = [item.transform[4], item.transform[5]];
      let line = lines.find((l) => Math.abs(l.y - y) < 2);
      if (!line) lines.push(line = { y, runs: [] });
      line.runs.push({ x, str: item.str });
    }
    lines.sort((a, b) => b.y - a.y);
    const page = lines.map((l) => l.runs.sort((a, b) => a.x - b.x).map((r) => r.str).join(' ').replace(/\s+/g, ' ').trim());
    page.left = Math.min(...lines.flatMap((l) => l.runs.map((r) => r.x)));
    pages.push(page);
  }
  await doc.destroy();
  return pages;
}
