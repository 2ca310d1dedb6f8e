import { defineContentScript } from 'wxt/utils/define-content-script';
import { deferredGlossary, type Glossary } from '../../glossary/glossary';
import { loadPackedEntries } from '../../glossary/packed-text';
import { prepareBundled, prepareBundledWith, prepareGlossary, type PreparedGlossary } from '../../glossary/precompiled';
import { customToEntry, isCustomEntry, readTerms, replacedBy, type CustomTerm } from '../../utils/own-terms';
import { guarded, guardedLater } from '../../utils/guard';
import { isSiteAllowed, siteOfDocument } from '../../utils/sites';
import { readSettings, type Settings } from '../../utils/settings-schema';
import { watchStoredValue } from '../../utils/stored-value';
import { CardHost } from './card-host';
import { Engine } from './engine';
import highlightCss from './highlights.css?inline';
import './highlights.css';
import { Interaction } from './interaction';

/** Next/previous term keys unless the reader chose others (documented in the README). */
const DEFAULT_KEYS = { next: 'Alt+Shift+ArrowRight', prev: 'Alt+Shift+ArrowLeft' } as const;
import { listenForRequests } from './messages';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames with no address of their own (srcdoc, or an empty frame the page fills) are part of the page too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    // The bundled glossary: matched from the trie built at build time; its explanations are
    // unpacked only when the reader first points at a term (or asks the popup about this page).
    const bundled = deferredGlossary(loadPackedEntries);
    let glossary: Glossary = bundled;
    const shadowStyles = new CSSStyleSheet();
    shadowStyles.replaceSync(highlightCss);

    let engine: Engine | undefined;
    let settings: Settings | undefined;
    const card = new CardHost((id) => (glossary.loaded ? glossary.byId.get(id) : undefined));
    const interaction = new Interaction({
      getEngine: () => engine,
      card,
      getDelay: () => settings?.cardDelayMs ?? 500,
      getKeys: () => ({ next: settings?.nextTermKey || DEFAULT_KEYS.next, prev: settings?.prevTermKey || DEFAULT_KEYS.prev }),
    });
    card.onEntryChange = () => engine?.setActive(null);

    // The reader's own terms, matched beside the bundled trie (null: none, or no trie to match beside).
    let ownPrepared: PreparedGlossary | null = null;
    let customSeen = false;

    const apply = () => {
      // Settings and own terms are both read before the first pass, so it is not done twice.
      if (!settings || !customSeen) return;
      card.applySettings(settings);
      const active = settings.enabled && isSiteAllowed(siteOfDocument(location, self.origin), settings);
      if (!active || engine?.glossary !== glossary) {
        card.close();
        engine?.dispose();
        engine = undefined;
      }
      if (!active) return;
      if (!engine) {
        // The bundled glossary comes with its trie and flags built at build time: its entries'
        // texts are unpacked only when the reader points at a term or the popup asks.
        const prepared = glossary === bundled ? prepareBundled() : ownPrepared;
        if (!prepared && !glossary.loaded) {
          // No trie from the build: compile from the entries, once they are unpacked.
          const waiting = glossary;
          guardedLater(waiting.ready().then(() => waiting === glossary && apply()));
          return;
        }
        const { matcher, flags } = prepared ?? prepareGlossary(glossary, isCustomEntry);
        engine = new Engine({ glossary, matcher, flags, settings, shadowStyles });
        const started = performance.now();
        engine.onIdle = () => {
          if (engine) performance.measure('health-glossary:first-pass-wall', { start: started, end: performance.now() });
          if (engine) engine.onIdle = undefined;
        };
        engine.start();
      } else engine.update(settings);
    };

    const stopSettings = watchStoredValue(
      'sync',
      'settings',
      guarded((stored: unknown) => {
        settings = readSettings(stored).settings;
        apply();
      }),
    );
    const stopCustom = watchStoredValue('local', 'customTerms', guarded((stored: unknown) => {
      const custom: CustomTerm[] = readTerms(stored).terms;
      const first = !customSeen;
      customSeen = true;
      const before = glossary;
      if (custom.length === 0) {
        // No own terms (the common case): the bundled glossary and its prebuilt matcher.
        glossary = bundled;
        ownPrepared = null;
      } else {
        // Own terms are matched beside the bundled trie and numbered after its entries; their
        // explanations join the bundled ones when those are unpacked.
        const own = custom.map(customToEntry);
        glossary = deferredGlossary(async () => [...(await loadPackedEntries()), ...own]);
        ownPrepared = prepareBundledWith(own, replacedBy(own));
      }
      if (first || glossary !== before) apply();
    }));
    const stopRequests = listenForRequests({ getEngine: () => engine, getGlossary: () => glossary, interaction });

    ctx.onInvalidated(() => {
      stopSettings();
      stopCustom();
      stopRequests();
      interaction.dispose();
      card.destroy();
      engine?.dispose();
    });
  },
});
