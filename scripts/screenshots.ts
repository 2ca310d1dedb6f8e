/**
 * `npm run screenshots`: pictures of the extension for the README and for review, made from the
 * built extension on the fixture article (docs/*.png).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/browsers';
import { CHROME_BUILD, requireBuild } from '../tests/support/extension';
import { startFixtureServer } from '../tests/support/server';

const OUT = new URL('../docs/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

async function withExtension(
  options: { colorScheme: 'light' | 'dark'; width: number; height: number },
  shoot: (context: BrowserContext, page: Page, base: string) => Promise<void>,
) {
  const dir = requireBuild(CHROME_BUILD);
  const { server, url } = await startFixtureServer();
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hg-shots-')), {
    executablePath: chromiumPath(),
    headless: true,
    colorScheme: options.colorScheme,
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: 1,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await shoot(context, page, url);
  } finally {
    await context.close();
    server.close();
  }
}

async function hoverWord(page: Page, selector: string, word: string) {
  await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 3));
  const point = await page.evaluate(
    ([sel, needle]) => {
      const root = document.querySelector(sel)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(needle);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        const top = r.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight * 0.6) window.scrollBy(0, top - window.innerHeight * 0.3);
        const rect = r.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`${needle} not found`);
    },
    [selector, word] as const,
  );
  await page.mouse.move(point.x - 40, point.y + 20);
  await page.mouse.move(point.x, point.y, { steps: 6 });
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(250);
}

await withExtension({ colorScheme: 'light', width: 1100, height: 760 }, async (_c, page, base) => {
  await page.goto(`${base}/article.html`);
  await page.evaluate(() => window.scrollTo(0, 180));
  await hoverWord(page, '#brain', 'serotonin');
  await page.screenshot({ path: join(OUT, 'card-light.png') });
});

await withExtension({ colorScheme: 'dark', width: 1100, height: 760 }, async (_c, page, base) => {
  await page.goto(`${base}/article.html`);
  await page.addStyleTag({ content: 'body{background:#111827;color:#e5e7eb}' });
  await page.evaluate(() => window.scrollTo(0, 420));
  await hoverWord(page, '#hormones', 'cortisol');
  await page.screenshot({ path: join(OUT, 'card-dark.png') });
});

await withExtension({ colorScheme: 'light', width: 360, height: 720 }, async (_c, page, base) => {
  await page.goto(`${base}/article.html`);
  await hoverWord(page, '#gut', 'microbiome');
  await page.screenshot({ path: join(OUT, 'card-narrow.png') });
});

// The toolbar popup as a reader sees it after typing a misspelled word.
await withExtension({ colorScheme: 'light', width: 400, height: 600 }, async (context, page) => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.keyboard.type('seratonin');
  await page.locator('#panel[data-search="complete"]').waitFor();
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(OUT, 'popup.png') });
});

// The options page, top to the first sections, with one term of the reader's own.
await withExtension({ colorScheme: 'light', width: 900, height: 1400 }, async (context, page) => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByRole('switch', { name: 'Highlight terms on pages' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'options.png') });
});

console.log(`Screenshots written to ${OUT}`);
