import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, FIXTURE_URL, highlightedTexts, test, waitForHighlights } from './fixtures';

/** The extension API inside the service worker, typed just enough for these tests. */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t: { url?: string }) => t.url?.startsWith(u))!.id!;
  }, url);
}

async function openPopup(context: BrowserContext, extensionId: string, query = ''): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  return popup;
}

test.describe('looking up a word', () => {
  test('keys typed the moment the popup opens are all kept', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
    // As soon as the caret shows in the box, before the glossary script has necessarily started.
    await popup.locator('#search:focus').waitFor();
    await popup.keyboard.type('seratonin');
    await expect(popup.getByRole('searchbox', { name: 'Look up a health word' })).toHaveValue('seratonin');
    await expect(popup.getByRole('list', { name: 'Results' }).getByRole('button').first()).toHaveAccessibleName(/^serotonin/u);
  });

  test('forgives typos, finishes words, knows abbreviations and lay words', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    const search = popup.getByRole('searchbox', { name: 'Look up a health word' });
    await expect(search).toBeFocused();
    const results = popup.getByRole('list', { name: 'Results' }).getByRole('button');
    for (const [query, expected] of [
      ['seratonin', /^serotonin/u],
      ['cortisole', /^cortisol/u],
      ['fibro', /^fibromyalgia/u],
      ['TSH', /^thyroid-stimulating hormone/u],
      ['IBS', /^irritable bowel syndrome/u],
      ['gut bacteria', /^microbiome/u],
    ] as const) {
      await search.fill(query);
      await expect(results.first(), query).toHaveAccessibleName(expected);
    }
  });

  test('arrow keys and Enter open a result as a full card', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.keyboard.type('melatonin');
    await popup.keyboard.press('ArrowDown');
    await expect(popup.getByRole('list', { name: 'Results' }).getByRole('button').first()).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('heading', { name: 'melatonin' })).toBeVisible();
    await expect(popup.getByText('General information, not medical advice.')).toBeVisible();
  });

  test('says so kindly when nothing matches, and offers the closest terms', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.keyboard.type('zzqx');
    await expect(popup.getByRole('status')).toHaveText(/Sorry, nothing matches “zzqx” yet/u);
    await popup.getByRole('searchbox').fill('hypothyroidissm treatment');
    await expect(popup.getByRole('list', { name: 'Results' }).getByRole('button').first()).toHaveAccessibleName(/hypothyroidism/u);
  });

  test('browse by topic and by letter', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('tab', { name: 'Browse' }).click();
    await popup.getByLabel('Topic').selectOption({ label: 'Hormones and chemical messengers' });
    const list = popup.getByRole('list', { name: 'Terms' });
    await expect(list.getByRole('button', { name: 'cortisol' })).toBeVisible();
    await expect(list.getByRole('button', { name: 'statin' })).toHaveCount(0);
    await popup.getByRole('button', { name: 'M', exact: true }).click();
    await expect(list.getByRole('button', { name: 'melatonin' })).toBeVisible();
    await expect(list.getByRole('button', { name: 'cortisol' })).toHaveCount(0);
  });
});

test.describe('the page beside the popup', () => {
  test('lists the terms on the page with counts; choosing one shows it there', async ({ context, extensionId, serviceWorker, openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    const tabId = await tabIdOf(serviceWorker, `${FIXTURE_URL}/article.html`);
    const popup = await openPopup(context, extensionId, `?tab=${tabId}`);
    await popup.getByRole('tab', { name: 'On this page' }).click();
    const list = popup.getByRole('list', { name: 'Terms on this page' });
    await expect(list.getByRole('button').first()).toHaveAccessibleName(/^fibromyalgia ×\d+/u);
    await list.getByRole('button', { name: /^cortisol/u }).click();
    await expect(page.getByRole('dialog', { name: 'cortisol' })).toBeVisible();
  });

  test('lists the terms of every frame, also another site\'s; choosing one opens it in its frame', async ({ context, extensionId, serviceWorker, openFixture }) => {
    const page = await openFixture('framed.html');
    // Each frame runs its own content script: wait until both frames have marked their words.
    for (const [file, term] of [['frame-inner.html', 'microbiome'], ['frame-other.html', 'cortisol']] as const) {
      await expect
        .poll(async () => {
          const frame = page.frames().find((f) => f.url().endsWith(file));
          return frame ? (await highlightedTexts(frame as never)).includes(term) : false;
        }, { timeout: 5_000, message: file })
        .toBe(true);
    }
    expect(new URL(page.frames().find((f) => f.url().endsWith('frame-other.html'))!.url()).hostname).toBe('localhost');
    const tabId = await tabIdOf(serviceWorker, `${FIXTURE_URL}/framed.html`);
    const popup = await openPopup(context, extensionId, `?tab=${tabId}`);
    await popup.getByRole('tab', { name: 'On this page' }).click();
    const list = popup.getByRole('list', { name: 'Terms on this page' });
    // The top page's words first, then the frames'.
    await expect(list.getByRole('button')).toHaveCount(3);
    await expect(list.getByRole('button').first()).toHaveAccessibleName(/^serotonin ×1/u);
    await expect(list.getByRole('button', { name: /^microbiome ×1/u })).toBeVisible();
    await list.getByRole('button', { name: /^cortisol ×1/u }).click();
    await expect(page.frameLocator('#other').getByRole('dialog', { name: 'cortisol' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('the site switch turns highlighting off and on for that site', async ({ context, extensionId, serviceWorker, openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    const tabId = await tabIdOf(serviceWorker, `${FIXTURE_URL}/article.html`);
    const popup = await openPopup(context, extensionId, `?tab=${tabId}`);
    const toggle = popup.getByRole('switch', { name: /Highlight terms on 127\.0\.0\.1/u });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 1_000 }).toBe(0);
    await toggle.check();
    await waitForHighlights(page, 5);
  });

  test('on a page extensions cannot read, it says so and search still works', async ({ context, extensionId, serviceWorker }) => {
    const blank = await context.newPage();
    await blank.goto('about:blank');
    const tabId = await serviceWorker.evaluate(async () => (await chrome.tabs.query({})).filter((t: { url?: string }) => !t.url || t.url === 'about:blank').pop()!.id!);
    const popup = await openPopup(context, extensionId, `?tab=${tabId}`);
    await expect(popup.getByText(/don't let extensions read this kind of page/u)).toBeVisible();
    await popup.getByRole('searchbox').fill('cortisol');
    await expect(popup.getByRole('list', { name: 'Results' }).getByRole('button').first()).toHaveAccessibleName(/^cortisol/u);
  });
});

test.describe('explain the selection (context menu and keyboard command)', () => {
  test('a known word opens its card at the selection; an unknown one opens the look-up with it', async ({ context, serviceWorker, openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    const tabId = await tabIdOf(serviceWorker, `${FIXTURE_URL}/article.html`);
    await page.evaluate(() => {
      const p = document.getElementById('hormones')!.firstChild as Text;
      const i = p.data.indexOf('melatonin');
      const r = document.createRange();
      r.setStart(p, i);
      r.setEnd(p, i + 'melatonin'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    const found = await serviceWorker.evaluate(
      (id) => (globalThis as unknown as { healthGlossary: { explainSelection(id: number, t: string): Promise<{ found: boolean }> } }).healthGlossary.explainSelection(id, 'melatonin'),
      tabId,
    );
    expect(found.found).toBe(true);
    await expect(page.getByRole('dialog', { name: 'melatonin' })).toBeVisible();

    const lookup = context.waitForEvent('page');
    await serviceWorker.evaluate(
      (id) => (globalThis as unknown as { healthGlossary: { explainSelection(id: number, t: string): Promise<unknown> } }).healthGlossary.explainSelection(id, 'seratonin levels'),
      tabId,
    );
    const popup = await lookup;
    await popup.waitForLoadState();
    await expect(popup.getByRole('searchbox')).toHaveValue('seratonin levels');
    await expect(popup.getByRole('list', { name: 'Results' }).getByRole('button').first()).toHaveAccessibleName(/^serotonin/u);
  });

  test('a word selected inside a frame opens its card in that frame', async ({ serviceWorker, openFixture }) => {
    const page = await openFixture('framed.html');
    const tabId = await tabIdOf(serviceWorker, `${FIXTURE_URL}/framed.html`);
    const select = ([id, word]: readonly [string, string]) => {
      const p = document.getElementById(id)!.firstChild as Text;
      const r = document.createRange();
      r.setStart(p, p.data.indexOf(word));
      r.setEnd(p, p.data.indexOf(word) + word.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    };
    // An older selection stays in the top page; the reader then selects a word in the letter's frame.
    await page.evaluate(select, ['main', 'serotonin'] as const);
    const inner = page.frames().find((f) => f.url().endsWith('frame-inner.html'))!;
    await page.locator('#frame').focus();
    await inner.evaluate(select, ['inner', 'microbiome'] as const);
    // The keyboard command: the browser does not say which frame, so the one holding the selection answers.
    const reply = await serviceWorker.evaluate(
      (id) => (globalThis as unknown as { healthGlossary: { explainSelection(id: number): Promise<{ found: boolean; text: string }> } }).healthGlossary.explainSelection(id),
      tabId,
    );
    expect(reply).toEqual({ found: true, text: 'microbiome' });
    await expect(page.frameLocator('#frame').getByRole('dialog', { name: 'microbiome' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
