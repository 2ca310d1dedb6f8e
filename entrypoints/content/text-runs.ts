import { isInlineElement, isInsideSkipped, isSkippedElement } from './skip-rules';

/**
 * The text of consecutive text nodes within one block, joined, with each node's start offset.
 * The walker reuses the arrays for the next run: copy what you keep.
 */
export interface TextRun {
  nodes: Text[];
  starts: number[];
  text: string;
}

/** How much text is walked between two looks at the clock (~0.5 ms of work unoptimized, far less once optimized). */
const CHARS_PER_CLOCK_READ = 4096;

export interface WalkCallbacks {
  onRun(run: TextRun): void;
  /** The walk starts over from its root: every run it reported so far will be reported again. */
  onRestart(): void;
}

/**
 * A resumable walk over the text of a subtree that groups text nodes into runs, one per stretch
 * of a block's inline text, so `<em>gut</em> microbiome` is one phrase. `step` works until its
 * deadline and returns whether the walk is finished, so scanning can yield between slices.
 *
 * A native TreeWalker over text nodes does the traversal (the floor's own loop); what a script must
 * decide per node (is it inside something skipped, which block is it in) is decided once per
 * parent element and remembered.
 */
export class TextRunWalker {
  readonly #walker: TreeWalker;
  #nodes: Text[] = [];
  #starts: number[] = [];
  #parts: string[] = [];
  #length = 0;
  #block: Node | null = null;
  #done = false;
  readonly #run: TextRun = { nodes: [], starts: [], text: '' };
  /** Per element: the block its text belongs to, or null when it is inside a skipped element. */
  readonly #blockOfParent = new Map<Node, Node | null>();

  readonly #root: Node;
  readonly #callbacks: WalkCallbacks;

  constructor(root: Node, callbacks: WalkCallbacks) {
    this.#root = root;
    this.#callbacks = callbacks;
    this.#walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  get finished(): boolean {
    return this.#done;
  }

  /** Walks until `deadline` (a `performance.now()` time) and returns true once the walk is over. */
  step(deadline: number): boolean {
    if (this.#done) return true;
    const walker = this.#walker;
    if (!this.#root.isConnected) {
      // The page took the whole subtree away while we read it: what is left of it is nobody's text.
      this.#resetRun();
      this.#done = true;
      return true;
    }
    if (!walker.currentNode.isConnected) {
      // The page removed the text we had reached (a page rewriting itself while we read it): walk
      // that block again if it is still there, or else the whole subtree, never a detached tree.
      const block = this.#block;
      this.#resetRun();
      if (block && block.isConnected && this.#root.contains(block)) walker.currentNode = block;
      else {
        walker.currentNode = this.#root;
        this.#callbacks.onRestart();
      }
    }
    // Locals, not fields, in the loop: it runs once per text node of the page.
    const nodes = this.#nodes;
    const starts = this.#starts;
    const parts = this.#parts;
    const memo = this.#blockOfParent;
    let length = this.#length;
    let block = this.#block;
    let lastParent: Node | null = null;
    let lastBlock: Node | null = null;
    let budget = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        lastBlock = parent ? (memo.get(parent) ?? this.#blockOf(parent)) : null;
      }
      if (lastBlock === null) continue;
      if (lastBlock !== block) {
        if (nodes.length) this.#flush();
        length = 0;
        block = lastBlock;
      }
      const data = (n as Text).data;
      nodes.push(n as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      // The clock is read every few thousand characters, as matching costs by the character: in
      // a fresh page the code is not optimized yet and runs several times slower, so counting
      // text nodes instead let the first slices overrun their budget by 5–8 ms.
      if ((budget += data.length) >= CHARS_PER_CLOCK_READ) {
        budget = 0;
        if (performance.now() >= deadline) {
          // The block's run goes on in the next slice: cutting it here could split a term
          // written across inline markup (`gut <em>microbiome</em>`).
          this.#length = length;
          this.#block = block;
          return false;
        }
      }
    }
    this.#flush();
    this.#done = true;
    return true;
  }

  /** The block whose run the text of `parent` joins, or null if it is inside a skipped element. */
  #blockOf(parent: Node): Node | null {
    const known = this.#blockOfParent.get(parent);
    if (known !== undefined) return known;
    let result: Node | null;
    if (parent.nodeType !== 1) result = parent; // a shadow root or document fragment is a block
    else {
      const el = parent as Element;
      const up = el.parentNode;
      const outer = el === this.#root || !up ? el : this.#blockOf(up);
      if (outer === null || isSkippedElement(el)) result = null;
      else result = isInlineElement(el) && el !== this.#root ? outer : el;
    }
    this.#blockOfParent.set(parent, result);
    return result;
  }

  #flush(): void {
    this.#block = null;
    if (this.#nodes.length === 0) return;
    this.#run.nodes = this.#nodes;
    this.#run.starts = this.#starts;
    this.#run.text = this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
    this.#callbacks.onRun(this.#run);
    this.#resetRun();
  }

  #resetRun(): void {
    // Reused, not reallocated: a page has thousands of runs.
    this.#nodes.length = 0;
    this.#starts.length = 0;
    this.#parts.length = 0;
    this.#length = 0;
    this.#block = null;
  }
}

/** Index of the node that holds text offset `offset` (the last node starting at or before it). */
export function nodeIndexAt(run: Pick<TextRun, 'starts'>, offset: number): number {
  const starts = run.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type ClosedRootReaders = {
  /** Firefox gives content scripts this property. */
  openOrClosedShadowRoot?: ShadowRoot | null;
};
/** Chrome gives content scripts chrome.dom.openOrClosedShadowRoot. */
const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } }).chrome?.dom;

/**
 * An element's shadow root, open or closed. A closed root's text is as much the page's article
 * as an open one's, and extensions may read it. Closed roots are looked for on custom elements
 * only (where components put them): asking the browser for every element of a page would cost
 * more than the whole walk.
 */
export function shadowRootOf(el: Element): ShadowRoot | null {
  if (el.shadowRoot) return el.shadowRoot;
  if (!el.localName.includes('-')) return null;
  const firefox = (el as Element & ClosedRootReaders).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  try {
    return chromeDom?.openOrClosedShadowRoot?.(el) ?? null;
  } catch {
    return null;
  }
}

/** Shadow roots under `root`, open or closed (hosts are rare, so this is one quick pass over elements). */
export function findShadowRoots(root: Node): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const own = root.nodeType === 1 ? shadowRootOf(root as Element) : null;
  if (own) out.push(own);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const shadow = shadowRootOf(n as Element);
    // Hosts are rare, so checking their ancestors costs little: a component inside an editor is left alone.
    if (shadow && !isInsideSkipped(n, root)) out.push(shadow);
  }
  return out;
}

/**
 * Custom elements on the page that are not defined yet: once the page defines them they may
 * attach a shadow root, which no DOM change announces, so these few are looked at again later.
 */
export function findUndefinedElements(root: Node): Element[] {
  if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return [];
  const found = [...(root as ParentNode).querySelectorAll(':not(:defined)')];
  if (root.nodeType === 1 && !(root as Element).matches(':defined')) found.push(root as Element);
  return found.filter((el) => !isInsideSkipped(el, root));
}
