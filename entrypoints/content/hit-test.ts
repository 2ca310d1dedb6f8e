import { isStale, liveRange, type PageTerm, type PageTermIndex } from './page-terms';

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}
type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position under a point, through open shadow roots where the browser can. */
function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): CaretPosition | null {
  const doc = document as CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    if (pos) return pos;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    if (range) return { offsetNode: range.startContainer, offset: range.startOffset };
  }
  return null;
}

/** Whether the point lies inside one of the term's line boxes (with a small tolerance). */
export function rectsContain(term: PageTerm, x: number, y: number, slack = 1): boolean {
  for (const r of liveRange(term).getClientRects())
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  return false;
}

/**
 * The painted term under the point, or null.
 *
 * Caret APIs answer with the nearest caret position even when the point is past the end of a line
 * or between paragraphs, so a candidate is confirmed against the term's client rects: hovering empty
 * space beside a term shows nothing.
 */
export function termAtPoint(index: PageTermIndex, x: number, y: number, shadowRoots: ShadowRoot[]): PageTerm | null {
  const caret = caretAt(x, y, shadowRoots);
  if (!caret || caret.offsetNode.nodeType !== Node.TEXT_NODE) return null;
  for (const term of index.at(caret.offsetNode as Text, caret.offset)) if (!isStale(term) && rectsContain(term, x, y)) return term;
  return null;
}
