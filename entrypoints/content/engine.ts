import { CATEGORY_IDS } from '../../glossary/categories';
import type { EntryFlags } from '../../glossary/entry-flags';
import type { Glossary } from '../../glossary/glossary';
import { isHealthPage } from '../../glossary/health-gate';
import { HAS_WORD } from '../../glossary/normalize';
import type { CompiledMatcher } from '../../glossary/matcher';
import type { Settings } from '../../utils/settings-schema';
import { guarded } from '../../utils/guard';
import { TIMING } from '../../utils/timing';
import { PageTermIndex, type PageTerm } from './page-terms';
import { Painter } from './painter';
import { isInlineElement, isInsideSkipped, SKIP_ATTRIBUTES, UI_HOST_TAG } from './skip-rules';
import { TextRunWalker, findShadowRoots, findUndefinedElements, nodeIndexAt, shadowRootOf, type TextRun } from './text-runs';

type Schedule = (task: () => void) => void;

/** Runs a task soon, after the browser had a chance to paint and handle input. */
const scheduleSoon: Schedule = (() => {
  const s = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: object) => Promise<void> } }).scheduler;
  if (s?.postTask) return (task) => void s.postTask!(task, { priority: 'user-visible' }).catch(() => {});
  return (task) => setTimeout(task, 0);
})();

/**
 * Runs a task just after the browser's next frame, when the page's layout is fresh: measuring
 * where a block is then costs nothing, while measuring before it would force the whole page's
 * layout inside our task (120 ms on a 100,000-cell table). A hidden tab has no frames, so a timer
 * stands in.
 */
function scheduleAfterFrame(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    scheduleSoon(task);
  };
  const timer = setTimeout(run, 100);
  requestAnimationFrame(run);
}

/**
 * Terms are painted this far (in viewport heights) above and below what is on screen, and
 * unpainted once they are farther away. Chromium revalidates every range of every Highlight in the
 * frame after any change (measured in Chromium 156: ~5 ms per 1,000 ranges), so a page that kept
 * all its 50,000 terms painted would stall for ~170 ms on each hover; the band keeps it to a few
 * hundred ranges however long the page is.
 */
const PAINT_AHEAD_SCREENS = 1.5;
/** What the browser calls a long task: work of ours this long is reported (see `timed`). */
const LONG_TASK_MS = 50;
/**
 * IntersectionObserver registrations are made in slices of this many, checking the time budget
 * between them. The browser computes new registrations' first intersections once per frame, so
 * small slices spread over many frames leave far-down terms unpainted for seconds (400 a slice:
 * 6 s on a 100,000-cell table; filled to the time budget: 0.2 s).
 */
const OBSERVE_CHUNK = 200;
/** How often, and how many times, not-yet-defined custom elements are looked at for a shadow root. */
const HOST_CHECK_MS = 1_000;
const HOST_CHECKS = 60;
/** What the page may change that changes what is matched: text, elements, and the skip rules' attributes. */
const WATCHED_CHANGES: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: SKIP_ATTRIBUTES,
};

/**
 * The matches of one run of text (a block's inline text), kept compactly until painted:
 * building ranges nobody can see yet is most of the cost of a naive engine.
 */
interface RunRecord {
  /** Which walk read it (walks are numbered as they start). */
  walk: number;
  block: Node;
  nodes: Text[];
  starts: number[];
  /** Where this run's matches are in the engine's pool: triplets (start, end, entry) in run text offsets. */
  at: number;
  /** Number of values (three per match). */
  size: number;
  /** The occurrences shown, built the first time they are needed (kept while unpainted, so a
   *  term keeps its identity as it scrolls out of and back into the paint band). */
  terms: PageTerm[] | null;
  /** In the Highlight and the hit-test index now. */
  painted: boolean;
  /** Ambiguous matches were held back when painted, because the page was not yet known to be about health. */
  heldAmbiguous: boolean;
}

export interface EngineOptions {
  /** Read only when a term's entry is needed (a card, the popup's list), not to match or paint. */
  glossary: Glossary;
  /** Asked for when the first words are matched: a frame without any never builds a matcher. */
  matcher: () => CompiledMatcher;
  flags: EntryFlags;
  settings: Settings;
  /** Styles adopted into open shadow roots so ::highlight rules apply there. */
  shadowStyles?: CSSStyleSheet;
  /** Root to scan (the document's body by default). */
  root?: Node;
}


/**
 * Finds glossary terms in the document and keeps them painted while the page changes.
 *
 * First pass: walk and match everything in slices of a few milliseconds, paint what is on (or
 * near) the screen at once, and keep the rest as compact match lists. Those are painted by an
 * IntersectionObserver before they scroll into view. Later, only the blocks the page changes are
 * matched again.
 */
export class Engine {
  readonly index = new PageTermIndex();
  #painter: Painter;
  #settings: Settings;
  #queue: { walker: TextRunWalker; eager: boolean }[] = [];
  #walks = 0;
  #pumping = false;
  #observer: MutationObserver | undefined;
  #io: IntersectionObserver | undefined;
  #dirty = new Set<Node>();
  #dirtyTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #ambiguous: Uint8Array;
  readonly #enabledEntry: Uint8Array;
  #runsByBlock = new Map<Node, RunRecord[]>();
  /**
   * Every run's matches, back to back, in one typed array: a typed array per run costs more to
   * allocate than the matching itself. Space of dropped runs is reclaimed when the pool is rebuilt.
   */
  #pool = new Int32Array(3 * 16384);
  #poolUsed = 0;
  #toObserve: Node[] = [];
  /** Subtrees still to be searched for open shadow roots (after their text, as it is rarely needed). */
  #shadowSearch: Node[] = [];
  /** Custom elements not defined yet, looked at now and then for a shadow root they attach once defined. */
  #undefinedHosts = new Set<Element>();
  #hostTimer: ReturnType<typeof setTimeout> | undefined;
  #hostChecks = 0;
  #observing = false;
  #evidence = { chars: 0, unambiguous: 0, distinct: 0 };
  /** Per entry: seen as an unambiguous match (for the health gate). */
  #seenUnambiguous: Uint8Array;
  /** For "first occurrence only": per entry, the run and offset of its first occurrence. */
  #firstRun: (RunRecord | undefined)[] = [];
  /** Entries whose first occurrence was dropped, to be looked for again (see refindFirsts). */
  #orphans = new Set<number>();
  #refindScheduled = false;
  #firstStart: Int32Array;
  #healthPage = false;
  /** While true, runs are checked against the viewport as they are found (document order ≈ top to bottom). */
  #eagerChecking = true;
  #shadowRoots = new Set<ShadowRoot>();
  #matcher: CompiledMatcher | undefined;
  #running = false;
  #scrollListener: AbortController | undefined;
  /** Called when a batch of scanning is done, e.g. to refresh what the popup shows. */
  onIdle: (() => void) | undefined;
  /** The longest single piece of main-thread work the engine has done, in ms (for the benchmark). */
  longestTaskMs = 0;
  longestTaskLabel = '';

  constructor(private readonly options: EngineOptions) {
    this.#settings = options.settings;
    this.#painter = new Painter(options.settings.highlightStyle);
    const n = options.flags.ambiguous.length;
    this.#ambiguous = options.flags.ambiguous;
    this.#enabledEntry = new Uint8Array(n);
    this.#seenUnambiguous = new Uint8Array(n);
    this.#firstStart = new Int32Array(n);
    this.#computeEnabled();
  }

  get glossary(): Glossary {
    return this.options.glossary;
  }

  /** Shadow roots seen (open, and closed ones of components), for hit-testing inside them. */
  get knownShadowRoots(): ShadowRoot[] {
    return [...this.#shadowRoots];
  }

  /** Whether the first pass and every rescan so far are done. */
  get idle(): boolean {
    return this.#queue.length === 0 && this.#dirty.size === 0;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#eagerChecking = true;
    const root = this.options.root ?? document.body ?? document.documentElement;
    this.#io = new IntersectionObserver((entries) => this.#timed('paint on scroll', () => this.#onIntersect(entries)), {
      rootMargin: `${PAINT_AHEAD_SCREENS * 100}% 0px`,
    });
    this.#observer = new MutationObserver((records) => this.#timed('mutations', () => this.#onMutations(records)));
    this.#observer.observe(document.documentElement, WATCHED_CHANGES);
    // A reader who scrolls (or jumps to an anchor) while a long page is still being matched should
    // see the words where they are: measure again where the next blocks are, and paint those on
    // screen at once instead of waiting for the end of the pass.
    this.#scrollListener = new AbortController();
    window.addEventListener('scroll', () => (this.#eagerChecking = this.#queue.length > 0), {
      capture: true,
      passive: true,
      signal: this.#scrollListener.signal,
    });
    this.#enqueue(root, true);
  }

  stop(): void {
    this.#running = false;
    this.#scrollListener?.abort();
    this.#scrollListener = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#io?.disconnect();
    this.#io = undefined;
    clearTimeout(this.#dirtyTimer);
    this.#dirtyTimer = undefined;
    this.#dirty.clear();
    this.#queue = [];
    this.#toObserve = [];
    this.#shadowSearch = [];
    this.#undefinedHosts.clear();
    clearTimeout(this.#hostTimer);
    this.#hostTimer = undefined;
    this.#reset();
  }

  dispose(): void {
    this.stop();
    this.#painter.dispose();
  }

  /**
   * Runs the whole first pass now, without yielding (benchmarks and tests). Returns after every
   * run is matched and the visible ones are painted; the rest stays lazy.
   */
  scanNow(): void {
    while (this.#queue.length) {
      this.#queue[0]!.walker.step(Number.POSITIVE_INFINITY);
      this.#queue.shift();
    }
    this.#afterBatch();
  }

  /** Paints every term now, visible or not (benchmarks, and "next term" reaching an unpainted one). */
  paintAll(): void {
    for (const runs of this.#runsByBlock.values()) for (const run of runs) this.#paintRun(run);
  }

  /** Applies new settings; matches again only when what is matched changed. */
  update(settings: Settings): void {
    const before = this.#settings;
    this.#settings = settings;
    this.#painter.setStyle(settings.highlightStyle);
    const shown =
      before.firstOccurrenceOnly !== settings.firstOccurrenceOnly ||
      before.ambiguousWords !== settings.ambiguousWords ||
      before.disabledCategories.join() !== settings.disabledCategories.join();
    if (!shown) return;
    // The same matches, shown differently: repaint what is painted, rebuild the rest when needed.
    this.#computeEnabled();
    for (const runs of this.#runsByBlock.values())
      for (const run of runs) this.#rebuildRun(run);
  }

  setActive(term: PageTerm | null): void {
    this.#painter.setActive(term ? term.range : null);
  }

  /**
   * Every occurrence that is (or will be, once near the screen) painted, in reading order. Builds
   * the occurrences without painting them: painting is for what the reader can see.
   */
  termsInOrder(): PageTerm[] {
    const runs = [...this.#runsByBlock.values()].flat();
    runs.sort((a, b) => (precedes(a, b) ? -1 : 1));
    const out: PageTerm[] = [];
    for (const run of runs) out.push(...this.#termsOf(run));
    return out;
  }

  /** How many ranges are painted now (bounded by the paint band, whatever the page's length). */
  get paintedCount(): number {
    return this.#painter.size;
  }

  /** How many occurrences of each entry are marked on the page (whether painted yet or not). */
  counts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const runs of this.#runsByBlock.values())
      for (const run of runs)
        for (let i = run.at; i < run.at + run.size; i += 3)
          if (this.#paintable(run, i)) counts.set(this.#pool[i + 2]!, (counts.get(this.#pool[i + 2]!) ?? 0) + 1);
    return counts;
  }

  #computeEnabled(): void {
    const disabled = new Set<string>(this.#settings.disabledCategories);
    const categoryOff = CATEGORY_IDS.map((c) => disabled.has(c));
    const { category, ambiguous, custom } = this.options.flags;
    const everydayOff = !this.#settings.ambiguousWords;
    for (let i = 0; i < this.#enabledEntry.length; i++)
      // The reader's own terms are always on: they wrote them to see them.
      this.#enabledEntry[i] = !custom[i] && (categoryOff[category[i]!] || (ambiguous[i] && everydayOff)) ? 0 : 1;
  }

  #reset(): void {
    this.index.clear();
    this.#painter.clear();
    this.#runsByBlock.clear();
    this.#poolUsed = 0;
    this.#evidence = { chars: 0, unambiguous: 0, distinct: 0 };
    this.#seenUnambiguous.fill(0);
    this.#firstRun = [];
    this.#orphans.clear();
    this.#healthPage = false;
  }

  #enqueue(root: Node, eager: boolean): void {
    const walk = ++this.#walks;
    const walker = new TextRunWalker(root, { onRun: (run) => this.#onRun(run, eager, walk), onRestart: () => this.#dropUnder(root) });
    this.#queue.push({ walker, eager });
    this.#shadowSearch.push(root);
    if (!this.#pumping) {
      this.#pumping = true;
      scheduleAfterFrame(this.#pump);
    }
  }

  #timed(label: string, work: () => void): void {
    const t0 = performance.now();
    guarded(work)();
    const end = performance.now();
    const t = end - t0;
    if (t > this.longestTaskMs) {
      this.longestTaskMs = t;
      this.longestTaskLabel = label;
    }
    // A long task of ours shows in the browser's performance tools under our name (and the e2e
    // suite reads it), so a slow page can be told apart from a slow extension.
    if (t >= LONG_TASK_MS) performance.measure(`health-glossary:long-task:${label}`, { start: t0, end });
  }

  #pump = (): void => this.#timed('scan slice', this.#pumpSlice);

  #pumpSlice = (): void => {
    if (!this.#running) {
      this.#pumping = false;
      return;
    }
    const deadline = performance.now() + TIMING.scanSliceMs;
    while (this.#queue.length) {
      if (!this.#queue[0]!.walker.step(deadline)) return this.#yieldMidPass();
      this.#queue.shift();
      if (this.#queue.length && performance.now() >= deadline) return this.#yieldMidPass();
    }
    this.#pumping = false;
    this.#afterBatch();
  };

  /**
   * Gives the page the main thread back in the middle of a pass. What was matched so far is
   * watched already, so a reader who jumps far down a long page sees its terms as soon as they
   * are matched, not when the whole page is.
   */
  #yieldMidPass(): void {
    this.#observeSoon();
    scheduleSoon(this.#pump);
  }

  /** Once all queued text is matched: settle the health gate, then observe what waits to be painted. */
  #afterBatch(): void {
    this.#eagerChecking = false;
    if (!this.#healthPage && isHealthPage(this.#evidence)) {
      this.#healthPage = true;
      for (const runs of this.#runsByBlock.values())
        for (const run of runs) if (run.heldAmbiguous) this.#rebuildRun(run);
    }
    this.#observeSoon();
    if (this.#shadowSearch.length)
      scheduleSoon(() =>
        this.#timed('shadow root search', () => {
          if (!this.#running) return;
          for (const root of this.#shadowSearch.splice(0)) {
            if (!root.isConnected) continue;
            findShadowRoots(root).forEach((s) => this.#onShadowRoot(s));
            for (const host of findUndefinedElements(root)) this.#undefinedHosts.add(host);
          }
          this.#watchUndefinedHosts();
        }),
      );
    this.onIdle?.();
  }

  #observeSoon(): void {
    if (this.#observing || this.#toObserve.length === 0) return;
    this.#observing = true;
    const step = () => {
      if (!this.#running || !this.#io) {
        this.#observing = false;
        return;
      }
      const deadline = performance.now() + TIMING.scanSliceMs;
      let done = 0;
      while (done < this.#toObserve.length && performance.now() < deadline) {
        const end = Math.min(this.#toObserve.length, done + OBSERVE_CHUNK);
        for (; done < end; done++) {
          const block = this.#toObserve[done]!;
          if (this.#runsByBlock.has(block)) this.#io.observe(observable(block));
        }
      }
      this.#toObserve.splice(0, done);
      if (this.#toObserve.length) scheduleSoon(() => this.#timed('observe', step));
      else this.#observing = false;
    };
    scheduleSoon(() => this.#timed('observe', step));
  }

  /** Registers everything waiting, now (benchmarks measure this deferred work separately). */
  observeNow(): void {
    for (const block of this.#toObserve.splice(0)) if (this.#runsByBlock.has(block)) this.#io?.observe(observable(block));
  }

  /** Blocks entering the paint band are painted; blocks leaving it are unpainted (see PAINT_AHEAD_SCREENS). */
  #onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const target = entry.target;
      const runs = this.#runsByBlock.get(target) ?? this.#runsByBlock.get((target as Element).shadowRoot as Node);
      if (!runs) continue;
      for (const run of runs) {
        if (entry.isIntersecting) this.#paintRun(run);
        else this.#unpaintRun(run, false);
      }
    }
  }

  /**
   * Looks at the not-yet-defined custom elements every second, for a minute at most after the
   * last new one was seen: a component the page defines late attaches its shadow root then.
   */
  #watchUndefinedHosts(): void {
    this.#hostChecks = 0;
    if (this.#hostTimer !== undefined || this.#undefinedHosts.size === 0) return;
    const check = () =>
      this.#timed('shadow root check', () => {
        this.#hostTimer = undefined;
        if (!this.#running) return;
        for (const host of this.#undefinedHosts) {
          const shadow = shadowRootOf(host);
          if (shadow) this.#onShadowRoot(shadow);
          if (shadow || !host.isConnected || host.matches(':defined')) this.#undefinedHosts.delete(host);
        }
        if (this.#undefinedHosts.size && ++this.#hostChecks < HOST_CHECKS) this.#hostTimer = setTimeout(check, HOST_CHECK_MS);
      });
    this.#hostTimer = setTimeout(check, HOST_CHECK_MS);
  }

  #onShadowRoot(shadow: ShadowRoot): void {
    if (this.#shadowRoots.has(shadow)) return;
    this.#shadowRoots.add(shadow);
    const sheet = this.options.shadowStyles;
    if (sheet && !shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    this.#observer?.observe(shadow, WATCHED_CHANGES);
    this.#enqueue(shadow, false);
  }

  #onRun(text: TextRun, eager: boolean, walk: number): void {
    const t = text.text;
    this.#evidence.chars += t.length;
    // Space between tags (all an advert's frame may have) has no term to find.
    if (!HAS_WORD.test(t)) return;
    const matcher = (this.#matcher ??= this.options.matcher());
    let at = this.#poolUsed;
    let found = matcher.scanInto(t, 0, t.length, this.#pool, at);
    if (found === 0) return;
    if (at + found * 3 > this.#pool.length) {
      this.#growPool(at + found * 3);
      at = this.#poolUsed;
      found = matcher.scanInto(t, 0, t.length, this.#pool, at);
    }
    // Every match is kept, also of kinds the reader switched off: switching them on or off again
    // then only repaints what is on screen, without matching the page again.
    const pool = this.#pool;
    const kept = found * 3;
    this.#poolUsed = at + kept;
    const block = blockOf(text.nodes[0]!);
    let list = this.#runsByBlock.get(block);
    // A block read by an earlier walk and again by this one (the page changed it ahead of the first
    // pass, and its rescan got there too): the later reading is the page as it is now, and the only one kept.
    if (list && list[0]!.walk !== walk) {
      this.#dropBlock(block);
      list = undefined;
    }
    const run: RunRecord = {
      walk,
      block,
      nodes: text.nodes.slice(),
      starts: text.starts.slice(),
      at,
      size: kept,
      terms: null,
      painted: false,
      heldAmbiguous: false,
    };
    for (let i = at; i < at + kept; i += 3) {
      const entry = pool[i + 2]!;
      const first = this.#firstRun[entry];
      if (first === undefined) {
        this.#firstRun[entry] = run;
        this.#firstStart[entry] = pool[i]!;
      }
      // One walk goes in reading order, so only a block read again (or added) can come before it.
      else if (first.walk !== walk && precedes(run, first)) this.#moveFirst(entry, run, pool[i]!);
      if (this.#ambiguous[entry]) continue;
      this.#evidence.unambiguous++;
      if (!this.#seenUnambiguous[entry]) {
        this.#seenUnambiguous[entry] = 1;
        this.#evidence.distinct++;
      }
    }
    if (list) list.push(run);
    else this.#runsByBlock.set(run.block, [run]);

    if (!eager || this.#eagerChecking) {
      const place = viewportPlace(run.block);
      if (place === 0) this.#paintRun(run);
      // Blocks come in document order, which is top to bottom for the main text: once one is
      // well below the screen, stop measuring and let the observer paint the rest.
      else if (place > 0 && eager) this.#eagerChecking = false;
    }
    // Every block is watched for as long as it is on the page: painted when it nears the screen,
    // unpainted when it is far away again.
    if (list === undefined) this.#toObserve.push(run.block);
  }

  /** Makes room for `needed` values, keeping only the matches of runs still on the page. */
  #growPool(needed: number): void {
    let live = 0;
    for (const runs of this.#runsByBlock.values()) for (const run of runs) live += run.size;
    const size = Math.max(2 * this.#pool.length, 2 * (live + (needed - this.#poolUsed)));
    const next = new Int32Array(size);
    let used = 0;
    for (const runs of this.#runsByBlock.values())
      for (const run of runs) {
        next.set(this.#pool.subarray(run.at, run.at + run.size), used);
        run.at = used;
        used += run.size;
      }
    this.#pool = next;
    this.#poolUsed = used;
  }

  /** Whether the match at pool index i of this run is shown. */
  #paintable(run: RunRecord, i: number): boolean {
    const entry = this.#pool[i + 2]!;
    if (!this.#enabledEntry[entry]) return false;
    if (this.#ambiguous[entry] && !this.#healthPage) return false;
    if (this.#settings.firstOccurrenceOnly && (this.#firstRun[entry] !== run || this.#firstStart[entry] !== this.#pool[i])) return false;
    return true;
  }

  /** The occurrences a run shows (built once, kept while the run is on the page). */
  #termsOf(run: RunRecord): PageTerm[] {
    if (run.terms) return run.terms;
    const terms: PageTerm[] = [];
    const m = this.#pool;
    for (let i = run.at; i < run.at + run.size; i += 3) {
      const entry = m[i + 2]!;
      if (!this.#paintable(run, i)) {
        if (this.#ambiguous[entry] && !this.#healthPage) run.heldAmbiguous = true;
        continue;
      }
      const start = m[i]!;
      const end = m[i + 1]!;
      const first = nodeIndexAt(run, start);
      const last = nodeIndexAt(run, end - 1);
      const startNode = run.nodes[first]!;
      const endNode = run.nodes[last]!;
      const startOffset = start - run.starts[first]!;
      const endOffset = end - run.starts[last]!;
      terms.push({
        entry,
        startNode,
        startOffset,
        endNode,
        endOffset,
        nodes: first === last ? [startNode] : run.nodes.slice(first, last + 1),
        range: new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset }),
      });
    }
    run.terms = terms;
    return terms;
  }

  #paintRun(run: RunRecord): void {
    if (run.painted) return;
    run.painted = true;
    for (const term of this.#termsOf(run)) {
      this.index.add(term);
      this.#painter.add(term.range);
    }
  }

  /** Builds a run's occurrences again (what it shows changed), painted again if they were. */
  #rebuildRun(run: RunRecord): void {
    const wasPainted = run.painted;
    this.#unpaintRun(run, true);
    if (wasPainted) this.#paintRun(run);
  }

  /** Takes a run's terms off the page; `forget` also drops them (their matches changed meaning). */
  #unpaintRun(run: RunRecord, forget: boolean): void {
    if (run.painted && run.terms) {
      for (const term of run.terms) this.#painter.delete(term.range);
      for (const node of run.nodes) this.index.removeNode(node);
    }
    run.painted = false;
    if (forget) {
      run.terms = null;
      run.heldAmbiguous = false;
    }
  }

  #onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (isOwnUi(target)) continue;
      if (record.type === 'characterData' || record.type === 'attributes') {
        this.#dirty.add(target);
        continue;
      }
      for (const removed of record.removedNodes) if (removed.nodeType === 1) this.#dropUnder(removed);
      // An added block is matched alone; added text or inline markup changes its block's run.
      for (const added of record.addedNodes)
        this.#dirty.add(added.nodeType === 1 && !isInlineElement(added as Element) ? added : target);
      if (record.removedNodes.length) this.#dirty.add(target);
    }
    if (this.#dirty.size && this.#dirtyTimer === undefined)
      this.#dirtyTimer = setTimeout(() => {
        this.#dirtyTimer = undefined;
        this.#timed('rescan', () => this.#rescanDirty());
      }, TIMING.mutationDebounceMs);
  }

  #rescanDirty(): void {
    // A page that switched the whole document to design mode is an editor now. Nothing announces
    // that; the first edit does, and then every mark is let go, not only the edited block's.
    if (document.designMode === 'on') {
      this.#dirty.clear();
      this.#dropUnder(document);
      return;
    }
    const blocks = new Set<Node>();
    for (const node of this.#dirty) {
      if (!node.isConnected) continue;
      const block = blockOf(node);
      if (isOwnUi(block)) continue;
      // Text the page hid or made editable since it was matched is let go.
      if (isInsideSkipped(block, block.getRootNode())) this.#dropUnder(block);
      else blocks.add(block);
    }
    this.#dirty.clear();
    // Outer blocks cover inner ones: match each text only once.
    const list = [...blocks].filter((b) => ![...blocks].some((o) => o !== b && o.contains(b)));
    for (const block of list) {
      this.#dropUnder(block);
      this.#enqueue(block, false);
    }
  }

  /** Forgets and unpaints the runs of a subtree's blocks (removed, or about to be matched again). */
  #dropUnder(root: Node): void {
    if (this.#runsByBlock.size === 0) return;
    this.#dropBlock(root);
    if (root.nodeType !== 1 && root.nodeType !== 11 && root.nodeType !== 9) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) this.#dropBlock(n);
  }

  #dropBlock(block: Node): void {
    const runs = this.#runsByBlock.get(block);
    if (!runs) return;
    this.#runsByBlock.delete(block);
    for (const run of runs) {
      this.#unpaintRun(run, true);
      for (let i = run.at; i < run.at + run.size; i += 3) {
        const entry = this.#pool[i + 2]!;
        if (this.#firstRun[entry] !== run) continue;
        this.#firstRun[entry] = undefined;
        this.#orphans.add(entry);
      }
    }
    if (block.nodeType === 1) this.#io?.unobserve(block as Element);
    if (this.#orphans.size && !this.#refindScheduled) {
      this.#refindScheduled = true;
      scheduleSoon(() => this.#timed('first occurrences', () => this.#refindFirsts()));
    }
  }

  /** Makes `run` hold the first occurrence of `entry`, and shows it so in "first occurrence only". */
  #moveFirst(entry: number, run: RunRecord, start: number): void {
    const old = this.#firstRun[entry];
    this.#firstRun[entry] = run;
    this.#firstStart[entry] = start;
    if (!this.#settings.firstOccurrenceOnly) return;
    if (old) this.#rebuildRun(old);
    this.#rebuildRun(run);
  }

  /**
   * Entries whose first occurrence left the page (or is being read again) get the earliest one
   * still on it, so "first occurrence only" keeps showing each term once while the page changes.
   */
  #refindFirsts(): void {
    this.#refindScheduled = false;
    const orphans = this.#orphans;
    this.#orphans = new Set();
    if (!this.#running) return;
    const best = new Map<number, { run: RunRecord; start: number }>();
    for (const runs of this.#runsByBlock.values())
      for (const run of runs)
        for (let i = run.at; i < run.at + run.size; i += 3) {
          const entry = this.#pool[i + 2]!;
          if (!orphans.has(entry) || this.#firstRun[entry] !== undefined) continue;
          const known = best.get(entry);
          if (!known || (known.run !== run && precedes(run, known.run))) best.set(entry, { run, start: this.#pool[i]! });
        }
    for (const [entry, { run, start }] of best) this.#moveFirst(entry, run, start);
  }
}

function isOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).localName === UI_HOST_TAG) return true;
  return false;
}

/** The nearest ancestor (or self) that is a block: where a run of text starts and ends. */
function blockOf(node: Node): Node {
  let n: Node = node.nodeType === 1 ? node : (node.parentNode ?? node);
  while (n.nodeType === 1 && isInlineElement(n as Element) && n.parentNode) n = n.parentNode;
  return n;
}

/** Whether run `a` comes before run `b` in the document. */
function precedes(a: RunRecord, b: RunRecord): boolean {
  return (a.nodes[0]!.compareDocumentPosition(b.nodes[0]!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The element an IntersectionObserver can watch for a block (a shadow root's host). */
function observable(block: Node): Element {
  if (block.nodeType === 11) return (block as ShadowRoot).host ?? document.documentElement;
  if (block.nodeType === 9) return (block as Document).documentElement;
  return block as Element;
}

/** -1 above the paint-ahead band, 0 inside it, 1 below it. */
function viewportPlace(block: Node): number {
  const rect = observable(block).getBoundingClientRect();
  const ahead = window.innerHeight * PAINT_AHEAD_SCREENS;
  if (rect.bottom < -ahead) return -1;
  if (rect.top > window.innerHeight + ahead) return 1;
  return 0;
}
