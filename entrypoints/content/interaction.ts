import type { GlossaryEntry } from '../../glossary/schema';
import { isTypingTarget, matchesShortcut, parseShortcut, type Shortcut } from '../../utils/shortcuts';
import { guarded, guardedLater } from '../../utils/guard';
import { TIMING } from '../../utils/timing';
import type { CardHost } from './card-host';
import type { Engine } from './engine';
import { termAtPoint } from './hit-test';
import { liveRange, type PageTerm } from './page-terms';

/** A virtual reference for positioning, following the term's text as the page scrolls. */
function referenceFor(term: PageTerm) {
  return {
    getBoundingClientRect: () => liveRange(term).getBoundingClientRect(),
    getClientRects: () => liveRange(term).getClientRects(),
    contextElement: term.startNode.parentElement ?? undefined,
  };
}

/** The longest a press may last, and the farthest it may move, to count as a tap. */
const TAP = { maxMs: 600, maxMove: 12 } as const;

interface ShowOptions {
  focus?: boolean;
  pinned?: boolean;
  /** Also tell screen readers the term and its short explanation (keyboard walking). */
  announce?: boolean;
}

export interface InteractionOptions {
  getEngine: () => Engine | undefined;
  card: CardHost;
  /** The reader's dwell delay. */
  getDelay: () => number;
  /** The reader's next/previous term keys, as "Alt+Shift+ArrowRight". */
  getKeys: () => { next: string; prev: string };
}

/**
 * Turns what the reader does into "explain this word":
 * - mouse: the term under a resting pointer opens its card after a dwell; a quick sweep opens
 *   nothing; the card stays while the pointer is on it; a click pins it;
 * - keyboard: the next/previous term keys walk the page's terms in reading order, open each card
 *   and announce it; Escape closes and gives focus back;
 * - touch: a tap on a term opens its card, a tap elsewhere closes it. A tap on a term inside a
 *   link follows the link, as it would without us: links must keep working.
 */
export class Interaction {
  #hovered: PageTerm | null = null;
  #shownFor: PageTerm | null = null;
  #showTimer: ReturnType<typeof setTimeout> | undefined;
  /** A term whose card waits for the explanations to be unpacked (the first card of a page). */
  #wanted: PageTerm | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #lastPoint: { x: number; y: number; buttons: number } | null = null;
  #pointerInCard = false;
  #press: { x: number; y: number; t: number; type: string } | null = null;
  #keys: { next: Shortcut | null; prev: Shortcut | null; spec: string } = { next: null, prev: null, spec: '' };
  /** The term the keyboard last moved to, so next/previous continue from it. */
  #keyboardAt: PageTerm | null = null;
  readonly #abort = new AbortController();
  readonly #card: CardHost;

  constructor(private readonly options: InteractionOptions) {
    const card = (this.#card = options.card);
    const signal = this.#abort.signal;
    const passive = { capture: true, passive: true, signal };
    window.addEventListener('pointermove', guarded((e: PointerEvent) => this.#onPointerMove(e)), passive);
    window.addEventListener('pointerdown', guarded((e: PointerEvent) => this.#onPointerDown(e)), passive);
    window.addEventListener('pointerup', guarded((e: PointerEvent) => this.#onPointerUp(e)), passive);
    window.addEventListener('keydown', guarded((e: KeyboardEvent) => this.#onKeyDown(e)), { capture: true, signal });
    card.onPointerInside = (inside) => {
      this.#pointerInCard = inside;
      if (inside) this.#cancelHide();
      else if (!card.pinned) this.#scheduleHide();
    };
    card.onClosed = () => {
      this.#shownFor = null;
      // The card's element is gone, so no pointerleave will come: the pointer is no longer "in" it.
      this.#pointerInCard = false;
      this.options.getEngine()?.setActive(this.#hovered);
    };
  }

  dispose(): void {
    this.#wanted = undefined;
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#showTimer);
    clearTimeout(this.#hideTimer);
  }

  /**
   * Opens the card for a term now (keyboard, tap, popup), or as soon as the explanations are
   * unpacked the first time (they usually are by then: unpacking starts when the pointer arrives).
   */
  show(term: PageTerm, options: ShowOptions = {}): void {
    const engine = this.options.getEngine();
    if (!engine) return;
    const glossary = engine.glossary;
    if (!glossary.loaded) {
      const wanted = (this.#wanted = term);
      guardedLater(
        glossary.ready().then(() => {
          if (this.#wanted === wanted && this.options.getEngine() === engine) this.show(term, options);
        }),
      );
      return;
    }
    this.#wanted = undefined;
    const entry = glossary.entries[term.entry];
    if (!entry) return;
    this.#cancelHide();
    clearTimeout(this.#showTimer);
    this.#shownFor = term;
    engine.setActive(term);
    this.#card.open(entry, { reference: referenceFor(term) }, options);
    if (options.announce) this.#card.announce(`${entry.term}: ${entry.short}`);
  }

  /** Opens the card for an entry at an arbitrary rectangle (e.g. the reader's selection). */
  showAt(entry: GlossaryEntry, rect: () => DOMRect, options: { focus?: boolean } = {}): void {
    this.#cancelHide();
    this.#shownFor = null;
    this.#card.open(entry, { reference: { getBoundingClientRect: rect } }, { ...options, pinned: true });
  }

  /** Moves to the next (or previous) term in reading order, scrolls to it, opens and announces it. */
  step(direction: 1 | -1): boolean {
    const engine = this.options.getEngine();
    if (!engine) return false;
    const terms = engine.termsInOrder();
    if (terms.length === 0) {
      this.#card.announce('No explained words on this page.');
      return false;
    }
    let index = this.#keyboardAt ? terms.indexOf(this.#keyboardAt) : -1;
    if (index === -1) {
      // Start from what is on screen: the first term below the top of the viewport.
      const firstVisible = terms.findIndex((t) => liveRange(t).getBoundingClientRect().bottom > 0);
      index = direction === 1 ? (firstVisible === -1 ? 0 : firstVisible) - 1 : firstVisible === -1 ? terms.length : firstVisible;
    }
    const next = terms[index + direction];
    if (!next) {
      this.#card.announce(direction === 1 ? 'That was the last explained word on this page.' : 'That was the first explained word on this page.');
      return false;
    }
    this.#keyboardAt = next;
    const rect = liveRange(next).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight)
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    this.show(next, { focus: true, pinned: true, announce: true });
    return true;
  }

  #shortcuts() {
    const { next, prev } = this.options.getKeys();
    const spec = `${next}|${prev}`;
    if (spec !== this.#keys.spec) this.#keys = { next: parseShortcut(next), prev: parseShortcut(prev), spec };
    return this.#keys;
  }

  #onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.#lastPoint = { x: e.clientX, y: e.clientY, buttons: e.buttons };
    if (!this.#frame) this.#frame = requestAnimationFrame(guarded(() => this.#evaluate()));
  }

  #evaluate(): void {
    this.#frame = 0;
    const point = this.#lastPoint;
    const engine = this.options.getEngine();
    if (!point || !engine || this.#pointerInCard) return;
    // A pinned card (clicked, tapped, or reached with the keyboard) stays until it is closed: a
    // pointer resting on the page, or the page scrolling under it, must not swap it for another.
    if (this.#card.isOpen && this.#card.pinned) return;
    const busy = point.buttons !== 0 || hasSelection();
    const term = busy ? null : termAtPoint(engine.index, point.x, point.y, engine.knownShadowRoots);
    if (term === this.#hovered) return;
    this.#hovered = term;
    clearTimeout(this.#showTimer);
    this.#wanted = undefined;
    if (term) {
      engine.setActive(term);
      if (this.#shownFor === term) this.#cancelHide();
      else {
        this.#showTimer = setTimeout(guarded(() => this.show(term)), this.options.getDelay());
        // The explanations are unpacked the first time a card may open: during the dwell, not
        // in the frame that shows the card.
        guardedLater(engine.glossary.ready());
      }
    } else if (!this.#card.isOpen) engine.setActive(null);
    else if (!this.#card.pinned) {
      engine.setActive(this.#shownFor);
      this.#scheduleHide();
    }
  }

  #onPointerDown(e: PointerEvent): void {
    this.#press = { x: e.clientX, y: e.clientY, t: performance.now(), type: e.pointerType };
    clearTimeout(this.#showTimer);
    this.#wanted = undefined;
    if (!this.#card.isOpen || this.#inCard(e)) return;
    // A press elsewhere closes the card; a press on its own term is handled when it is released.
    const engine = this.options.getEngine();
    const term = engine ? termAtPoint(engine.index, e.clientX, e.clientY, engine.knownShadowRoots) : null;
    if (!term || term !== this.#shownFor) this.#card.close();
  }

  #onPointerUp(e: PointerEvent): void {
    const press = this.#press;
    this.#press = null;
    if (!press || e.button !== 0 || this.#inCard(e)) return;
    const moved = Math.hypot(e.clientX - press.x, e.clientY - press.y);
    if (moved > TAP.maxMove || performance.now() - press.t > TAP.maxMs || hasSelection()) return;
    const engine = this.options.getEngine();
    if (!engine) return;
    const term = termAtPoint(engine.index, e.clientX, e.clientY, engine.knownShadowRoots);
    if (!term) return;
    // Links keep working: a tap or click on a term inside a link is the link's.
    if (term.startNode.parentElement?.closest('a[href], button, [role="button"], [role="link"], summary, label')) return;
    if (this.#shownFor === term && this.#card.isOpen) {
      this.#card.pinned = true;
      return;
    }
    this.show(term, { pinned: true });
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') this.#wanted = undefined;
    if (e.key === 'Escape' && this.#card.isOpen) {
      e.stopPropagation();
      this.#keyboardAt = null;
      this.#card.close({ restoreFocus: true });
      return;
    }
    if (e.key === 'Enter' && this.#card.isOpen && this.#inCardFocus()) {
      this.#card.pinned = true;
      return;
    }
    const keys = this.#shortcuts();
    const forward = matchesShortcut(e, keys.next);
    const backward = !forward && matchesShortcut(e, keys.prev);
    if (!forward && !backward) return;
    // Never take keys from someone typing in a field or an editor.
    const target = e.composedPath()[0] ?? e.target;
    if (isTypingTarget(target as EventTarget)) return;
    if (!this.options.getEngine()) return;
    e.preventDefault();
    e.stopPropagation();
    this.step(forward ? 1 : -1);
  }

  #inCard(e: Event): boolean {
    return e.composedPath().some((n) => this.#card.contains(n));
  }

  #inCardFocus(): boolean {
    return this.#card.hasFocus();
  }

  #scheduleHide(): void {
    this.#cancelHide();
    this.#hideTimer = setTimeout(() => {
      if (!this.#pointerInCard && !this.#card.pinned) this.#card.close();
    }, TIMING.hideDelayMs);
  }

  #cancelHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
  }
}

function hasSelection(): boolean {
  const s = window.getSelection();
  return !!s && !s.isCollapsed && s.toString().trim().length > 0;
}
