import { isInlineElement, isSkippedElement } from './skip-rules';

/** The text of consecutive text nodes within one block, joined, with each node's start offset. */
export interface TextRun {
  nodes: Text[];
  starts: number[];
  text: string;
}

export interface WalkCallbacks {
  onRun(run: TextRun): void;
  /** An open shadow root found on the way; its content is walked separately. */
  onShadowRoot(root: ShadowRoot): void;
}

/**
 * A resumable depth-first walk over a subtree that groups text into runs. `step` works until its
 * deadline and returns whether the walk is finished, so scanning can yield to the page between
 * slices. Uses firstChild/nextSibling directly: a TreeWalker with a filter calls back into script
 * per node and is slower.
 */
export class TextRunWalker {
  private node: Node | null;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;
  private done = false;

  constructor(
    private readonly root: Node,
    private readonly callbacks: WalkCallbacks,
  ) {
    this.node = root.firstChild;
    if (root.nodeType === 1 && (root as Element).shadowRoot) callbacks.onShadowRoot((root as Element).shadowRoot!);
  }

  get finished(): boolean {
    return this.done;
  }

  /** Walks until `deadline` (a `performance.now()` time) and returns true once the walk is over. */
  step(deadline: number): boolean {
    if (this.done) return true;
    const root = this.root;
    let node = this.node;
    if (node && !node.isConnected && root.isConnected) {
      // The page removed the node we were about to visit: start over rather than walk a detached tree.
      this.resetRun();
      node = root.firstChild;
    }
    let budget = 0;
    while (node) {
      if (++budget === 256) {
        budget = 0;
        if (performance.now() >= deadline) {
          this.node = node;
          return false;
        }
      }
      const type = node.nodeType;
      let descend = false;
      if (type === 3) {
        const data = (node as Text).data;
        if (data.length) {
          this.nodes.push(node as Text);
          this.starts.push(this.length);
          this.parts.push(data);
          this.length += data.length;
        }
      } else if (type === 1) {
        const el = node as Element;
        const inline = isInlineElement(el);
        if (!inline) this.flush();
        if (!isSkippedElement(el)) {
          if (el.shadowRoot) this.callbacks.onShadowRoot(el.shadowRoot);
          descend = el.firstChild !== null;
        }
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      // Climb until a sibling exists, closing the runs of the blocks we leave.
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node.nodeType === 1 && !isInlineElement(node as Element)) this.flush();
      }
      node = node && node !== root ? node.nextSibling : null;
    }
    this.flush();
    this.node = null;
    this.done = true;
    return true;
  }

  private flush(): void {
    if (this.nodes.length === 0) return;
    const run: TextRun = {
      nodes: this.nodes,
      starts: this.starts,
      text: this.parts.length === 1 ? this.parts[0]! : this.parts.join(''),
    };
    this.resetRun();
    this.callbacks.onRun(run);
  }

  private resetRun(): void {
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
  }
}

/** Index of the node of `run` that holds text offset `offset` (the last node starting at or before it). */
export function nodeIndexAt(run: TextRun, offset: number): number {
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
