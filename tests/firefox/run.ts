/**
 * The core path in real Firefox (Debian's firefox-esr by default, FIREFOX_PATH to override):
 * the Firefox build installed as a temporary add-on over WebDriver BiDi, on a fixture page.
 * Prints one line per check and a closing "N passed, N failed" line; exits non-zero on failure.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firefoxPath } from '../support/browsers';
import { FIREFOX_BUILD, requireBuild } from '../support/extension';
import { startFixtureServer } from '../support/server';

type Check = { name: string; run: (ctx: { browser: Browser; page: Page; base: string }) => Promise<void> };

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

const highlighted = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (name === 'health-glossary-active') continue;
      for (const r of h as Iterable<AbstractRange>) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push(live.toString().toLowerCase());
      }
    }
    return out;
  });

async function pointOf(page: Page, selector: string, word: string) {
  const p = await page.evaluate(
    (sel, needle) => {
      const root = document.querySelector(sel)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(needle);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    selector,
    word,
  );
  assert(p, `"${word}" not on the page`);
  return p;
}

const checks: Check[] = [
  {
    name: 'highlights the health words of the article',
    async run({ page, base }) {
      await page.goto(`${base}/article.html`);
      const marked = await waitFor('highlights', () => highlighted(page), (list) => list.length >= 3);
      for (const word of ['serotonin', 'cortisol', 'microbiome'])
        assert(marked.includes(word), `"${word}" is not highlighted (got ${marked.join(', ')})`);
    },
  },
  {
    name: 'hovering a term opens its card, Escape closes it',
    async run({ page, base }) {
      await page.goto(`${base}/article.html`);
      await waitFor('highlights', () => highlighted(page), (list) => list.length >= 3);
      const { x, y } = await pointOf(page, '#brain', 'serotonin');
      await page.mouse.move(x - 50, y + 20);
      await page.mouse.move(x, y, { steps: 6 });
      const card = () =>
        page.evaluate(() => {
          const host = document.querySelector('health-glossary-ui');
          const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
          if (!dialog) return null;
          const label = host!.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent;
          return { label, text: (dialog as HTMLElement).innerText };
        });
      const shown = await waitFor('the card', card, (c) => c !== null, 4_000);
      assert(shown!.label === 'serotonin', `card is named "${shown!.label}"`);
      assert(shown!.text.length > 60, 'card has no real explanation');
      await page.keyboard.press('Escape');
      await waitFor('the card to close', card, (c) => c === null, 2_000);
    },
  },
];

async function main() {
  const executablePath = firefoxPath();
  const extension = requireBuild(FIREFOX_BUILD);
  const { server, url: base } = await startFixtureServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'hg-firefox-')),
    extraPrefsFirefox: { 'network.dns.disableIPv6': true },
  });
  let passed = 0;
  let failed = 0;
  try {
    await browser.installExtension(extension);
    for (const check of checks) {
      const page = await browser.newPage();
      try {
        await check.run({ browser, page, base });
        passed++;
        console.log(`  ✓ firefox: ${check.name}`);
      } catch (error) {
        failed++;
        console.log(`  ✗ firefox: ${check.name}\n      ${(error as Error).message}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
