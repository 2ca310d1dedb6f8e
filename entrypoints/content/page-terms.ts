/** One occurrence of a glossary term on the page. */
export interface PageTerm {
  /** The matched entry's index in the glossary. */
  entry: number;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Every text node the occurrence covers (one, unless it spans inline markup). */
  nodes: Text[];
  /** What is painted; a StaticRange costs half a live Range and the observer keeps it right. */
  range: StaticRange;
}

/** The part of `term` inside `node`, as offsets into that node. */
export function localSpan(term: PageTerm, node: Text): [number, number] {
  return [node === term.startNode ? term.startOffset : 0, node === term.endNode ? term.endOffset : node.length];
}

/**
 * Whether a page edit left the occurrence pointing past its text. It lasts until the rescan of the
 * changed text replaces it (a tenth of a second); the browser paints nothing there meanwhile.
 */
export function isStale(term: PageTerm): boolean {
  return term.startOffset > term.startNode.length || term.endOffset > term.endNode.length;
}

/**
 * A live Range over the term, for geometry (StaticRange has no client rects). Clamped to the text
 * still there, so the geometry of a stale occurrence (an open card's anchor) never throws.
 */
export function liveRange(term: PageTerm): Range {
  const r = document.createRange();
  r.setStart(term.startNode, Math.min(term.startOffset, term.startNode.length));
  r.setEnd(term.endNode, Math.min(term.endOffset, term.endNode.length));
  return r;
}

/**
 * The occurrences on the page, found from a text node in O(log n): what hit-testing asks on every
 * pointer move. Held weakly by node, so text the page throws away takes its terms with it.
 */
export class PageTermIndex {
  #byNode = new WeakMap<Text, PageTerm[]>();
  #all = new Set<PageTerm>();

  get size(): number {
    return this.#all.size;
  }

  terms(): IterableIterator<PageTerm> {
    return this.#all.values();
  }

  add(term: PageTerm): void {
    this.#all.add(term);
    for (const node of term.nodes) {
      const list = this.#byNode.get(node);
      // Terms are found left to right, so appending keeps each node's list sorted.
      if (list) list.push(term);
      else this.#byNode.set(node, [term]);
    }
  }

  /** Removes and returns every term touching `node`. */
  removeNode(node: Text): PageTerm[] {
    const list = this.#byNode.get(node);
    if (!list) return [];
    for (const term of list) {
      this.#all.delete(term);
      for (const other of term.nodes) if (other !== node) this.#byNode.delete(other);
    }
    this.#byNode.delete(node);
    return list;
  }

  clear(): void {
    this.#byNode = new WeakMap();
    this.#all.clear();
  }

  /** The term whose text covers the caret position (node, offset), if any. */
  at(node: Text, offset: number): PageTerm[] {
    const list = this.#byNode.get(node);
    if (!list) return [];
    // Binary search for the last term starting at or before offset; a caret just past the last
    // character (offset === end) still counts, since caret APIs round to the nearest boundary.
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (localSpan(list[mid]!, node)[0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const out: PageTerm[] = [];
    for (let i = Math.max(0, found - 1); i <= Math.min(list.length - 1, found + 1); i++) {
      const [from, to] = localSpan(list[i]!, node);
      if (from <= offset && offset <= to) out.push(list[i]!);
    }
    return out;
  }
}
