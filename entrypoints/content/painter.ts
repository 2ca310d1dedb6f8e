import type { HighlightStyle } from '../../utils/settings-schema';

/** Names under which the highlights are registered; the content CSS styles each one. */
export const HIGHLIGHT_NAMES: Record<HighlightStyle, string> = {
  underline: 'health-glossary-underline',
  tint: 'health-glossary-tint',
  both: 'health-glossary-both',
  none: 'health-glossary-none',
};
export const ACTIVE_HIGHLIGHT = 'health-glossary-active';

/**
 * Paints terms with the CSS Custom Highlight API: ranges over the page's own text, no element
 * added or changed. The style is switched by registering the same Highlight under another name,
 * because a page-wide class on <html> would change the page's DOM.
 */
export class Painter {
  readonly #terms = new Highlight();
  readonly #active = new Highlight();
  #name: string;

  constructor(style: HighlightStyle) {
    this.#name = HIGHLIGHT_NAMES[style];
    this.#active.priority = 1;
    CSS.highlights.set(this.#name, this.#terms);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.#active);
  }

  get size(): number {
    return this.#terms.size;
  }

  add(range: AbstractRange): void {
    this.#terms.add(range);
  }

  delete(range: AbstractRange): void {
    this.#terms.delete(range);
  }

  setStyle(style: HighlightStyle): void {
    const next = HIGHLIGHT_NAMES[style];
    if (next === this.#name) return;
    CSS.highlights.delete(this.#name);
    this.#name = next;
    CSS.highlights.set(this.#name, this.#terms);
  }

  /** Marks one term as the one being read (pointer, keyboard or open card), or none. */
  setActive(range: AbstractRange | null): void {
    this.#active.clear();
    if (range) this.#active.add(range);
  }

  clear(): void {
    this.#terms.clear();
    this.#active.clear();
  }

  dispose(): void {
    this.clear();
    CSS.highlights.delete(this.#name);
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}
