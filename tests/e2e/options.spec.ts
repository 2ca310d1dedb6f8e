import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, highlightedPlaces, highlightedTexts, hoverText, test, waitForHighlights } from './fixtures';

/** The options page as a reader opens it, beside the tab they are reading. */
async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('switch', { name: 'Highlight terms on pages' })).toBeVisible();
  return options;
}

/** The extension API inside the service worker, typed just enough for these tests. */
interface StorageArea {
  set(items: object): Promise<void>;
  get(keys: string | null): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}
declare const chrome: { storage: { sync: StorageArea; local: StorageArea }; tabs: { query(q: object): Promise<{ id?: number }[]> } };

const marked = async (page: Page) => (await highlightedTexts(page)).map((t) => t.toLowerCase());

/** Names of the highlights that paint at least one range. */
const paintedStyles = (page: Page) =>
  page.evaluate(() => [...CSS.highlights].filter(([name, h]) => h.size > 0 && name !== 'health-glossary-active').map(([name]) => name));

const storage = (worker: Worker, area: 'sync' | 'local', items: Record<string, unknown>) =>
  worker.evaluate(([a, i]) => chrome.storage[a].set(i), [area, items] as const);

test.describe('each setting shows at once in an open tab', () => {
  test('highlight style, including marked-but-invisible, with a preview', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: 'Light background' }).check();
    await expect.poll(() => paintedStyles(page)).toEqual(['health-glossary-tint']);
    // The preview in options uses the same style.
    await expect.poll(() => paintedStyles(options)).toEqual(['health-glossary-tint']);
    await options.getByRole('radio', { name: /Not marked/u }).check();
    await expect.poll(() => paintedStyles(page)).toEqual(['health-glossary-none']);
    // Invisible, but pointing at a term still explains it.
    await page.bringToFront();
    await hoverText(page, '#messengers', 'cortisol');
    await expect(page.getByRole('dialog', { name: 'cortisol' })).toBeVisible({ timeout: 3_000 });
  });

  test('only the first time a term appears', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    expect((await marked(page)).filter((t) => t === 'serotonin')).toHaveLength(2);
    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: /Only the first time/u }).check();
    await expect.poll(async () => (await marked(page)).filter((t) => t === 'serotonin')).toHaveLength(1);
    await options.getByRole('radio', { name: 'Every time it appears' }).check();
    await expect.poll(async () => (await marked(page)).filter((t) => t === 'serotonin')).toHaveLength(2);
  });

  test('only the first time, while the page changes: the earliest one still there is the one marked', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: /Only the first time/u }).check();
    await options.close();
    // Where melatonin is marked: the id of each paragraph that shows it.
    const where = async () => (await highlightedPlaces(page)).filter((p) => p.text.toLowerCase() === 'melatonin').map((p) => p.owner);
    await page.evaluate(() => {
      for (const id of ['later', 'last']) {
        const p = document.createElement('p');
        p.id = id;
        p.textContent = `A note (${id}) on melatonin and sleep.`;
        document.body.append(p);
      }
    });
    await expect.poll(where).toEqual(['later']);
    // The page puts one above all others: that one is now the first.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'top';
      p.textContent = 'Melatonin, first of all.';
      document.body.prepend(p);
    });
    await expect.poll(where).toEqual(['top']);
    // The first ones leave the page: the next one still there takes their place.
    await page.evaluate(() => document.getElementById('top')!.remove());
    await expect.poll(where).toEqual(['later']);
    await page.evaluate(() => document.getElementById('later')!.remove());
    await expect.poll(where).toEqual(['last']);
  });

  test('kinds of words and everyday words', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    expect(await marked(page)).toEqual(expect.arrayContaining(['serotonin', 'fibromyalgia', 'stress']));
    const options = await openOptions(context, extensionId);
    // Watch every frame of the page while the setting changes: the other terms never blink off.
    await page.evaluate(() => {
      const w = window as unknown as { fewestMarked: number };
      w.fewestMarked = Infinity;
      const sample = () => {
        let n = 0;
        for (const [name, h] of CSS.highlights) if (name !== 'health-glossary-active') n += h.size;
        w.fewestMarked = Math.min(w.fewestMarked, n);
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await options.getByRole('checkbox', { name: 'Hormones and chemical messengers' }).uncheck();
    // The page is marked again without that kind: everything else stays.
    const shown = async (...words: string[]) => {
      const now = await marked(page);
      return words.map((w) => now.includes(w));
    };
    await expect.poll(() => shown('serotonin', 'fibromyalgia', 'stress')).toEqual([false, true, true]);
    expect(await page.evaluate(() => (window as unknown as { fewestMarked: number }).fewestMarked)).toBeGreaterThan(0);
    await options.getByRole('switch', { name: 'Everyday words with a health meaning' }).uncheck();
    await expect.poll(() => shown('serotonin', 'fibromyalgia', 'stress')).toEqual([false, true, false]);
    await options.getByRole('checkbox', { name: 'Hormones and chemical messengers' }).check();
    await expect.poll(() => shown('serotonin', 'fibromyalgia', 'stress')).toEqual([true, true, false]);
  });

  test('wait before the explanation, text size and colours', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: 'Long (one second)' }).check();
    await options.getByRole('radio', { name: 'Extra large' }).check();
    await options.getByRole('radio', { name: 'Dark' }).check();
    // Options itself follows the chosen colours.
    await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.bringToFront();
    await page.waitForTimeout(300);
    await hoverText(page, '#conditions', 'Fibromyalgia');
    const card = page.getByRole('dialog', { name: 'fibromyalgia' });
    // Half a second in, the long wait has not passed yet.
    await page.waitForTimeout(550);
    await expect(card).toHaveCount(0);
    await expect(card).toBeVisible({ timeout: 3_000 });
    const looks = await card.evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), bg: getComputedStyle(el).backgroundColor }));
    expect(looks.size).toBeGreaterThanOrEqual(21);
    // A dark background: every channel low.
    const [r, g, b] = looks.bg.match(/\d+/gu)!.map(Number);
    expect(Math.max(r!, g!, b!)).toBeLessThan(80);
    // The toolbar popup follows the same choice, on a light device.
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
    const popupBg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(Math.max(...popupBg.match(/\d+/gu)!.map(Number))).toBeLessThan(80);
  });

  test('the keys for the next term', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    const change = options.getByRole('button', { name: /Next term.*Change/u });
    await change.click();
    // A key without Alt, Ctrl or Meta is refused with a reason.
    await options.keyboard.press('Shift+N');
    await expect(options.getByText(/Hold Alt, Ctrl or Meta/u)).toBeVisible();
    await options.keyboard.press('Alt+Shift+N');
    await expect(options.locator('#next-key-value')).toHaveText('Alt + Shift + N');
    await page.bringToFront();
    await page.keyboard.press('Alt+Shift+N');
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 3_000 });
    // The old keys do nothing now.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.waitForTimeout(300);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('a form for everyone', () => {
  test('passes axe-core, light and dark, with a term and an import plan on screen', async ({ context, extensionId }) => {
    const options = await openOptions(context, extensionId);
    await options.getByRole('textbox', { name: 'Term' }).fill('spoon theory');
    await options.getByRole('textbox', { name: 'Explanation' }).fill('Energy pictured as spoons.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await options.locator('#import-file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('term,explanation\r\n,empty\r\nnew,fine\r\n') });
    await expect(options.getByRole('region', { name: /What importing/u })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page: options }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
    }
  });

  test('at 200% zoom nothing needs sideways scrolling, and the keyboard reaches every control', async ({ context, extensionId }) => {
    const options = await openOptions(context, extensionId);
    // 200% zoom of a 1280 px window is a 640 px wide page.
    await options.setViewportSize({ width: 640, height: 720 });
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await options.keyboard.press('Tab');
    await expect(options.getByRole('switch', { name: 'Highlight terms on pages' })).toBeFocused();
    await options.keyboard.press('Space');
    await expect(options.getByRole('switch', { name: 'Highlight terms on pages' })).not.toBeChecked();
    // Radio groups move with arrows, as everywhere.
    await options.keyboard.press('Tab');
    await expect(options.getByRole('radio', { name: 'Both' })).toBeFocused();
    await options.keyboard.press('ArrowUp');
    await expect(options.getByRole('radio', { name: 'Light background' })).toBeChecked();
  });
});

test.describe('site rules', () => {
  test('never on a site, and only on listed sites', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    const never = options.getByRole('textbox', { name: 'Never highlight on these sites' });
    await never.fill('not a site');
    await never.press('Enter');
    await expect(options.getByRole('alert').filter({ hasText: 'is not a full website name' })).toBeVisible();
    await never.fill('http://127.0.0.1:4173/settings.html');
    await never.press('Enter');
    await expect(options.getByRole('list', { name: 'Never highlight on these sites' })).toContainText('127.0.0.1');
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 1_000 }).toBe(0);
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await waitForHighlights(page, 4);

    await options.getByRole('switch', { name: 'Only highlight on the sites I list' }).check();
    await expect(options.getByText('While this list is empty, no site is highlighted.')).toBeVisible();
    await expect.poll(async () => (await highlightedTexts(page)).length).toBe(0);
    const only = options.getByRole('textbox', { name: 'Highlight only on these sites' });
    await only.fill('127.0.0.1');
    await options.getByRole('button', { name: 'Add' }).nth(1).click();
    await waitForHighlights(page, 4);
    await only.fill('*.example.org');
    await only.press('Enter');
    await expect(options.getByRole('list', { name: 'Highlight only on these sites' })).toContainText('*.example.org');
  });

  test('the popup’s site switch writes the same list', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    expect(page.url()).toContain('127.0.0.1');
    const worker = context.serviceWorkers()[0]!;
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0]!.id!);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('switch', { name: /Highlight terms on/u }).uncheck();
    const options = await openOptions(context, extensionId);
    await expect(options.getByRole('list', { name: 'Never highlight on these sites' })).toContainText('127.0.0.1');
  });
});

test.describe('your own terms', () => {
  test('a term you add is marked and explained in its card; HTML in it stays text', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    await options.getByRole('textbox', { name: 'Term' }).fill('spoon theory');
    await options.getByRole('textbox', { name: /Other names/u }).fill('spoons, budgeting their energy');
    await options.getByRole('textbox', { name: 'Explanation' }).fill('A way to picture limited daily energy as spoons. <img src=x onerror="window.pwned=1"><b>bold?</b>');
    await options.getByRole('textbox', { name: /Link/u }).fill('javascript:alert(1)');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect(options.getByText('Only web links starting with https:// or http:// are allowed.')).toBeVisible();
    await options.getByRole('textbox', { name: /Link/u }).fill('https://www.nhs.uk/');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('spoon theory');

    await expect.poll(() => marked(page)).toEqual(expect.arrayContaining(['spoon theory', 'budgeting their energy']));
    await page.bringToFront();
    await hoverText(page, '#own', 'spoon theory');
    const card = page.getByRole('dialog', { name: 'spoon theory' });
    await expect(card).toBeVisible({ timeout: 3_000 });
    await expect(card).toContainText('<img src=x onerror="window.pwned=1"><b>bold?</b>');
    await expect(card).toContainText(/Your own term, added/u);
    await expect(card.getByRole('link', { name: 'Your link' })).toHaveAttribute('href', 'https://www.nhs.uk/');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await card.locator('img, b').count()).toBe(0);

    // Found in the toolbar search like a bundled term.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.keyboard.type('spoon');
    await expect(popup.getByRole('list', { name: 'Results' }).getByRole('button').first()).toHaveAccessibleName(/^spoon theory/u);
  });

  test('your own explanation wins over the built-in one; edit and delete', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    await options.getByRole('textbox', { name: 'Term' }).fill('Cortisol');
    await options.getByRole('textbox', { name: 'Explanation' }).fill('My endocrinologist calls it the wake-up hormone.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await options.getByRole('button', { name: 'Edit Cortisol' }).click();
    await options.getByRole('textbox', { name: 'Explanation' }).fill('The wake-up hormone, as my doctor says.');
    await options.getByRole('button', { name: 'Save changes' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('The wake-up hormone, as my doctor says.');

    await page.bringToFront();
    await page.waitForTimeout(300);
    await hoverText(page, '#messengers', 'cortisol');
    const card = page.getByRole('dialog', { name: 'Cortisol' });
    await expect(card).toContainText('The wake-up hormone, as my doctor says.', { timeout: 3_000 });
    await page.keyboard.press('Escape');

    await options.bringToFront();
    await options.getByRole('button', { name: 'Delete Cortisol' }).click();
    const confirm = options.getByRole('dialog', { name: 'Delete “Cortisol”?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('Cortisol');
    await options.getByRole('button', { name: 'Delete Cortisol' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' })).toHaveCount(0);
    // The built-in explanation is back.
    await page.bringToFront();
    await page.waitForTimeout(300);
    await hoverText(page, '#messengers', 'cortisol');
    await expect(page.getByRole('dialog', { name: 'cortisol' })).not.toContainText('wake-up hormone', { timeout: 3_000 });
    await expect(page.getByRole('dialog', { name: 'cortisol' })).toContainText(/stress/u);
  });
});

test.describe('own terms on every page', () => {
  test('a page is marked with your terms and the built-in ones without unpacking any explanation; the first card unpacks them', async ({ context, extensionId, openFixture }) => {
    const options = await openOptions(context, extensionId);
    await options.getByRole('textbox', { name: 'Term' }).fill('spoon theory');
    await options.getByRole('textbox', { name: 'Explanation' }).fill('Energy pictured as spoons.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('spoon theory');
    // A page opened now: its content script starts with an own term in storage.
    const page = await openFixture('settings.html', { minTerms: 4 });
    await expect.poll(() => marked(page)).toEqual(expect.arrayContaining(['spoon theory', 'cortisol']));
    const unpacked = () => page.evaluate(() => performance.getEntriesByName('health-glossary:entries-parsed').length);
    expect(await unpacked()).toBe(0);
    // One first pass, with the own term in it: not one for the built-in terms and then another.
    expect(await page.evaluate(() => performance.getEntriesByName('health-glossary:first-pass-wall').length)).toBe(1);
    await hoverText(page, '#own', 'spoon theory');
    await expect(page.getByRole('dialog', { name: 'spoon theory' })).toContainText('Energy pictured as spoons.', { timeout: 3_000 });
    expect(await unpacked()).toBe(1);
    await page.keyboard.press('Escape');
    await hoverText(page, '#messengers', 'cortisol');
    await expect(page.getByRole('dialog', { name: 'cortisol' })).toContainText(/stress/u, { timeout: 3_000 });
  });
});

test.describe('import and export', () => {
  const file = (name: string, text: string) => ({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });

  test('a good file: see what would change, then apply; exports round-trip', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    await options.locator('#import-file').setInputFiles(
      file('mine.json', JSON.stringify({ terms: [{ term: 'pacing diary', variants: ['activity diary'], explanation: 'A notebook of what you did and how you felt.' }, { term: 'spoon theory', explanation: 'Energy pictured as spoons.', link: 'https://www.nhs.uk/' }] })),
    );
    const plan = options.getByRole('region', { name: 'What importing mine.json would change' });
    await expect(plan).toContainText('2 new terms: pacing diary, spoon theory');
    // Nothing is applied before the reader says so.
    await expect(options.getByRole('list', { name: 'Your terms' })).toHaveCount(0);
    await plan.getByRole('button', { name: 'Import 2 terms' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' }).getByRole('listitem')).toHaveCount(2);
    await expect.poll(() => marked(page)).toEqual(expect.arrayContaining(['pacing diary', 'spoon theory']));

    for (const [button, name] of [
      ['Save a copy (JSON)', 'health-glossary-terms.json'],
      ['Save for a spreadsheet (CSV)', 'health-glossary-terms.csv'],
    ] as const) {
      const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      const text = readFileSync((await download.path())!, 'utf8');
      await options.locator('#import-file').setInputFiles(file(name, text));
      const again = options.getByRole('region', { name: `What importing ${name} would change` });
      await expect(again).toContainText('0 new terms');
      await expect(again).toContainText('0 updated');
      await expect(again).toContainText('2 already the same');
      await again.getByRole('button', { name: 'Close' }).click();
    }
  });

  test('a malformed file changes nothing; a partly bad one adds only its good rows and names the bad ones', async ({ context, extensionId }) => {
    const options = await openOptions(context, extensionId);
    await options.getByRole('textbox', { name: 'Term' }).fill('pacing diary');
    await options.getByRole('textbox', { name: 'Explanation' }).fill('Mine, kept.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('Mine, kept.');

    await options.locator('#import-file').setInputFiles(file('broken.json', '{"terms": [{"term": "half'));
    await expect(options.getByText('broken.json: This file is not valid JSON, so nothing was read from it. Nothing was changed.')).toBeVisible();

    const csv = [
      'term,variants,explanation,link',
      'spoon theory,spoons,Energy pictured as spoons.,https://www.nhs.uk/',
      ',,No name here,',
      'evil link,,Looks fine,javascript:alert(document.cookie)',
      '"<script>alert(1)</script>",,"<img src=x onerror=alert(1)>",',
      'pacing diary,,Would replace mine,',
    ].join('\r\n');
    await options.locator('#import-file').setInputFiles(file('mixed.csv', csv));
    const plan = options.getByRole('region', { name: 'What importing mixed.csv would change' });
    await expect(plan).toContainText('2 new terms: spoon theory, <script>alert(1)</script>');
    await expect(plan).toContainText('1 updated: pacing diary');
    await expect(plan.getByRole('listitem').filter({ hasText: 'Row 3:' })).toContainText('The term is empty.');
    await expect(plan.getByRole('listitem').filter({ hasText: 'Row 4:' })).toContainText('https://');
    await plan.getByRole('button', { name: 'Cancel' }).click();
    // Cancelled: what was there is untouched.
    await expect(options.getByRole('list', { name: 'Your terms' }).getByRole('listitem')).toHaveCount(1);
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('Mine, kept.');

    await options.locator('#import-file').setInputFiles(file('mixed.csv', csv));
    await plan.getByRole('button', { name: 'Import 3 terms' }).click();
    const list = options.getByRole('list', { name: 'Your terms' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list).toContainText('<script>alert(1)</script>');
    await expect(list).not.toContainText('evil link');
    expect(await list.locator('script, img').count()).toBe(0);
  });
});

test.describe('stored data', () => {
  test('settings and terms saved by version 1 are migrated and shown', async ({ context, extensionId, serviceWorker }) => {
    await serviceWorker.evaluate(async () => {
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
      // As version 1 stored them: no version mark, sites as typed, terms without a date.
      await chrome.storage.sync.set({ settings: { highlightStyle: 'tint', enabled: true, blockedSites: ['https://www.Example.org/page', 'example.org'] } });
      await chrome.storage.local.set({ customTerms: [{ id: 'a1', term: 'pacing diary', variants: [], explanation: 'Kept from version 1.' }] });
    });
    const options = await openOptions(context, extensionId);
    await expect(options.getByRole('radio', { name: 'Light background' })).toBeChecked();
    await expect(options.getByRole('list', { name: 'Never highlight on these sites' }).getByRole('listitem')).toHaveCount(1);
    await expect(options.getByRole('list', { name: 'Never highlight on these sites' })).toContainText('example.org');
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('Kept from version 1.');
    const stored = await serviceWorker.evaluate(async () => ({ ...(await chrome.storage.sync.get(null)), ...(await chrome.storage.local.get(null)) }));
    expect(stored).toMatchObject({ settings: { highlightStyle: 'tint', blockedSites: ['example.org'] }, settings$: { v: 2 }, customTerms$: { v: 2 } });
    expect((stored.customTerms as { added?: string }[])[0]!.added).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });

  test('damaged storage: defaults where needed, said plainly, nothing readable lost', async ({ context, extensionId, serviceWorker, openFixture }) => {
    await storage(serviceWorker, 'sync', { settings: { highlightStyle: 'sparkles', theme: 'dark' }, settings$: { v: 2 } });
    await storage(serviceWorker, 'local', {
      customTerms: [{ id: 'a', term: 'pacing diary', variants: [], explanation: 'Still here.', added: '2026-01-05' }, 42, { term: '' }],
      customTerms$: { v: 2 },
    });
    const page = await openFixture('settings.html', { minTerms: 4 });
    // The page still works, on the readable settings and the default style.
    expect(await paintedStyles(page)).toEqual(['health-glossary-both']);
    const options = await openOptions(context, extensionId);
    await expect(options.getByText(/Some saved settings could not be read.*How terms are marked/u)).toBeVisible();
    await expect(options.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(options.getByText(/2 of your saved terms could not be read. They are kept aside, not deleted./u)).toBeVisible();
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('Still here.');
    // Saving a new term keeps the damaged items aside instead of overwriting them.
    await options.getByRole('textbox', { name: 'Term' }).fill('spoon theory');
    await options.getByRole('textbox', { name: 'Explanation' }).fill('Energy pictured as spoons.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect(options.getByRole('list', { name: 'Your terms' }).getByRole('listitem')).toHaveCount(2);
    await expect(options.getByText(/2 of your saved terms could not be read/u)).toBeVisible();
    expect(await serviceWorker.evaluate(async () => (await chrome.storage.local.get('customTermsUnreadable')).customTermsUnreadable)).toEqual([42, { term: '' }]);
  });

  test('a save the browser refuses is shown, not swallowed', async ({ context, extensionId, serviceWorker }) => {
    // Sync storage holds at most 8 KB per item: a long list of long site names comes close to it.
    const sites: string[] = [];
    while (JSON.stringify({ blockedSites: sites }).length < 8_080) sites.push(`a-rather-long-site-name-for-testing-number-${sites.length}.example.org`);
    await storage(serviceWorker, 'sync', { settings: { blockedSites: sites }, settings$: { v: 2 } });
    const options = await openOptions(context, extensionId);
    const never = options.getByRole('textbox', { name: 'Never highlight on these sites' });
    await never.fill(`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.org`);
    await never.press('Enter');
    await expect(options.getByText(/Your change could not be saved: .*quota/iu)).toBeVisible();
    // What is on screen is what is stored.
    await expect(options.getByRole('list', { name: 'Never highlight on these sites' }).getByRole('listitem')).toHaveCount(sites.length);
  });

  test('reset to defaults asks first, then resets settings and keeps your terms', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('settings.html', { minTerms: 4 });
    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: 'Light background' }).check();
    await options.getByRole('textbox', { name: 'Term' }).fill('spoon theory');
    await options.getByRole('textbox', { name: 'Explanation' }).fill('Energy pictured as spoons.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => paintedStyles(page)).toEqual(['health-glossary-tint']);

    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    const dialog = options.getByRole('dialog', { name: /Put every setting back/u });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(options.getByRole('radio', { name: 'Light background' })).toBeChecked();
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await dialog.getByRole('button', { name: 'Reset settings' }).click();
    await expect(options.getByRole('radio', { name: 'Both' })).toBeChecked();
    await expect(options.getByRole('status').filter({ hasText: 'Every setting is back to its default.' })).toBeVisible();
    await expect.poll(() => paintedStyles(page)).toEqual(['health-glossary-both']);
    await expect(options.getByRole('list', { name: 'Your terms' })).toContainText('spoon theory');
    expect((await highlightedPlaces(page)).some((p) => p.text === 'spoon theory')).toBe(true);
  });
});
