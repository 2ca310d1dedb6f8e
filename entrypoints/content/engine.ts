import type { CompiledMatcher } from '../../glossary/matcher';
import { isHealthPage } from '../../glossary/health-gate';
import type { Glossary } from '../../glossary';
import type { Settings } from '../../utils/settings';
import { TIMING } from '../../utils/timing';
import { Painter } from './painter';
import { PageTermIndex, type PageTerm } from './page-terms';
import { isInlineElement, isInsideSkipped, UI_HOST_TAG } from './skip-rules';
import { TextRunWalker, nodeIndexAt, type TextRun } from './text-runs';

type Schedule = (task: () => void) => void;

/** Runs a task soon, after the browser had a chance to paint and handle input. */
const scheduleSoon: Schedule = (() => {
  const s = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: object) => Promise<void> } }).scheduler;
  if (s?.postTask) return (task) => void s.postTask!(task, { priority: 'user-visible' }).catch(() => {});
  return (task) => setTimeout(task, 0);
})();

export interface EngineOptions {
  glossary: Glossary;
  matcher: CompiledMatcher;
  settings: Settings;
  /** Styles adopted into open shadow roots so ::highlight rules apply there. */
  shadowStyles?: CSSStyleSheet;
}

/**
 * Finds glossary terms in the document and keeps them painted while the page changes.
 * Scans in slices of a few milliseconds; rescans only the blocks the page changes.
 */
export class Engine {
  readonly index = new PageTermIndex();
  private painter: Painter;
  private settings: Settings;
  private queue: TextRunWalker[] = [];
  private pumping = false;
  private observer: MutationObserver | undefined;
  private dirty = new Set<Node>();
  private dirtyTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ambiguous: Uint8Array;
  private readonly enabledEntry: Uint8Array;
  /** Ambiguous occurrences held back until the page proves to be about health. */
  private pendingAmbiguous: PageTerm[] = [];
  private evidence = { chars: 0, unambiguous: 0, distinct: 0 };
  /** Entries painted so far (for "first occurrence only"). */
  private seen = new Set<number>();
  private distinctUnambiguous = new Set<number>();
  private healthPage = false;
  private shadowRoots = new Set<ShadowRoot>();
  private running = false;
  /** Called after each batch of scanning, e.g. to refresh the popup's "on this page" list. */
  onChange: (() => void) | undefined;

  constructor(private readonly options: EngineOptions) {
    this.settings = options.settings;
    this.painter = new Painter(options.settings.highlightStyle);
    const n = options.glossary.entries.length;
    this.ambiguous = new Uint8Array(n);
    this.enabledEntry = new Uint8Array(n);
    options.glossary.entries.forEach((e, i) => (this.ambiguous[i] = e.ambiguous ? 1 : 0));
    this.computeEnabled();
  }

  get glossary(): Glossary {
    return this.options.glossary;
  }

  /** Open shadow roots seen, for hit-testing inside them. */
  get openShadowRoots(): ShadowRoot[] {
    return [...this.shadowRoots];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const root = document.body ?? document.documentElement;
    this.enqueue(root);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  }

  stop(): void {
    this.running = false;
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.dirtyTimer);
    this.dirty.clear();
    this.queue = [];
    this.reset();
  }

  dispose(): void {
    this.stop();
    this.painter.dispose();
  }

  /** Applies new settings; restarts the scan only when what is matched changed. */
  update(settings: Settings): void {
    const before = this.settings;
    this.settings = settings;
    this.painter.setStyle(settings.highlightStyle);
    const rescan =
      before.firstOccurrenceOnly !== settings.firstOccurrenceOnly ||
      before.ambiguousWords !== settings.ambiguousWords ||
      before.disabledCategories.join() !== settings.disabledCategories.join();
    if (rescan && this.running) {
      this.computeEnabled();
      this.stop();
      this.start();
    }
  }

  setActive(term: PageTerm | null): void {
    this.painter.setActive(term ? term.range : null);
  }

  /** The painted terms in reading (document) order. */
  termsInOrder(): PageTerm[] {
    const list = [...this.index.terms()];
    list.sort((a, b) => {
      if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
      return a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return list;
  }

  private computeEnabled(): void {
    const disabled = new Set<string>(this.settings.disabledCategories);
    this.options.glossary.entries.forEach((e, i) => {
      this.enabledEntry[i] = disabled.has(e.category) || (e.ambiguous && !this.settings.ambiguousWords) ? 0 : 1;
    });
  }

  private reset(): void {
    this.index.clear();
    this.painter.clear();
    this.pendingAmbiguous = [];
    this.evidence = { chars: 0, unambiguous: 0, distinct: 0 };
    this.seen.clear();
    this.distinctUnambiguous.clear();
    this.healthPage = false;
  }

  private enqueue(root: Node): void {
    this.queue.push(
      new TextRunWalker(root, {
        onRun: (run) => this.onRun(run),
        onShadowRoot: (shadow) => this.onShadowRoot(shadow),
      }),
    );
    if (!this.pumping) {
      this.pumping = true;
      scheduleSoon(this.pump);
    }
  }

  private pump = (): void => {
    if (!this.running) {
      this.pumping = false;
      return;
    }
    const deadline = performance.now() + TIMING.scanSliceMs;
    while (this.queue.length) {
      if (!this.queue[0]!.step(deadline)) {
        scheduleSoon(this.pump);
        return;
      }
      this.queue.shift();
      if (performance.now() >= deadline && this.queue.length) {
        scheduleSoon(this.pump);
        return;
      }
    }
    this.pumping = false;
    this.onChange?.();
  };

  private onShadowRoot(shadow: ShadowRoot): void {
    if (this.shadowRoots.has(shadow)) return;
    this.shadowRoots.add(shadow);
    const sheet = this.options.shadowStyles;
    if (sheet && !shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    this.observer?.observe(shadow, { subtree: true, childList: true, characterData: true });
    this.enqueue(shadow);
  }

  private onRun(run: TextRun): void {
    const { matcher } = this.options;
    this.evidence.chars += run.text.length;
    matcher.scan(run.text, 0, run.text.length, (start, end, entry) => {
      if (!this.enabledEntry[entry]) return;
      const first = nodeIndexAt(run, start);
      const last = nodeIndexAt(run, end - 1);
      const startNode = run.nodes[first]!;
      const endNode = run.nodes[last]!;
      const startOffset = start - run.starts[first]!;
      const endOffset = end - run.starts[last]!;
      const term: PageTerm = {
        entry,
        startNode,
        startOffset,
        endNode,
        endOffset,
        nodes: run.nodes.slice(first, last + 1),
        range: new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset }),
      };
      if (this.ambiguous[entry]) {
        if (this.healthPage) this.paint(term);
        else this.pendingAmbiguous.push(term);
        return;
      }
      this.evidence.unambiguous++;
      if (!this.distinctUnambiguous.has(entry)) {
        this.distinctUnambiguous.add(entry);
        this.evidence.distinct++;
      }
      this.paint(term);
    });
    if (!this.healthPage && this.pendingAmbiguous.length && isHealthPage(this.evidence)) {
      this.healthPage = true;
      const pending = this.pendingAmbiguous;
      this.pendingAmbiguous = [];
      for (const term of pending) if (term.startNode.isConnected) this.paint(term);
    } else if (!this.healthPage && isHealthPage(this.evidence)) this.healthPage = true;
  }

  private paint(term: PageTerm): void {
    if (this.settings.firstOccurrenceOnly && this.seen.has(term.entry)) return;
    this.seen.add(term.entry);
    this.index.add(term);
    this.painter.add(term.range);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (isOwnUi(target)) continue;
      if (record.type === 'characterData') {
        this.dirty.add(target);
        continue;
      }
      for (const removed of record.removedNodes) this.dropSubtree(removed);
      // An added block is rescanned alone; added text or inline markup changes its block's run.
      for (const added of record.addedNodes)
        this.dirty.add(added.nodeType === 1 && !isInlineElement(added as Element) ? added : target);
    }
    if (this.dirty.size && this.dirtyTimer === undefined)
      this.dirtyTimer = setTimeout(() => {
        this.dirtyTimer = undefined;
        this.rescanDirty();
      }, TIMING.mutationDebounceMs);
  }

  private rescanDirty(): void {
    const blocks = new Set<Node>();
    for (const node of this.dirty) {
      if (!node.isConnected) continue;
      const block = blockOf(node);
      const root = block.getRootNode();
      if (isInsideSkipped(block, root)) continue;
      blocks.add(block);
    }
    this.dirty.clear();
    // Outer blocks cover inner ones: rescan each text only once.
    const list = [...blocks].filter((b) => ![...blocks].some((o) => o !== b && o.contains(b)));
    for (const block of list) {
      this.dropSubtree(block);
      this.enqueue(block);
    }
  }

  /** Forgets and unpaints every term in a subtree (removed or about to be rescanned). */
  private dropSubtree(root: Node): void {
    if (root.nodeType === 3) {
      for (const term of this.index.removeNode(root as Text)) this.painter.delete(term.range);
      return;
    }
    if (root.nodeType !== 1 && root.nodeType !== 11) return;
    if (this.index.size === 0) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      for (const term of this.index.removeNode(n as Text)) this.painter.delete(term.range);
  }
}

function isOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).localName === UI_HOST_TAG) return true;
  return false;
}

/** The nearest ancestor (or self) that is a block, which is where a run of text starts and ends. */
function blockOf(node: Node): Node {
  let n: Node = node.nodeType === 1 ? node : (node.parentNode ?? node);
  while (n.nodeType === 1 && isInlineElement(n as Element) && n.parentNode) n = n.parentNode;
  return n;
}
