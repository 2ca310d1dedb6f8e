import { expect, FIXTURE_URL, highlightedPlaces, highlightedTexts, hoverText, staleRanges, test, waitForHighlights } from './fixtures';

test.describe('the page stays the page', () => {
  test('the DOM under <body> is exactly what the page sent, even with a card open', async ({ context, openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    await hoverText(page, '#brain', 'serotonin');
    await expect(page.getByRole('dialog', { name: 'serotonin' })).toBeVisible({ timeout: 3_000 });
    const [live, fresh] = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return [document.body.innerHTML, parsed.body.innerHTML];
    });
    expect(live).toBe(fresh);
    // Links keep their markup and their target.
    await expect(page.locator('#link')).toHaveAttribute('href', 'https://example.org/more');
    expect(await page.locator('#link').evaluate((a) => a.childElementCount)).toBe(0);
    // Our only element is one host after <body>, outside the page's content.
    expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.localName))).toEqual([
      'head',
      'body',
      'health-glossary-ui',
    ]);
    await context.close();
  });

  test('a printed page carries no marks: on paper nothing can be hovered', async ({ openFixture }) => {
    const page = await openFixture('article.html', { minTerms: 5 });
    // How the browser would draw the marks, in every style the reader can choose.
    const drawn = () =>
      page.evaluate(() =>
        ['underline', 'tint', 'both', 'active'].map((style) => {
          const s = getComputedStyle(document.body, `::highlight(health-glossary-${style})`);
          return s.textDecorationLine !== 'none' || s.backgroundColor !== 'rgba(0, 0, 0, 0)';
        }),
      );
    expect(await drawn()).toEqual([true, true, true, true]);
    await hoverText(page, '#hormones', 'cortisol');
    await expect(page.getByRole('dialog', { name: 'cortisol' })).toBeVisible({ timeout: 3_000 });
    await page.emulateMedia({ media: 'print' });
    expect(await drawn()).toEqual([false, false, false, false]);
    // An open card is not printed over the article either.
    await expect(page.getByRole('dialog', { name: 'cortisol' })).toBeHidden();
  });

  test('never marks text in forms, editors, code, scripts, hidden or opted-out parts, and typing is untouched', async ({ openFixture }) => {
    const page = await openFixture('forms.html');
    await page.waitForTimeout(300);
    const places = await highlightedPlaces(page);
    expect(places.map((p) => p.owner)).toEqual(['prose']);
    await page.locator('#msg').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' More about serotonin.');
    await expect(page.locator('#msg')).toHaveValue('I read about serotonin and cortisol. More about serotonin.');
    await page.locator('#editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Serotonin again.');
    await expect(page.locator('#editor')).toHaveText('An editor mentions serotonin and the microbiome. Serotonin again.');
    await page.waitForTimeout(400);
    expect((await highlightedPlaces(page)).map((p) => p.owner)).toEqual(['prose']);
    await page.locator('#name').fill('Alex');
    await expect(page.locator('#name')).toHaveValue('Alex');
  });
});

test.describe('pages that change', () => {
  test('text the page adds or changes later is marked within a second; removed text is dropped', async ({ openFixture }) => {
    const page = await openFixture('dynamic.html');
    await page.evaluate(() => (window as unknown as { addStory(t: string): void }).addStory('A new story explains cortisol.'));
    await expect.poll(async () => (await highlightedTexts(page)).includes('cortisol'), { timeout: 1_000 }).toBe(true);
    await page.evaluate(() => (window as unknown as { setChanging(t: string): void }).setChanging('Now it mentions melatonin.'));
    await expect.poll(async () => (await highlightedTexts(page)).includes('melatonin'), { timeout: 1_000 }).toBe(true);
    await page.evaluate(() => (window as unknown as { removeFirst(): void }).removeFirst());
    await expect.poll(async () => (await highlightedTexts(page)).includes('serotonin'), { timeout: 1_000 }).toBe(false);
    // Nothing painted points at text that left the page.
    const detached = await page.evaluate(() => {
      let count = 0;
      for (const [, h] of CSS.highlights) for (const r of h) if (!r.startContainer.isConnected) count++;
      return count;
    });
    expect(detached).toBe(0);
  });

  test('a long section the page removes while it is still being read leaves nothing behind', async ({ openFixture }) => {
    const page = await openFixture('dynamic.html');
    await page.evaluate(() => {
      const big = document.createElement('div');
      big.id = 'big';
      for (let i = 0; i < 20000; i++) {
        const p = document.createElement('p');
        p.textContent = `Update ${i}: melatonin, cortisol and the gut microbiome were discussed again by the panel today, at some length and in some detail.`;
        big.append(p);
      }
      document.body.append(big);
    });
    // As soon as the first of its terms is painted (its reading has begun), the page takes it away.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const big = document.getElementById('big')!;
            for (const [, h] of CSS.highlights) for (const r of h) if (big.contains(r.startContainer)) return (big.remove(), true);
            return false;
          }),
        { timeout: 3_000, intervals: [5] },
      )
      .toBe(true);
    // Nothing of it may be painted from then on (the rest of its reading would paint text that left the page).
    let most = 0;
    for (let i = 0; i < 20; i++) {
      const detached = await page.evaluate(() => {
        let count = 0;
        for (const [, h] of CSS.highlights) for (const r of h) if (!r.startContainer.isConnected) count++;
        return count;
      });
      most = Math.max(most, detached);
      await page.waitForTimeout(50);
    }
    expect(most).toBe(0);
  });

  test('text the page changes ahead of the first reading is marked once, not once per reading', async ({ context }) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${FIXTURE_URL}/late-change.html`);
    await page.locator('body[data-changed="yes"]').waitFor();
    await page.locator('#last').scrollIntoViewIfNeeded();
    const marks = async () => (await highlightedPlaces(page)).filter((p) => p.owner === 'last').map((p) => p.text);
    await expect.poll(marks, { timeout: 5_000 }).toContain('melatonin');
    // Long enough for every reading of the page (the first pass, and the changed note's) to be over.
    await page.waitForTimeout(1_500);
    expect(await marks()).toEqual(['melatonin']);
  });

  test('a page that rewrites its text while it is being read gets every term marked once', async ({ openFixture }) => {
    const page = await openFixture('rewriting.html');
    await page.locator('body[data-settled="yes"]').waitFor({ timeout: 10_000 });
    // Let the rescans of the rewritten text settle.
    const first = async () => (await highlightedPlaces(page)).filter((p) => p.owner === 'n0').map((p) => p.text);
    await expect.poll(first, { timeout: 3_000 }).toEqual(expect.arrayContaining(['serotonin', 'cortisol', 'gut microbiome']));
    expect((await first()).filter((t) => t === 'serotonin')).toHaveLength(1);
    // No text painted twice anywhere: reading the page again from the start must not add a second copy.
    const copies = await page.evaluate(() => {
      const seen = new Map<Node, Set<string>>();
      let twice = 0;
      for (const [name, h] of CSS.highlights) {
        if (name === 'health-glossary-active') continue;
        for (const r of h) {
          const key = `${r.startOffset}:${r.endOffset}`;
          const keys = seen.get(r.startContainer) ?? new Set<string>();
          if (keys.has(key)) twice++;
          keys.add(key);
          seen.set(r.startContainer, keys);
        }
      }
      return twice;
    });
    expect(copies).toBe(0);
  });

  test('a section the page reveals is marked when it opens; text the page hides or makes editable is let go', async ({ openFixture }) => {
    const page = await openFixture('dynamic.html');
    await expect.poll(async () => (await highlightedTexts(page)).includes('thyroid gland'), { timeout: 1_000 }).toBe(true);
    expect(await highlightedTexts(page)).not.toContain('insulin');
    await page.getByRole('button', { name: 'Read more' }).click();
    await expect.poll(async () => (await highlightedTexts(page)).includes('insulin'), { timeout: 1_000 }).toBe(true);
    await page.getByRole('button', { name: 'Read more' }).click();
    await expect.poll(async () => (await highlightedTexts(page)).includes('insulin'), { timeout: 1_000 }).toBe(false);
    // An inline part hidden by the page, and a paragraph turned into an editor, are no longer marked.
    await page.evaluate(() => document.getElementById('aside')!.setAttribute('aria-hidden', 'true'));
    await expect.poll(async () => (await highlightedTexts(page)).includes('thyroid gland'), { timeout: 1_000 }).toBe(false);
    await page.evaluate(() => document.getElementById('first')!.setAttribute('contenteditable', 'true'));
    await expect.poll(async () => (await highlightedTexts(page)).includes('serotonin'), { timeout: 1_000 }).toBe(false);
  });

  test('a same-origin frame and an open shadow root are explained too', async ({ openFixture }) => {
    const page = await openFixture('frames.html');
    await expect.poll(async () => (await highlightedPlaces(page)).find((p) => p.text === 'cortisol')?.owner, { timeout: 3_000 }).toBe('inside');
    const frame = page.frameLocator('#frame');
    await expect(frame.locator('#inner')).toBeVisible();
    const inner = page.frames().find((f) => f.url().endsWith('frame-inner.html'))!;
    await expect.poll(async () => (await highlightedTexts(inner as never)).includes('microbiome'), { timeout: 3_000 }).toBe(true);
    // Frames without an address of their own: an inline srcdoc frame, and an empty frame the page fills.
    for (const [name, term] of [['inline-frame', 'melatonin'], ['written-frame', 'insulin']] as const) {
      const frame = page.frame({ name })!;
      await expect.poll(async () => (await highlightedTexts(frame as never)).includes(term), { timeout: 3_000, message: name }).toBe(true);
    }
    // A frame in design mode is an editor: nothing is marked there, also after typing.
    const editing = page.frame({ name: 'design-frame' })!;
    await editing.locator('body').click();
    await page.keyboard.type(' Also cortisol.');
    await page.waitForTimeout(400);
    expect(await highlightedTexts(editing as never)).toEqual([]);
    // A frame with nothing to mark never builds a matcher; the page, which has terms, did once.
    const builds = (frame: { evaluate: typeof page.evaluate }) => frame.evaluate(() => performance.getEntriesByName('health-glossary:compile').length);
    expect(await builds(editing)).toBe(0);
    expect(await builds(page)).toBe(1);
    // The shadow root's term opens its card like any other.
    const box = await page.locator('#card').evaluate((host) => {
      const p = host.shadowRoot!.getElementById('inside')!;
      const text = p.firstChild as Text;
      const i = text.data.indexOf('cortisol');
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 'cortisol'.length);
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x - 40, box.y + 20);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    await expect(page.getByRole('dialog', { name: 'cortisol' })).toBeVisible({ timeout: 3_000 });
  });

  test('text reached in unusual ways is explained: declarative, nested and late shadow roots, slots, frames added later, text moved or split', async ({ openFixture }) => {
    const page = await openFixture('structures.html', { minTerms: 3 });
    await expect(page.locator('body[data-changed="yes"]')).toBeAttached();
    const owners = async () => new Set((await highlightedPlaces(page)).map((p) => `${p.owner}: ${p.text}`));
    const expected = [
      'plain: serotonin',
      'declarative: serotonin',
      'nested: serotonin',
      'slotted: cortisol',
      'moved-to: serotonin',
      'split: serotonin',
      'shadow-later: Cortisol',
      'nested-later: Cortisol',
      'in-host-later: melatonin',
    ];
    await expect
      .poll(
        async () => {
          const now = await owners();
          return expected.filter((e) => !now.has(e));
        },
        { timeout: 2_000 },
      )
      .toEqual([]);
    // Left alone: an editor of plain text, and a closed <details> nobody can read yet.
    const marked = [...(await owners())].join(' | ');
    expect(marked).not.toContain('plaintext-editor');
    expect(marked).not.toContain('in-details');
    // A frame the page filled itself, also after a later change; a frame the page added later.
    const blank = (await page.locator('#blank').elementHandle())!.contentFrame();
    const filled = async () => (await highlightedPlaces((await blank)!)).map((p) => `${p.owner}: ${p.text}`);
    await expect.poll(filled, { timeout: 2_000 }).toEqual(['blank-text: serotonin', 'blank-later: Melatonin']);
    const later = await (await page.locator('#frame-later').elementHandle())!.contentFrame();
    await expect.poll(async () => (await highlightedTexts(later as never)).includes('microbiome'), { timeout: 3_000 }).toBe(true);
    // A section the browser renders only when near (content-visibility: auto) is marked when reached.
    await page.locator('#far').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await owners()).has('far-text: melatonin'), { timeout: 2_000 }).toBe(true);
    // The ranges the split and the move left behind are gone, not only unpainted.
    expect(await staleRanges(page)).toBe(0);
  });

  test('a page that turns itself into an editor is let go at its first edit, and typing goes on as typed', async ({ openFixture }) => {
    const page = await openFixture('design-mode.html', { minTerms: 3 });
    await page.evaluate(() => {
      document.designMode = 'on';
    });
    await page.locator('#more').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Insulin too.');
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 1_000 }).toBe(0);
    await expect(page.locator('#more')).toHaveText('The microbiome section follows. Insulin too.');
    await page.waitForTimeout(400);
    expect(await highlightedTexts(page)).toEqual([]);
  });

  test('a component with a closed shadow root is explained too', async ({ openFixture }) => {
    const page = await openFixture('frames.html');
    await expect.poll(async () => (await highlightedPlaces(page)).find((p) => p.owner === 'closed-text')?.text, { timeout: 3_000 }).toBe('melatonin');
    // The page's scripts cannot reach into it, but the painted range can: point at it and read.
    const box = await page.evaluate(() => {
      for (const [, h] of CSS.highlights)
        for (const r of h as Iterable<AbstractRange>)
          if ((r.startContainer.parentNode as Element | null)?.id === 'closed-text') {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            const rect = live.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
      return null;
    });
    await page.mouse.move(box!.x - 40, box!.y + 20);
    await page.mouse.move(box!.x, box!.y, { steps: 5 });
    await expect(page.getByRole('dialog', { name: 'melatonin' })).toBeVisible({ timeout: 3_000 });
  });

  test('a component the page defines late is explained once its shadow root appears', async ({ openFixture }) => {
    const page = await openFixture('frames.html');
    expect((await highlightedPlaces(page)).some((p) => p.owner === 'late')).toBe(false);
    await expect.poll(async () => (await highlightedPlaces(page)).find((p) => p.owner === 'late')?.text, { timeout: 4_000 }).toBe('insulin');
  });

  test('a site switched off stays off inside its frames, including srcdoc and page-filled ones', async ({ openFixture, serviceWorker }) => {
    const page = await openFixture('frames.html');
    const markedInFrames = async () => (await Promise.all(page.frames().map((f) => highlightedTexts(f as never).catch(() => [])))).flat();
    await expect.poll(async () => new Set((await markedInFrames()).filter((t) => ['melatonin', 'insulin', 'microbiome'].includes(t))).size, { timeout: 3_000 }).toBe(3);
    await serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { sync: { set(i: object): Promise<void> } } } }).chrome.storage.sync.set({
        settings: { blockedSites: ['127.0.0.1'] },
        settings$: { v: 2 },
      }),
    );
    await expect.poll(markedInFrames, { timeout: 2_000 }).toEqual([]);
  });
});

test.describe('strict and huge pages', () => {
  for (const policy of ["default-src 'none'", "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'"])
    test(`works under Content-Security-Policy ${policy} without a single violation`, async ({ context }) => {
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy|Refused to|Trusted ?Type/i.test(m.text())) violations.push(m.text());
      });
      page.on('pageerror', (e) => violations.push(String(e)));
      // csp.html is the article without inline styles, so any violation would be ours.
      await page.goto(`${FIXTURE_URL}/csp.html?csp=${encodeURIComponent(policy)}`);
      await waitForHighlights(page, 5);
      await hoverText(page, '#hormones', 'cortisol');
      await expect(page.getByRole('dialog', { name: 'cortisol' })).toBeVisible({ timeout: 3_000 });
      expect(violations).toEqual([]);
    });

  test('no request leaves the machine: only the page itself is fetched', async ({ context, openFixture }) => {
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await openFixture('article.html', { minTerms: 5 });
    await hoverText(page, '#brain', 'serotonin');
    await expect(page.getByRole('dialog', { name: 'serotonin' })).toBeVisible({ timeout: 3_000 });
    await page.waitForTimeout(300);
    const outside = requests.filter((u) => !u.startsWith(FIXTURE_URL) && !u.startsWith('chrome-extension://'));
    expect(outside).toEqual([]);
  });

  test('a page of 12,000 paragraphs is marked, stays responsive, and terms far down are ready when reached', async ({ openFixture }) => {
    const page = await openFixture('large.html', { minTerms: 10 });
    // The page answers input promptly while we work: a click handler runs within a frame or two.
    const latency = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }),
    );
    expect(latency).toBeLessThan(250);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight - window.innerHeight * 1.5));
    await expect
      .poll(
        async () =>
          page.evaluate(() => {
            for (const [, h] of CSS.highlights)
              for (const r of h) {
                const live = document.createRange();
                live.setStart(r.startContainer, r.startOffset);
                live.setEnd(r.endContainer, r.endOffset);
                const rect = live.getBoundingClientRect();
                if (rect.top >= 0 && rect.bottom <= window.innerHeight && rect.height > 0) return true;
              }
            return false;
          }),
        { timeout: 2_000 },
      )
      .toBe(true);
    // Only what is near the screen stays painted: the browser redraws every painted range after
    // any change, so a long page that kept all of them would stall on every hover.
    const painted = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    await expect.poll(painted, { timeout: 2_000 }).toBeLessThan(1_500);
    // Back at the top, the first terms are painted again.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 2_000 }).toBeGreaterThan(10);
  });
});
