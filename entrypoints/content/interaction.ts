import type { GlossaryEntry } from '../../glossary/schema';
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

/**
 * Turns pointer movement into "the reader wants to know this word": the term under a resting
 * pointer opens its card after a dwell, a quick sweep opens nothing, the card stays while the
 * pointer is on it, and Escape closes it.
 */
export class Interaction {
  private hovered: PageTerm | null = null;
  private shownFor: PageTerm | null = null;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPoint: { x: number; y: number; buttons: number } | null = null;
  private pointerInCard = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly getEngine: () => Engine | undefined,
    private readonly card: CardHost,
    private readonly getDelay: () => number,
  ) {
    const signal = this.abort.signal;
    const opts = { capture: true, passive: true, signal };
    window.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    window.addEventListener('pointerdown', (e) => this.onPointerDown(e), opts);
    window.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    card.onPointerInside = (inside) => {
      this.pointerInCard = inside;
      if (inside) this.cancelHide();
      else if (!card.pinned) this.scheduleHide();
    };
    card.onClosed = () => {
      this.shownFor = null;
      this.getEngine()?.setActive(this.hovered);
    };
  }

  dispose(): void {
    this.abort.abort();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
  }

  /** Opens the card for a term now (keyboard, tap, popup, context menu). */
  show(term: PageTerm, options: { focus?: boolean; pinned?: boolean } = {}): void {
    const engine = this.getEngine();
    const entry = engine?.glossary.entries[term.entry];
    if (!engine || !entry) return;
    this.cancelHide();
    clearTimeout(this.showTimer);
    this.shownFor = term;
    engine.setActive(term);
    this.card.open(entry, { reference: referenceFor(term) }, options);
  }

  /** Opens the card for an entry at an arbitrary rectangle (e.g. the reader's selection). */
  showAt(entry: GlossaryEntry, rect: () => DOMRect, options: { focus?: boolean } = {}): void {
    this.cancelHide();
    this.shownFor = null;
    this.card.open(entry, { reference: { getBoundingClientRect: rect } }, { ...options, pinned: true });
  }

  private onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.lastPoint = { x: e.clientX, y: e.clientY, buttons: e.buttons };
    if (!this.frame) this.frame = requestAnimationFrame(() => this.evaluate());
  }

  private evaluate(): void {
    this.frame = 0;
    const point = this.lastPoint;
    const engine = this.getEngine();
    if (!point || !engine) return;
    const busy = point.buttons !== 0 || hasSelection();
    const term = busy || this.pointerInCard ? null : termAtPoint(engine.index, point.x, point.y, engine.openShadowRoots);
    if (this.pointerInCard) return;
    if (term === this.hovered) return;
    this.hovered = term;
    clearTimeout(this.showTimer);
    if (term) {
      engine.setActive(term);
      if (this.shownFor === term) this.cancelHide();
      else this.showTimer = setTimeout(() => this.show(term), this.getDelay());
    } else {
      if (!this.card.isOpen) engine.setActive(null);
      else if (!this.card.pinned) this.scheduleHide();
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (!this.card.isOpen) return;
    const path = e.composedPath();
    if (path.some((n) => this.card.contains(n as Node))) return;
    // A press elsewhere closes the card (unless it is on the term the card explains).
    if (this.hovered && this.hovered === this.shownFor) {
      this.card.pinned = true;
      return;
    }
    this.card.close();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.card.isOpen) {
      e.stopPropagation();
      this.card.close({ restoreFocus: true });
    }
  }

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => {
      if (!this.pointerInCard && !this.card.pinned) this.card.close();
    }, TIMING.hideDelayMs);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }
}

function hasSelection(): boolean {
  const s = window.getSelection();
  return !!s && !s.isCollapsed && s.toString().trim().length > 0;
}
