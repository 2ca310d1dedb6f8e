/**
 * Runs inside the benchmark page (bundled to one script by run.ts). Measures the real engine and
 * matcher code, the floor, and mark.js / advanced-mark.js on the same page.
 */
import { createGlossary } from '../../glossary/glossary';
import { entryFlags } from '../../glossary/entry-flags';
import { compileMatcher } from '../../glossary/matcher';
import type { GlossaryEntry } from '../../glossary/schema';
import { Engine } from '../../entrypoints/content/engine';
import { median } from './median';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings-schema';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, disabledCategories: [], blockedSites: [], onlySites: [] };


/** The floor: a TreeWalker pass over the same text nodes that touches every character once. */
function floorOnce(): number {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
  }
  const t = performance.now() - t0;
  (globalThis as { __sink?: number }).__sink = sum;
  return t;
}

function engineOnce(entries: readonly GlossaryEntry[], matcher = compileMatcher(entries)) {
  const glossary = createGlossary(entries);
  const engine = new Engine({ glossary, matcher: () => matcher, flags: entryFlags(entries), settings: SETTINGS, root: document.body });
  const t0 = performance.now();
  engine.start();
  engine.scanNow();
  const firstPass = performance.now() - t0;
  const t1 = performance.now();
  engine.observeNow();
  const deferred = performance.now() - t1;
  const found = engine.counts();
  let matches = 0;
  for (const c of found.values()) matches += c;
  const painted = engine.index.size;
  engine.dispose();
  return { firstPass, deferred, matches, painted };
}

function entriesFromForms(forms: readonly string[]): GlossaryEntry[] {
  return forms.map((f, i) => ({
    id: `e${i}`,
    term: f,
    variants: [],
    category: 'conditions',
    short: '',
    long: '',
    related: [],
    sources: [],
    reviewed: '2026-01-01',
  }));
}

const api = {
  floor(reps: number) {
    floorOnce();
    const times = Array.from({ length: reps }, floorOnce);
    return { median: median(times), times };
  },

  engine(entries: GlossaryEntry[], reps: number) {
    return api.engines([entries], reps)[0]!;
  },

  /**
   * Several glossaries on the same page, their runs taken in turn (A, B, A, B…), so that a shared
   * machine getting busier or quieter moves them alike and their ratio stays fair.
   */
  engines(lists: GlossaryEntry[][], reps: number) {
    const compiled = lists.map((entries) => {
      const t0 = performance.now();
      const matcher = compileMatcher(entries);
      return { entries, matcher, compileMs: performance.now() - t0 };
    });
    for (const c of compiled) engineOnce(c.entries, c.matcher); // warm the JIT
    const runs = compiled.map(() => [] as ReturnType<typeof engineOnce>[]);
    for (let r = 0; r < reps; r++) compiled.forEach((c, i) => runs[i]!.push(engineOnce(c.entries, c.matcher)));
    return compiled.map((c, i) => ({
      compileMs: c.compileMs,
      firstPass: median(runs[i]!.map((r) => r.firstPass)),
      deferred: median(runs[i]!.map((r) => r.deferred)),
      matches: runs[i]![0]!.matches,
      painted: runs[i]![0]!.painted,
      patterns: c.matcher.patternCount,
    }));
  },

  /** Our engine over a plain list of forms (the same list given to mark.js). */
  engineForms(forms: string[], reps: number) {
    return api.engine(entriesFromForms(forms), reps);
  },

  /** mark.js or advanced-mark.js marking the same forms; the page is restored after each run. */
  mark(lib: 'markjs' | 'advanced', forms: string[], reps: number) {
    const original = document.body.innerHTML;
    const Mark = (globalThis as unknown as Record<string, new (ctx: Element) => { mark(k: string[], o: object): void }>)[
      lib === 'markjs' ? 'MarkJs' : 'AdvancedMark'
    ]!;
    const times: number[] = [];
    let marked = 0;
    for (let i = 0; i < reps; i++) {
      document.body.innerHTML = original;
      const t0 = performance.now();
      new Mark(document.body).mark(forms, {
        separateWordSearch: false,
        diacritics: false,
        caseSensitive: false,
        accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', '(', ')', '"', "'", '’', '-', '–', '—', '/'] },
        ...(lib === 'advanced' ? { combinePatterns: true } : {}),
        done: (n: number) => (marked = n),
      });
      times.push(performance.now() - t0);
    }
    document.body.innerHTML = original;
    return { median: median(times), times, marked };
  },

  /** Whether mark.js survives a keyword list of this size (it overflows its stack on large lists). */
  survives(lib: 'markjs' | 'advanced', forms: string[]) {
    const original = document.body.innerHTML;
    const Mark = (globalThis as unknown as Record<string, new (ctx: Element) => { mark(k: string[], o: object): void }>)[
      lib === 'markjs' ? 'MarkJs' : 'AdvancedMark'
    ]!;
    const probe = document.createElement('div');
    probe.textContent = 'a short probe sentence about serotonin.';
    try {
      new Mark(probe).mark(forms, { separateWordSearch: false, accuracy: 'exactly' });
      return true;
    } catch {
      return false;
    } finally {
      document.body.innerHTML = original;
    }
  },

  /**
   * The real engine as it runs on a page: time-sliced, then the page scrolled top to bottom so lazy
   * painting happens as a reader would cause it. Browser long tasks and long frames are recorded
   * for the same scroll without the engine too, so what the page costs by itself can be told apart.
   */
  async sliced(entries: GlossaryEntry[]) {
    const scrollThrough = async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight * 3) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      await new Promise((r) => setTimeout(r, 200));
      window.scrollTo(0, 0);
      await new Promise((r) => setTimeout(r, 100));
    };
    const watchLongTasks = () => {
      const seen: number[] = [];
      const observers: PerformanceObserver[] = [];
      for (const type of ['longtask', 'long-animation-frame'])
        try {
          const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration)));
          po.observe({ type, buffered: false });
          observers.push(po);
        } catch {
          /* not supported in this browser */
        }
      return () => {
        observers.forEach((o) => o.disconnect());
        return Math.max(0, ...seen);
      };
    };
    // The page alone: lay out and scroll once, so both runs start from the same warm state.
    await scrollThrough();
    const stopBaseline = watchLongTasks();
    await scrollThrough();
    const baseline = stopBaseline();

    const glossary = createGlossary(entries);
    const matcher = compileMatcher(entries);
    const stop = watchLongTasks();
    const engine = new Engine({ glossary, matcher: () => matcher, flags: entryFlags(entries), settings: SETTINGS, root: document.body });
    const t0 = performance.now();
    engine.start();
    await new Promise<void>((resolve) => {
      engine.onIdle = () => resolve();
    });
    const wall = performance.now() - t0;
    await scrollThrough();
    const withEngine = stop();
    const stats = {
      wall,
      longestSlice: engine.longestTaskMs,
      longestLabel: engine.longestTaskLabel,
      longTasks: withEngine,
      baselineLongTasks: baseline,
      painted: engine.index.size,
    };
    engine.dispose();
    return stats;
  },

  entriesFromForms,
};

(globalThis as unknown as { __hg: typeof api }).__hg = api;

// Profiling helpers (not part of the reported numbers).
(globalThis as unknown as { __prof: unknown }).__prof = {
  matcherOnly(entries: GlossaryEntry[]) {
    const matcher = compileMatcher(entries);
    const text = document.body.textContent ?? '';
    const times: number[] = [];
    let n = 0;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      n = 0;
      matcher.scan(text, 0, text.length, () => n++);
      times.push(performance.now() - t0);
    }
    return { median: median(times), n, chars: text.length };
  },
  walkOnly() {
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      let runs = 0;
      const t0 = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { TextRunWalker } = (globalThis as unknown as { __walker: typeof import('../../entrypoints/content/text-runs') }).__walker;
      const w = new TextRunWalker(document.body, { onRun: () => runs++, onRestart: () => {} });
      w.step(Infinity);
      times.push(performance.now() - t0);
    }
    return median(times);
  },
};
import * as walkerModule from '../../entrypoints/content/text-runs';
(globalThis as unknown as { __walker: unknown }).__walker = walkerModule;
(globalThis as unknown as { __prof2: unknown }).__prof2 = () => {
  const out: Record<string, number> = {};
  const time = (name: string, fn: () => void) => {
    fn();
    const ts: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      fn();
      ts.push(performance.now() - t0);
    }
    out[name] = median(ts);
  };
  let sink = 0;
  time('a walker+data', () => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) sink += (n as Text).data.length;
  });
  time('b +parentNode', () => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let last: Node | null = null;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const p = n.parentNode;
      if (p !== last) last = p;
      sink += (n as Text).data.length;
    }
  });
  time('c +map', () => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const m = new Map<Node, number>();
    let last: Node | null = null;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const p = n.parentNode!;
      if (p !== last) {
        last = p;
        let v = m.get(p);
        if (v === undefined) m.set(p, (v = 1));
        sink += v;
      }
      sink += (n as Text).data.length;
    }
  });
  time('d +push+join', () => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Node[] = [];
    const parts: string[] = [];
    let last: Node | null = null;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const p = n.parentNode!;
      if (p !== last) {
        last = p;
        if (parts.length > 4) {
          sink += parts.join('').length;
          parts.length = 0;
          nodes.length = 0;
        }
      }
      nodes.push(n);
      parts.push((n as Text).data);
    }
  });
  time('e +charCodeAt', () => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const d = (n as Text).data;
      for (let i = 0; i < d.length; i++) sink += d.charCodeAt(i);
    }
  });
  (globalThis as { __sink?: number }).__sink = sink;
  return out;
};
