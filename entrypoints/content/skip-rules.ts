/**
 * Which parts of a page are never scanned, and which elements break a run of text. Checked per
 * element while walking, with attribute and tag tests only: no computed style, which would force
 * layout on every element of the page.
 */

/** The tag of our own UI host element; never scanned. */
export const UI_HOST_TAG = 'health-glossary-ui';

/** Elements whose text is code, a form control, an editor, not rendered, or not prose. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'datalist', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'canvas', 'iframe', 'frame',
  'object', 'embed', 'video', 'audio', 'button', 'head', 'title', UI_HOST_TAG,
]);

/**
 * Inline elements: text inside them continues the surrounding run, so `<em>gut</em> microbiome`
 * is one phrase. Every other element starts and ends a run.
 */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'label', 'mark', 'nobr', 'q', 'rb', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup',
  'time', 'tt', 'u', 'wbr', 'slot',
]);

export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.localName);
}

/**
 * The attributes `isSkippedElement` reads: when a page changes one (a "Read more" section shown,
 * a paragraph turned into an editor), the text under it is matched again or let go.
 */
export const SKIP_ATTRIBUTES = ['contenteditable', 'aria-hidden', 'hidden', 'role', 'data-health-glossary'];

/** Whether the element and everything inside it is left alone. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName)) return true;
  // A whole document in design mode is an editor (an editing frame of a mail or blog tool).
  if (el.localName === 'body' && el.ownerDocument.designMode === 'on') return true;
  if (!el.hasAttributes()) return false;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('hidden')) return true;
  const role = el.getAttribute('role');
  if (role === 'textbox' || role === 'button' || role === 'code' || role === 'searchbox') return true;
  // A page (or a reader's site) can opt a part out, like translate="no" for translators.
  if (el.getAttribute('data-health-glossary') === 'off') return true;
  return false;
}

/** Whether a node is inside a skipped element (used for text the page changes later). */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
    if (n.nodeType === 11) break; // shadow root: its host was checked when the root was found
  }
  return false;
}
