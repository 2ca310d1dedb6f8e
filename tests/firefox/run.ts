/**
 * The core path in real Firefox (Debian's firefox-esr by default, FIREFOX_PATH to override):
 * the Firefox build installed as a temporary add-on over WebDriver BiDi, on a fixture page.
 * Prints one line per check and a closing "N passed, N failed" line; exits non-zero on failure.
 */
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firefoxPath } from '../support/browsers';
import { FIREFOX_BUILD, requireBuild } from '../support/extension';
import { startFixtureServer } from '../support/server';

/**
 * Firefox gives each add-on a random moz-extension:// host per profile; this pref fixes it, so the
 * popup and options pages can be opened as tabs, as the Chromium suite does.
 */
const ADDON_ID = 'health-glossary@health-glossary.org';
const ADDON_UUID = '3f1d8c52-6b0e-4a57-9a43-2c8e51b7d0aa';
const EXTENSION_URL = `moz-extension://${ADDON_UUID}`;

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

const highlighted = (page: Page | Frame) =>
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

/** The open card's name and text, read from our shadow root (null when no card is open). */
const openCard = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('health-glossary-ui');
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    if (!dialog) return null;
    const label = host!.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent;
    const focused = host!.shadowRoot!.activeElement !== null && dialog.contains(host!.shadowRoot!.activeElement);
    return { label, text: (dialog as HTMLElement).innerText, focused };
  });

/**
 * Opens one of our extension pages in a tab. Firefox never reports such a navigation as done over
 * WebDriver BiDi, so start it and wait for the page's own document instead.
 */
async function openExtensionPage(page: Page, path: string): Promise<void> {
  void page.goto(`${EXTENSION_URL}/${path}`, { timeout: 0 }).catch(() => {});
  await waitFor(
    `${path} to load`,
    () => page.evaluate(() => (location.protocol === 'moz-extension:' ? document.readyState : '')).catch(() => ''),
    (state) => state === 'complete',
  );
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
    name: 'terms inside frames are highlighted: a linked page, a srcdoc frame and a frame the page fills',
    async run({ page, base }) {
      await page.goto(`${base}/frames.html`);
      // Every frame's own highlighted words, joined: each frame paints in its own document.
      const inFrames = async () => (await Promise.all(page.frames().map((f) => highlighted(f).catch(() => [])))).flat();
      // The page and each frame are marked by their own content scripts, in no fixed order: wait for all.
      const marked = await waitFor('highlights in the page and its frames', inFrames, (list) => ['serotonin', 'microbiome', 'melatonin', 'insulin'].every((w) => list.includes(w)));
      // The editing frame (design mode) also says serotonin: it must stay unmarked.
      assert(marked.filter((w) => w === 'serotonin').length === 1, `text in an editing frame is marked (${marked.join(', ')})`);
    },
  },
  {
    name: 'shadow roots are explained: open, closed, and of a component the page defines late',
    async run({ page, base }) {
      await page.goto(`${base}/frames.html`);
      // Marks inside shadow roots, read from each open shadow root's own ranges.
      const inShadows = () =>
        page.evaluate(() => {
          const out: string[] = [];
          for (const [name, h] of CSS.highlights) {
            if (name === 'health-glossary-active') continue;
            for (const r of h as Iterable<AbstractRange>) {
              const root = r.startContainer.getRootNode();
              if (!(root instanceof ShadowRoot)) continue;
              const live = document.createRange();
              live.setStart(r.startContainer, r.startOffset);
              live.setEnd(r.endContainer, r.endOffset);
              out.push(`${(root.host as Element).id}:${live.toString().toLowerCase()}`);
            }
          }
          return out;
        });
      await waitFor(
        'an open, a closed and a late component to be explained',
        inShadows,
        (list) => list.includes('card:cortisol') && list.includes('closed:melatonin') && list.includes('late:insulin'),
        6_000,
      );
    },
  },
  {
    name: 'text reached in unusual ways: declarative, nested and late shadow roots, slots, frames added later, moved or split text',
    async run({ page, base }) {
      await page.goto(`${base}/structures.html`);
      // Each mark as "id of the nearest element (or shadow host) with one: text", in every frame.
      const places = async () =>
        (
          await Promise.all(
            page.frames().map((f) =>
              f
                .evaluate(() => {
                  const out: string[] = [];
                  for (const [name, h] of CSS.highlights) {
                    if (name === 'health-glossary-active') continue;
                    for (const r of h as Iterable<AbstractRange>) {
                      const live = document.createRange();
                      try {
                        live.setStart(r.startContainer, r.startOffset);
                        live.setEnd(r.endContainer, r.endOffset);
                      } catch {
                        continue;
                      }
                      let n: Node | null = r.startContainer;
                      let owner = '';
                      while (n && !owner) {
                        if (n.nodeType === Node.ELEMENT_NODE && (n as Element).id) owner = (n as Element).id;
                        n = n.parentNode ?? ((n as ShadowRoot).host || null);
                      }
                      out.push(`${owner}: ${live.toString().toLowerCase()}`);
                    }
                  }
                  return out;
                })
                .catch(() => [] as string[]),
            ),
          )
        ).flat();
      const expected = [
        'declarative: serotonin',
        'nested: serotonin',
        'slotted: cortisol',
        'moved-to: serotonin',
        'split: serotonin',
        'shadow-later: cortisol',
        'nested-later: cortisol',
        'in-host-later: melatonin',
        'blank-text: serotonin',
        'blank-later: melatonin',
        'inner: microbiome',
      ];
      const marked = await waitFor('every unusual place to be marked', places, (list) => expected.every((e) => list.includes(e)), 6_000);
      assert(!marked.some((m) => m.startsWith('plaintext-editor') || m.startsWith('in-details')), `an editor or a closed section is marked (${marked.join(', ')})`);
    },
  },
  {
    name: 'a section the page reveals is marked when it opens',
    async run({ page, base }) {
      await page.goto(`${base}/dynamic.html`);
      await waitFor('highlights', () => highlighted(page), (list) => list.includes('serotonin'));
      assert(!(await highlighted(page)).includes('insulin'), 'text inside a hidden section is marked');
      await page.click('#toggle');
      await waitFor('the revealed section to be marked', () => highlighted(page), (list) => list.includes('insulin'), 2_000);
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
      const card = () => openCard(page);
      const shown = await waitFor('the card', card, (c) => c !== null, 4_000);
      assert(shown!.label === 'serotonin', `card is named "${shown!.label}"`);
      assert(shown!.text.length > 60, 'card has no real explanation');
      await page.keyboard.press('Escape');
      await waitFor('the card to close', card, (c) => c === null, 2_000);
    },
  },
  {
    name: 'the next-term key walks the terms in reading order and opens each card; Escape closes',
    async run({ page, base }) {
      await page.goto(`${base}/article.html`);
      await waitFor('highlights', () => highlighted(page), (list) => list.length >= 3);
      // Where the active (keyboard) term starts in the page's text: each press must move it on.
      const activeAt = () =>
        page.evaluate(() => {
          const r = [...((CSS.highlights.get('health-glossary-active') ?? []) as Iterable<AbstractRange>)][0];
          if (!r) return -1;
          const before = document.createRange();
          before.setStart(document.body, 0);
          before.setEnd(r.startContainer, r.startOffset);
          return before.toString().length;
        });
      const names: string[] = [];
      let at = -1;
      for (let i = 0; i < 3; i++) {
        await page.keyboard.down('Alt');
        await page.keyboard.down('Shift');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.up('Shift');
        await page.keyboard.up('Alt');
        at = await waitFor(`term ${i + 1} to be active`, activeAt, (where) => where > at, 3_000);
        const card = await waitFor(`card ${i + 1}`, () => openCard(page), (c) => c !== null, 3_000);
        assert(card!.focused, `the card of "${card!.label}" does not have the keyboard focus`);
        names.push(card!.label ?? '');
      }
      assert(names[0] === 'fibromyalgia', `the first term is "${names[0]}", not the first one on the page`);
      await page.keyboard.press('Escape');
      await waitFor('the card to close', () => openCard(page), (c) => c === null, 2_000);
    },
  },
  {
    name: 'the popup search is focused and finds a misspelled word',
    async run({ page }) {
      await openExtensionPage(page, 'popup.html');
      await waitFor(
        'the search box to have focus',
        () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? ''),
        (type) => type === 'search',
      );
      await page.keyboard.type('seratonin');
      const first = await waitFor(
        'a result',
        () => page.evaluate(() => document.querySelector('[aria-label="Results"] button')?.textContent ?? ''),
        (text) => text.length > 0,
      );
      assert(first.startsWith('serotonin'), `the first result is "${first}"`);
    },
  },
  {
    name: "the popup lists the terms of every frame, another site's too, and opens one in its frame",
    async run({ browser, page, base }) {
      await page.goto(`${base}/framed.html`);
      const inFrames = async () => (await Promise.all(page.frames().map((f) => highlighted(f).catch(() => [])))).flat();
      await waitFor('highlights in both frames', inFrames, (list) => ['serotonin', 'microbiome', 'cortisol'].every((w) => list.includes(w)));
      const popup = await browser.newPage();
      try {
        await openExtensionPage(popup, 'popup.html');
        const tabId = await popup.evaluate(async () => {
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).browser;
          return (await api.tabs.query({})).find((t) => t.url?.endsWith('/framed.html'))?.id ?? -1;
        });
        assert(tabId >= 0, 'the framed page has no tab');
        await openExtensionPage(popup, `popup.html?tab=${tabId}`);
        await popup.waitForSelector('#tab-page');
        // Clicked from inside the page: an element handle passed back into a busy extension page
        // sometimes fails in Firefox's WebDriver BiDi ("cross-origin object … XrayWrapper").
        await popup.evaluate(() => document.getElementById('tab-page')!.click());
        const names = await waitFor(
          'the terms on this page',
          // A poll that meets a frame mid-change (WebDriver BiDi may then refuse to read it) just polls again.
          () => popup.evaluate(() => [...document.querySelectorAll('[aria-label="Terms on this page"] button')].map((b) => b.textContent ?? '')).catch(() => [] as string[]),
          (list) => list.length === 3,
        );
        assert(names[0]!.startsWith('serotonin'), `the top page's term is not first: ${names.join(' | ')}`);
        assert(names.some((n) => n.startsWith('cortisol')) && names.some((n) => n.startsWith('microbiome')), `a frame's term is missing: ${names.join(' | ')}`);
        await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Terms on this page"] button')].find((b) => b.textContent?.startsWith('cortisol'))!.click());
        const lab = page.frames().find((f) => f.url().endsWith('/frame-other.html'))!;
        await waitFor(
          "cortisol's card in the lab report's frame",
          () => lab.evaluate(() => document.querySelector('health-glossary-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby') ?? '').catch(() => ''),
          (id) => id !== '',
        );
      } finally {
        await popup.close().catch(() => {});
      }
    },
  },
  {
    name: 'the options switch clears an open tab and restores it',
    async run({ browser, page, base }) {
      await page.goto(`${base}/article.html`);
      await waitFor('highlights', () => highlighted(page), (list) => list.length >= 3);
      const options = await browser.newPage();
      try {
        await openExtensionPage(options, 'options.html');
        const toggle = await options.waitForSelector('input[role="switch"]#enabled');
        await toggle!.click();
        await waitFor('highlights to clear', () => highlighted(page), (list) => list.length === 0, 2_000);
        await toggle!.click();
        await waitFor('highlights to return', () => highlighted(page), (list) => list.length >= 3, 3_000);
      } finally {
        await options.close();
      }
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
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.disableIPv6': true,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
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
