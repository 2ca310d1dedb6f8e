import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { TermCard } from '../../components/TermCard';
import cardCss from '../../components/card.css?inline';
import type { GlossaryEntry } from '../../glossary/schema';
import type { Settings } from '../../utils/settings-schema';
import { UI_HOST_TAG } from './skip-rules';

const HOST_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  overflow: visible !important;
}
.card { position: fixed; top: 0; left: 0; }
/* An open card is not part of the article the reader prints. */
@media print { :host { display: none !important; } }
`;

const TEXT_SIZES: Record<Settings['cardTextSize'], number> = { normal: 16, large: 19, 'x-large': 22 };

export interface CardAnchor {
  /** Geometry of the term the card explains. */
  reference: VirtualElement;
}

/**
 * The one element we add to a page: a host at the end of <html> (not <body>, whose DOM the page
 * owns) with a shadow root holding the card. Created on first use, so a page nobody hovers is
 * not changed at all.
 */
export class CardHost {
  #host: HTMLElement | undefined;
  #shadow: ShadowRoot | undefined;
  #mount: HTMLDivElement | undefined;
  #liveRegion: HTMLDivElement | undefined;
  #stopAutoUpdate: (() => void) | undefined;
  #returnFocus: Element | null = null;
  #current: GlossaryEntry | undefined;
  #settings: Pick<Settings, 'theme' | 'cardTextSize'> = { theme: 'auto', cardTextSize: 'normal' };
  pinned = false;
  /** Called when the pointer enters or leaves the card (to keep it open while it is read). */
  onPointerInside: ((inside: boolean) => void) | undefined;
  /** Called when the card closes for any reason. */
  onClosed: (() => void) | undefined;
  onEntryChange: ((entry: GlossaryEntry) => void) | undefined;

  constructor(private readonly lookup: (id: string) => GlossaryEntry | undefined) {}

  get isOpen(): boolean {
    return this.#current !== undefined;
  }

  get entry(): GlossaryEntry | undefined {
    return this.#current;
  }

  /** The card's element, for focus and pointer checks. */
  get element(): HTMLElement | null {
    return (this.#mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  /** Whether keyboard focus is inside the card. */
  hasFocus(): boolean {
    return !!this.#shadow?.activeElement;
  }

  /** Says something to screen readers, politely (after what they are reading now). */
  announce(text: string): void {
    this.#ensureHost();
    const region = this.#liveRegion!;
    // Clearing first makes a repeated message be read again.
    region.textContent = '';
    setTimeout(() => (region.textContent = text), 50);
  }

  /** Whether an event target (from composedPath: nodes, but also the document's window) is ours. */
  contains(target: EventTarget | null): boolean {
    if (!target || !this.#host || !(target instanceof Node)) return false;
    return target === this.#host || this.#host.contains(target) || !!this.#shadow?.contains(target);
  }

  applySettings(settings: Pick<Settings, 'theme' | 'cardTextSize'>): void {
    this.#settings = settings;
    const card = this.element;
    if (card) this.#style(card);
  }

  open(entry: GlossaryEntry, anchor: CardAnchor, options: { focus?: boolean; pinned?: boolean } = {}): void {
    this.#ensureHost();
    if (options.focus) this.#returnFocus = document.activeElement;
    this.#current = entry;
    this.pinned = options.pinned ?? false;
    const headingId = 'hg-card-term';
    render(
      <div
        class="card"
        role="dialog"
        aria-labelledby={headingId}
        aria-modal="false"
        tabIndex={-1}
        data-entering=""
        onPointerEnter={() => this.onPointerInside?.(true)}
        onPointerLeave={() => this.onPointerInside?.(false)}
      >
        <TermCard
          entry={entry}
          lookup={this.lookup}
          headingId={headingId}
          onClose={() => this.close({ restoreFocus: true })}
          onEntryChange={(e) => {
            this.#current = e;
            this.pinned = true; // switching terms is reading: keep the card
            this.onEntryChange?.(e);
          }}
        />
      </div>,
      this.#mount!,
    );
    const card = this.element!;
    this.#style(card);
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = autoUpdate(anchor.reference, card, () => void this.#place(anchor.reference, card), {
      animationFrame: false,
    });
    if (options.focus) card.focus({ preventScroll: true });
  }

  close(options: { restoreFocus?: boolean } = {}): void {
    if (!this.#current) return;
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = undefined;
    if (this.#mount) render(null, this.#mount);
    const hadFocus = this.#shadow?.activeElement != null;
    this.#current = undefined;
    this.pinned = false;
    if (options.restoreFocus && hadFocus && this.#returnFocus instanceof HTMLElement) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
    this.onClosed?.();
  }

  destroy(): void {
    this.close();
    this.#host?.remove();
    this.#host = this.#shadow = this.#mount = this.#liveRegion = undefined;
  }

  #style(card: HTMLElement): void {
    if (this.#settings.theme === 'auto') card.removeAttribute('data-theme');
    else card.setAttribute('data-theme', this.#settings.theme);
    // Readable by default: at least 16 px, or the page's own size when it is larger.
    const pageSize = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const size = Math.max(TEXT_SIZES[this.#settings.cardTextSize], this.#settings.cardTextSize === 'normal' ? Math.min(pageSize, 22) : 0);
    card.style.setProperty('--hg-font-size', `${size}px`);
  }

  async #place(reference: VirtualElement, card: HTMLElement): Promise<void> {
    const { x, y } = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(8),
        // Above or below the term only: beside it, a 360 px card leaves a narrow screen. When
        // neither side has room for all of it, `size` shortens it and it scrolls inside.
        flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            // Never taller than the room on the chosen side: at 200% zoom that room can be small,
            // and the card then scrolls inside rather than leaving the screen.
            card.style.maxHeight = `${Math.max(0, Math.min(480, Math.floor(availableHeight)))}px`;
          },
        }),
      ],
    });
    card.style.left = `${Math.round(x)}px`;
    card.style.top = `${Math.round(y)}px`;
  }

  #ensureHost(): void {
    if (this.#host?.isConnected) return;
    const host = document.createElement(UI_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = HOST_CSS + cardCss;
    const mount = document.createElement('div');
    const live = document.createElement('div');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.className = 'visually-hidden';
    shadow.append(style, mount, live);
    this.#liveRegion = live;
    document.documentElement.append(host);
    this.#host = host;
    this.#shadow = shadow;
    this.#mount = mount;
  }
}
