/**
 * `npm run bench`: the engine's speed in real headless Chromium, against the floor (a bare
 * TreeWalker pass), mark.js and advanced-mark.js, and a 50,000-pattern glossary. Prints a table,
 * then as its very last line one JSON object: {"vsFloor", "vsMarkjs", "scale50kVs1k", "maxTaskMs", …}.
 * Never a pass/fail timer: the numbers are for people to read and hold against DESIGN.md's goals.
 */
import { chromium, type Page } from '@playwright/test';
import { build, transform } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { compileMatcher } from '../../glossary/matcher';
import type { GlossaryEntry } from '../../glossary/schema';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browsers';
import { CHROME_BUILD, requireBuild } from '../support/extension';
import { median } from './median';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const REPS = Number(process.env.BENCH_REPS ?? 7);

function loadGlossary(): GlossaryEntry[] {
  const dir = `${ROOT}glossary/data/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as GlossaryEntry[]);
}

/** A deterministic random source, so every run measures the same pages. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FILLER = `the a of and to in that is was for on with as by at from this have not are but be they one
all would there their what so up out if about who get which go me when make can like time no just him know
take people into year your good some could them see other than then now look only come its over think also back
after use two how our work first well way even new want because any these give day most us many before through
much where should still find long down own while may last part between seem never same put great while home
large often together during later always change every morning evening table window garden river city street
market family friend school teacher story reason question answer number little right small early kind light
open close green blue slowly quickly quietly walked talked said asked wrote read heard moved carried turned`
  .split(/\s+/u)
  .filter(Boolean);

/** A long article: plain sentences with glossary terms sprinkled in, some behind inline markup. */
function makeArticle(targetChars: number, forms: string[], seed: number): string {
  const random = rng(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const parts: string[] = ['<article>'];
  let chars = 0;
  let paragraph = 0;
  while (chars < targetChars) {
    if (paragraph % 12 === 0) parts.push(`<h2>${pick(FILLER)} ${pick(forms)} ${pick(FILLER)}</h2>`);
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) {
      const words: string[] = [];
      for (let w = 0; w < 12; w++) {
        const r = random();
        if (r < 0.13) words.push(pick(forms));
        else if (r < 0.15) words.push(`<em>${pick(FILLER)}</em>`);
        else if (r < 0.16) words.push(`<a href="#p${paragraph}">${pick(FILLER)} ${pick(FILLER)}</a>`);
        else words.push(pick(FILLER));
      }
      const sentence = words.join(' ');
      sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
    }
    const html = `<p id="p${paragraph}">${sentences.join(' ')}</p>`;
    parts.push(html);
    chars += html.replace(/<[^>]+>/gu, '').length;
    paragraph++;
  }
  parts.push('</article>');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:20px auto;padding:0 16px}</style></head>
<body>${parts.join('\n')}</body></html>`;
}

/** Pseudo-words that never occur on the page, to grow a glossary without changing what matches. */
function syntheticForms(count: number, seed: number): string[] {
  const random = rng(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Set<string>();
  while (out.size < count) {
    const len = 5 + Math.floor(random() * 9);
    let w = 'q';
    for (let i = 1; i < len; i++) w += letters[Math.floor(random() * 26)];
    out.add(random() < 0.2 ? `${w} ${letters[Math.floor(random() * 26)]}${w.slice(1, 5)}` : w);
  }
  return [...out];
}

async function bundleInPage(): Promise<string> {
  const result = await build({
    entryPoints: [`${ROOT}tests/bench/in-page.ts`],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: !process.env.BENCH_PROFILE,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** Size of the content script without the glossary data, minified and gzipped. */
async function contentScriptSize(): Promise<{ withoutData: number; withData: number | null }> {
  const result = await build({
    entryPoints: [`${ROOT}entrypoints/content/index.ts`],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [
      {
        name: 'health-glossary-bench',
        setup(b) {
          b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
            path: `${args.resolveDir}/${args.path.replace('?inline', '')}`,
            namespace: 'css-text',
          }));
          // Minified as the real build ships it (Vite minifies inlined CSS).
          b.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => ({
            contents: (await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true })).code,
            loader: 'text',
          }));
          b.onResolve({ filter: /\.css$/ }, () => ({ path: 'empty', namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
          b.onResolve({ filter: /^virtual:glossary-(trie|text)$/ }, (args) => ({ path: args.path, namespace: 'data-stub' }));
          b.onLoad({ filter: /.*/, namespace: 'data-stub' }, () => ({ contents: 'export default null;', loader: 'js' }));
          b.onLoad({ filter: /glossary[\\/]bundled\.ts$/ }, () => ({
            contents: 'export const bundledFiles = () => new Map(); export const bundledEntries = () => [];',
            loader: 'ts',
          }));
        },
      },
    ],
  });
  const built = `${ROOT}.output/chrome-mv3/content-scripts/content.js`;
  let withData: number | null = null;
  try {
    statSync(built);
    withData = gzipSync(readFileSync(built)).length;
  } catch {
    /* not built */
  }
  return { withoutData: gzipSync(result.outputFiles[0]!.contents).length, withData };
}

async function openPage(page: Page, html: string, script: string) {
  await page.route('http://bench.localhost/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto('http://bench.localhost/page.html');
  await page.unroute('http://bench.localhost/**');
  await page.addScriptTag({ content: readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8') });
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.MarkJs = w.Mark;
  });
  await page.addScriptTag({ content: readFileSync(require.resolve('advanced-mark.js/dist/mark.min.js'), 'utf8') });
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.AdvancedMark = w.Mark;
  });
  await page.addScriptTag({ content: script });
}

/**
 * The main-thread time the installed extension adds to loading a typical article (30 kB of text):
 * the renderer's own script and task time per page load, read from the DevTools Performance
 * metrics, with the built extension and without it. The first load after the browser starts
 * compiles the content script (cold); later loads of the same site reuse that page process and its
 * compiled script (warm). A reader moving from site to site gets a new page process per site, which
 * parses and compiles the content script again: `crossSite` loads each page from another site.
 */
async function typicalArticle(html: string) {
  const measure = async (withExtension: boolean, crossSite: boolean) => {
    const dir = requireBuild(CHROME_BUILD);
    const extensionArgs = withExtension ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : [];
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hg-bench-')), {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, ...extensionArgs],
    });
    try {
      if (withExtension && !context.serviceWorkers().length) await context.waitForEvent('serviceworker');
      const page = context.pages()[0] ?? (await context.newPage());
      await page.route('**/article-*.html', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      const script: number[] = [];
      const task: number[] = [];
      for (let i = 0; i < 10; i++) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(crossSite ? `http://site-${i}.example/article-${i}.html` : `http://typical.localhost/article-${i}.html`);
        // Long enough for the first pass, the shadow-root search and the paint after it.
        await page.waitForTimeout(1_000);
        const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
        const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
        script.push(value('ScriptDuration'));
        task.push(value('TaskDuration'));
        await cdp.detach();
      }
      return { cold: script[0]!, script: median(script.slice(1)), task: median(task.slice(1)) };
    } finally {
      await context.close();
    }
  };
  const without = await measure(false, false);
  const withExtension = await measure(true, false);
  const withoutCross = await measure(false, true);
  const withExtensionCross = await measure(true, true);
  return {
    coldScript: withExtension.cold,
    script: withExtension.script - without.script,
    task: withExtension.task - without.task,
    crossSiteScript: withExtensionCross.script - withoutCross.script,
    crossSiteTask: withExtensionCross.task - withoutCross.task,
  };
}

/**
 * The toolbar popup as a reader meets it: opened (as a tab, which loads the same page), how long
 * until its search box is there, and how long a typed misspelling takes to be answered. Medians
 * of several opens after a first one.
 */
async function popupTimes() {
  const dir = requireBuild(CHROME_BUILD);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hg-bench-')), {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const ready: number[] = [];
    const answered: number[] = [];
    for (let i = 0; i < 8; i++) {
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.getByRole('searchbox', { name: 'Look up a health word' }).waitFor();
      const t1 = performance.now();
      await page.keyboard.type('seratonin');
      await page.getByRole('list', { name: 'Results' }).getByRole('button', { name: /^serotonin/u }).first().waitFor();
      const t2 = performance.now();
      if (i > 0) {
        ready.push(t1 - t0);
        answered.push(t2 - t0);
      }
      await page.close();
    }
    return { ready: median(ready), answered: median(answered) };
  } finally {
    await context.close();
  }
}

type EngineResult = { compileMs: number; firstPass: number; deferred: number; matches: number; painted: number; patterns: number };
type Api = {
  floor(reps: number): { median: number };
  engine(entries: GlossaryEntry[], reps: number): EngineResult;
  engines(lists: GlossaryEntry[][], reps: number): EngineResult[];
  engineForms(forms: string[], reps: number): { firstPass: number; matches: number };
  mark(lib: 'markjs' | 'advanced', forms: string[], reps: number): { median: number; marked: number };
  survives(lib: 'markjs' | 'advanced', forms: string[]): boolean;
  sliced(entries: GlossaryEntry[]): Promise<{ wall: number; longestSlice: number; longestLabel: string; longTasks: number; baselineLongTasks: number; painted: number }>;
  entriesFromForms(forms: string[]): GlossaryEntry[];
};
declare const __hg: Api;

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

async function main() {
  const glossary = loadGlossary();
  // Page terms: every unambiguous form, so the page reads like dense patient text.
  const pageForms = glossary.filter((e) => !e.ambiguous).flatMap((e) => [e.term, ...e.variants]);
  const matcher = compileMatcher(glossary);
  const filler = FILLER.filter((w) => matcher.match(w).length === 0);
  FILLER.length = 0;
  FILLER.push(...filler);

  const script = await bundleInPage();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const rows: [string, string, string][] = [];
  try {
    // 1. ~1 MB article: floor vs our first pass with the bundled glossary.
    await openPage(page, makeArticle(1_000_000, pageForms, 1), script);
    const floor = await page.evaluate((reps) => __hg.floor(reps), REPS);
    if (process.env.BENCH_PROFILE) {
      console.log('floor', floor.median);
      console.log('matcher only', await page.evaluate(([g]) => (globalThis as any).__prof.matcherOnly(g), [glossary] as const));
      console.log('walk only', await page.evaluate(() => (globalThis as any).__prof.walkOnly()));
      console.log('walk parts', await page.evaluate(() => (globalThis as any).__prof2()));
      console.log('engine', await page.evaluate(([entries]) => __hg.engine(entries, 5), [glossary] as const));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.evaluate(([entries]) => __hg.engine(entries, 15), [glossary] as const);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; lineNumber: number; columnNumber: number }; positionTicks?: { line: number; ticks: number }[] }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const n = byId.get(id)!;
        const key = `${n.callFrame.functionName || '(anon)'}@${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      });
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(1).padStart(8), k);
      const lines = new Map<string, number>();
      for (const n of profile.nodes)
        for (const t of n.positionTicks ?? []) {
          const key = `${n.callFrame.functionName}:${t.line}`;
          lines.set(key, (lines.get(key) ?? 0) + t.ticks);
        }
      for (const [k, v] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(String(v).padStart(8), k);
      const { writeFileSync } = await import('node:fs');
      writeFileSync('/tmp/bench-bundle.js', script);
      return;
    }
    const ours = await page.evaluate(([entries, reps]) => __hg.engine(entries, reps), [glossary, REPS] as const);
    const vsFloor = ours.firstPass / floor.median;
    rows.push(['floor: TreeWalker touching every character, 1 MB', `${fmt(floor.median, 2)} ms`, '']);
    rows.push([
      `engine first pass, 1 MB, bundled glossary (${glossary.length} entries, ${ours.patterns} patterns)`,
      `${fmt(ours.firstPass, 2)} ms`,
      `${ours.matches} matches, ${ours.painted} painted near the viewport`,
    ]);
    rows.push(['  deferred: observing the rest for lazy painting', `${fmt(ours.deferred, 2)} ms`, 'in later slices']);
    rows.push(['  compile (once per glossary)', `${fmt(ours.compileMs, 1)} ms`, '']);
    rows.push(['vsFloor (goal ≤ 2)', fmt(vsFloor, 2), '']);

    // 2. mark.js and advanced-mark.js on a 100 kB article, on the largest list mark.js survives.
    await openPage(page, makeArticle(100_000, pageForms, 2), script);
    const allForms = [...new Set(pageForms)];
    let size = allForms.length;
    while (size > 10 && !(await page.evaluate(([f]) => __hg.survives('markjs', f), [allForms.slice(0, size)] as const))) size = Math.floor(size * 0.8);
    const markForms = allForms.slice(0, size);
    const markjs = await page.evaluate(([f]) => __hg.mark('markjs', f, 3), [markForms] as const);
    const advanced = await page.evaluate(([f]) => __hg.mark('advanced', f, 3), [markForms] as const);
    const oursSmall = await page.evaluate(([f, reps]) => __hg.engineForms(f, reps), [markForms, Math.max(REPS, 21)] as const);
    const vsMarkjs = markjs.median / oursSmall.firstPass;
    rows.push([`mark.js, 100 kB, ${size} of ${allForms.length} forms (largest list it survives)`, `${fmt(markjs.median, 0)} ms`, `${markjs.marked} marked`]);
    rows.push(['advanced-mark.js, same page and forms, combinePatterns', `${fmt(advanced.median, 0)} ms`, `${advanced.marked} marked`]);
    rows.push(['engine, same page and forms', `${fmt(oursSmall.firstPass, 3)} ms`, `${oursSmall.matches} matches`]);
    rows.push(['vsMarkjs (goal ≥ 20; DESIGN ≥ 100)', fmt(vsMarkjs, 0), `advanced-mark.js ÷ us: ${fmt(advanced.median / oursSmall.firstPass, 0)}`]);

    // 3. Scale: 1,000 vs 50,000 patterns on the 1 MB article (the same page terms match in both).
    await openPage(page, makeArticle(1_000_000, pageForms.slice(0, 200), 3), script);
    const base = pageForms.slice(0, 200);
    const small = [...base, ...syntheticForms(1_000 - base.length, 7)];
    const large = [...base, ...syntheticForms(50_000 - base.length, 7)];
    // Taken in turn, A B A B…, so the machine's load moves both alike.
    const scaleRuns = await page.evaluate(
      ([a, b, reps]) => __hg.engines([__hg.entriesFromForms(a), __hg.entriesFromForms(b)], reps),
      [small, large, Math.max(REPS, 15)] as const,
    );
    const r1k = scaleRuns[0]!;
    const r50k = scaleRuns[1]!;
    const scale = r50k.firstPass / r1k.firstPass;
    rows.push(['engine first pass, 1 MB, 1,000 patterns', `${fmt(r1k.firstPass, 2)} ms`, `compile ${fmt(r1k.compileMs, 1)} ms`]);
    rows.push(['engine first pass, 1 MB, 50,000 patterns', `${fmt(r50k.firstPass, 2)} ms`, `compile ${fmt(r50k.compileMs, 1)} ms`]);
    rows.push(['scale50kVs1k (goal ≤ 1.3)', fmt(scale, 2), '']);

    // 4. The real, time-sliced engine on a 5 MB page: the longest main-thread task it causes.
    await openPage(page, makeArticle(5_000_000, pageForms, 4), script);
    const sliced = await page.evaluate(([entries]) => __hg.sliced(entries), [glossary] as const);
    // What the extension causes is its own tasks; the browser's long frames are shown beside the
    // same scroll without the engine, since laying out a 5 MB page is slow with or without us.
    const maxTaskMs = sliced.longestSlice;
    rows.push(['5 MB page, sliced: longest engine task', `${fmt(sliced.longestSlice, 1)} ms`, `(${sliced.longestLabel}); first pass ${fmt(sliced.wall, 0)} ms wall`]);
    rows.push(['5 MB page: longest browser long task/frame, with engine', `${fmt(sliced.longTasks, 1)} ms`, `without engine: ${fmt(sliced.baselineLongTasks, 1)} ms (0 = none over 50 ms)`]);
    rows.push(['maxTaskMs (goal ≤ 50)', fmt(maxTaskMs, 1), '']);

    // 5. A typical article, loaded in a browser with the built extension installed and without.
    const typical = await typicalArticle(makeArticle(30_000, pageForms, 5));
    rows.push(['typical article (30 kB): script time added per page load', `${fmt(typical.script, 1)} ms`, `first load after start (compiling the content script): ${fmt(typical.coldScript, 0)} ms`]);
    rows.push(['typical article: all main-thread task time added', `${fmt(typical.task, 1)} ms`, 'incl. setting up the extension\'s isolated world, styles and paint']);
    rows.push(['typical article, each load on another site: script time added', `${fmt(typical.crossSiteScript, 1)} ms`, 'a new page process per site parses and compiles the content script']);
    rows.push(['typical article, each load on another site: all task time added', `${fmt(typical.crossSiteTask, 1)} ms`, '']);

    // 6. The toolbar popup.
    const popup = await popupTimes();
    rows.push(['popup: opened until its search box is there', `${fmt(popup.ready, 0)} ms`, 'opened as a tab; includes loading the page']);
    rows.push(['popup: opened until a typed "seratonin" finds serotonin', `${fmt(popup.answered, 0)} ms`, 'the search index is built in slices after the popup shows']);

    const size2 = await contentScriptSize();
    rows.push(['content script, gzipped, glossary excluded (goal ≤ 30 KB)', `${fmt(size2.withoutData / 1024, 1)} KB`, size2.withData ? `with glossary: ${fmt(size2.withData / 1024, 1)} KB` : '']);

    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(12)}  note`);
    for (const [a, b, c] of rows) console.log(`${a.padEnd(width)}  ${b.padStart(12)}  ${c}`);
    console.log(
      JSON.stringify({
        vsFloor: Number(vsFloor.toFixed(2)),
        vsMarkjs: Number(vsMarkjs.toFixed(0)),
        scale50kVs1k: Number(scale.toFixed(2)),
        maxTaskMs: Number(maxTaskMs.toFixed(1)),
        vsAdvancedMarkjs: Number((advanced.median / oursSmall.firstPass).toFixed(0)),
        markjsForms: size,
        floorMs: Number(floor.median.toFixed(2)),
        firstPassMs: Number(ours.firstPass.toFixed(2)),
        compileMs: Number(ours.compileMs.toFixed(1)),
        compile50kMs: Number(r50k.compileMs.toFixed(1)),
        contentScriptGzipKB: Number((size2.withoutData / 1024).toFixed(1)),
        typicalScriptMs: Number(typical.script.toFixed(1)),
        typicalTaskMs: Number(typical.task.toFixed(1)),
        typicalColdScriptMs: Number(typical.coldScript.toFixed(0)),
        typicalCrossSiteScriptMs: Number(typical.crossSiteScript.toFixed(1)),
        popupReadyMs: Math.round(popup.ready),
        popupAnsweredMs: Math.round(popup.answered),
      }),
    );
  } finally {
    await browser.close();
  }
}

await main();
