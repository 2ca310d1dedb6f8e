import { defineContentScript } from 'wxt/utils/define-content-script';
import { bundledGlossary, matcherFor } from '../../glossary';
import { isSiteAllowed } from '../../utils/sites';
import { watchSettings, type Settings } from '../../utils/settings';
import { CardHost } from './card-host';
import { Engine } from './engine';
import highlightCss from './highlights.css?inline';
import './highlights.css';
import { Interaction } from './interaction';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    const glossary = bundledGlossary();
    const matcher = matcherFor(glossary);
    const shadowStyles = new CSSStyleSheet();
    shadowStyles.replaceSync(highlightCss);

    let engine: Engine | undefined;
    let settings: Settings | undefined;
    const card = new CardHost((id) => glossary.byId.get(id));
    const interaction = new Interaction(
      () => engine,
      card,
      () => settings?.cardDelayMs ?? 500,
    );
    card.onEntryChange = () => engine?.setActive(null);

    const apply = (next: Settings) => {
      settings = next;
      card.applySettings(next);
      const active = next.enabled && isSiteAllowed(location.hostname, next);
      if (!active) {
        card.close();
        engine?.dispose();
        engine = undefined;
        return;
      }
      if (!engine) {
        engine = new Engine({ glossary, matcher, settings: next, shadowStyles });
        engine.start();
      } else engine.update(next);
    };

    const unwatch = watchSettings(apply);
    ctx.onInvalidated(() => {
      unwatch();
      interaction.dispose();
      card.destroy();
      engine?.dispose();
    });
  },
});
