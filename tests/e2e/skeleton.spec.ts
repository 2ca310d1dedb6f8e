import { readdirSync, readFileSync } from 'node:fs';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/extension';
import { expect, highlightedTexts, hoverText, test, waitForHighlights } from './fixtures';

test.describe('a reader on a health article', () => {
  test('sees the health words marked, and the page text unchanged', async ({ openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    const marked = (await highlightedTexts(page)).map((t) => t.toLowerCase());
    for (const word of ['fibromyalgia', 'serotonin', 'cortisol', 'melatonin', 'microbiome', 'neurotransmitter'])
      expect(marked, `"${word}" should be highlighted`).toContain(word);
    // A term split by inline markup is still one term.
    expect(marked).toContain('gut microbiome');
    await expect(page.locator('#gut em')).toHaveText('gut');
  });

  for (const [word, selector] of [
    ['serotonin', '#brain'],
    ['cortisol', '#hormones'],
    ['microbiome', '#gut'],
  ] as const) {
    test(`hovers "${word}" and reads what it means, then closes it with Escape`, async ({ openFixture }) => {
      const page = await openFixture('article.html', { minTerms: 5 });
      await hoverText(page, selector, word === 'microbiome' ? 'the microbiome' : word);
      const card = page.getByRole('dialog', { name: word });
      await expect(card).toBeVisible({ timeout: 3_000 });
      // A real explanation, not just the word again.
      const text = await card.innerText();
      expect(text.length).toBeGreaterThan(word.length + 60);
      await expect(card.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//u);
      await page.keyboard.press('Escape');
      await expect(card).toBeHidden();
    });
  }

  test('a quick sweep of the pointer across the text opens nothing', async ({ openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    const box = (await page.locator('#brain').boundingBox())!;
    await page.mouse.move(box.x, box.y + 10);
    await page.mouse.move(box.x + box.width, box.y + box.height - 10, { steps: 10 });
    await page.mouse.move(box.x + box.width + 200, box.y + box.height + 200);
    await page.waitForTimeout(900);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('the toolbar popup', () => {
  test('has its search box focused and finds a term by name', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const search = popup.getByRole('searchbox', { name: /look up/i });
    await expect(search).toBeFocused();
    await popup.keyboard.type('serotonin');
    const result = popup.getByRole('button', { name: /^serotonin/i }).first();
    await expect(result).toBeVisible();
    await result.click();
    await expect(popup.getByRole('heading', { name: 'serotonin' })).toBeVisible();
    await expect(popup.getByText(/chemical messenger/i).first()).toBeVisible();
  });
});

test.describe('the options page', () => {
  test('turning highlighting off clears an open tab at once, and on restores it', async ({ context, extensionId, openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const toggle = options.getByRole('switch', { name: 'Highlight terms on pages' });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 1_000 }).toBe(0);
    await toggle.check();
    await waitForHighlights(page, 5);
  });
});

test.describe('what every page loads', () => {
  test('the content script is plain ASCII, so the browser holds it in one byte per character', async () => {
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      const script = readFileSync(`${build}content-scripts/content.js`, 'utf8');
      const wide = script.match(/[^\x00-\x7f]/u);
      expect(wide?.index === undefined ? null : script.slice(Math.max(0, wide.index - 60), wide.index + 20), build).toBeNull();
    }
  });

  test('the content script ships the explanations packed, so every site visited parses a smaller script', async () => {
    // Each site the reader visits runs in a new page process, which parses the whole content
    // script again. The explanations (2 MB of text) ship gzipped and are unpacked only when the
    // reader first points at a term; the popup, opened far less often, keeps them as plain text.
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      const script = readFileSync(`${build}content-scripts/content.js`, 'utf8');
      expect(script.includes('{"id":"'), build).toBe(false);
      expect(script.length, build).toBeLessThan(3_000_000);
      expect(script.match(/"[A-Za-z0-9+/]{500000,}={0,2}"/u), build).not.toBeNull();
      // The popup's copy is text, written as '…' strings: V8 parses `…` templates far slower.
      const popup = readdirSync(`${build}chunks`).find((f) => f.startsWith('popup-'))!;
      const popupScript = readFileSync(`${build}chunks/${popup}`, 'utf8');
      expect(popupScript.includes('`[{"id":'), build).toBe(false);
      expect(popupScript.includes('\'[{"id":'), build).toBe(true);
    }
  });
});
