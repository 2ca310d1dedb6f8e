import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldText } from '../../glossary/normalize';
import { expect, FIXTURE_URL, highlightedTexts, test, waitForHighlights } from './fixtures';

const dir = (name: string) => readdirSync(fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url))).filter((f) => f.endsWith('.html'));

/** Whether a highlighted phrase explains an expected term (the same words, or a longer phrase containing them). */
function covers(marked: string[], term: string): boolean {
  const t = foldText(term);
  return marked.some((m) => {
    const f = foldText(m);
    return f === t || f.startsWith(t) || (f.includes(t) && t.length > 3) || t.startsWith(f.replace(/'s$|s$/u, ''));
  });
}

test.describe('recall: health articles', () => {
  test('at least 95% of the words a patient would want explained are marked', async ({ context }) => {
    let expected = 0;
    let found = 0;
    const missing: string[] = [];
    const page = await context.newPage();
    for (const file of dir('health')) {
      await page.goto(`${FIXTURE_URL}/health/${file}`);
      await waitForHighlights(page, 5);
      await page.waitForTimeout(300);
      const terms = (await page.locator('meta[name="expected-terms"]').getAttribute('content'))!.split(';').map((t) => t.trim());
      const marked = await highlightedTexts(page);
      for (const term of terms) {
        expected++;
        if (covers(marked, term)) found++;
        else missing.push(`${file}: ${term}`);
      }
    }
    const recall = found / expected;
    console.log(`recall ${(recall * 100).toFixed(1)}% (${found}/${expected}); missing: ${missing.join(', ') || 'none'}`);
    expect(recall, `missing: ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});

test.describe('precision: pages that are not about health', () => {
  for (const file of dir('offtopic')) {
    test(`${file}: at most 1 highlight per 1,000 words`, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(`${FIXTURE_URL}/offtopic/${file}`);
      // Give the engine time to finish (it is idle within a frame or two on a page this size).
      await page.waitForTimeout(800);
      const words = await page.evaluate(() => document.body.innerText.split(/\s+/u).filter(Boolean).length);
      const marked = await highlightedTexts(page);
      const perThousand = (marked.length * 1000) / words;
      expect(perThousand, `marked: ${marked.join(', ')} in ${words} words`).toBeLessThanOrEqual(1);
    });
  }
});
