import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browsers';
import { CHROME_BUILD, requireBuild } from '../support/extension';

export const FIXTURE_URL = `http://127.0.0.1:${process.env.FIXTURE_PORT ?? 4173}`;

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens a fixture page and waits until the extension has painted its terms. */
  openFixture: (path: string, options?: { minTerms?: number }) => Promise<Page>;
}

/** Every test gets a fresh profile with the built extension loaded, as a reader would have it. */
export const test = base.extend<ExtensionFixtures>({
  context: async ({ viewport, hasTouch }, use) => {
    const dir = requireBuild(CHROME_BUILD);
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hg-profile-')), {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
      viewport: viewport ?? { width: 1280, height: 800 },
      hasTouch,
    });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openFixture: async ({ context }, use) => {
    await use(async (path, options = {}) => {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${FIXTURE_URL}/${path}`);
      await waitForHighlights(page, options.minTerms ?? 1);
      return page;
    });
  },
});

export const expect = test.expect;

/** Every painted range, as the text it covers (what a reader sees marked). */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (name === 'health-glossary-active') continue;
      for (const range of highlight) {
        const r = document.createRange();
        try {
          r.setStart(range.startContainer, range.startOffset);
          r.setEnd(range.endContainer, range.endOffset);
        } catch {
          continue; // left past its text by a page edit, until the rescan: the browser paints nothing there
        }
        out.push(r.toString());
      }
    }
    return out;
  });
}

/** For every painted range: its text and the id of the nearest element (or shadow host) with an id. */
export async function highlightedPlaces(page: Page | import('@playwright/test').Frame): Promise<{ text: string; owner: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; owner: string }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (name === 'health-glossary-active') continue;
      for (const range of highlight) {
        const r = document.createRange();
        try {
          r.setStart(range.startContainer, range.startOffset);
          r.setEnd(range.endContainer, range.endOffset);
        } catch {
          continue; // see highlightedTexts
        }
        let n: Node | null = range.startContainer;
        let owner = '';
        while (n && !owner) {
          if (n instanceof Element && n.id) owner = n.id;
          n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
        }
        out.push({ text: r.toString(), owner });
      }
    }
    return out;
  });
}

/** Painted ranges a page edit left pointing past their text (none once the engine has caught up). */
export async function staleRanges(page: Page | import('@playwright/test').Frame): Promise<number> {
  return page.evaluate(() => {
    let stale = 0;
    const length = (n: Node) => (n.nodeType === Node.TEXT_NODE ? (n as Text).data.length : n.childNodes.length);
    for (const [, highlight] of CSS.highlights)
      for (const r of highlight as Iterable<AbstractRange>)
        if (r.startOffset > length(r.startContainer) || r.endOffset > length(r.endContainer)) stale++;
    return stale;
  });
}

export async function waitForHighlights(page: Page, min = 1): Promise<void> {
  await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(min);
}

/** Centre of the first occurrence of `text` in the element matching `selector`, in viewport pixels. */
export async function pointOfText(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([sel, needle]) => {
      const root = document.querySelector(sel);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(needle);
        if (i === -1) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [selector, text] as const,
  );
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

/** Moves the mouse to a word the way a person does: a short path that ends on it, then rests. */
export async function hoverText(page: Page, selector: string, text: string): Promise<void> {
  const { x, y } = await pointOfText(page, selector, text);
  await page.mouse.move(x - 60, y + 30);
  // A person's approach takes longer than a frame; let the page see the pointer on its way.
  await nextFrames(page);
  await page.mouse.move(x, y, { steps: 8 });
}

/** Resolves after the page rendered two more frames. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
