import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../../glossary/categories';
import { changeTerms, unreadableTermsItem, watchTerms, type CustomTerm, type TermsReading } from '../../utils/custom-terms';
import { CARD_DELAYS_MS, MAX_SITE_RULES, resetSettings, updateSettings, watchSettingsReading, type Settings, type SettingsReading } from '../../utils/settings';
import { usePageTheme } from '../../utils/page-theme';
import { checkTermKey } from '../../utils/shortcuts';
import { watchStorageItem } from '../../utils/stored-value';
import { Choice, Toggle } from './components/Choice';
import { ConfirmDialog } from './components/ConfirmDialog';
import { download } from './components/ImportExport';
import { KeyField } from './components/KeyField';
import { OwnTerms } from './components/OwnTerms';
import { SiteList } from './components/SiteList';
import { StylePreview } from './components/StylePreview';

/** How each setting is called on this page, for messages about it. */
const SETTING_NAMES: Record<keyof Settings, string> = {
  enabled: 'Highlight terms on pages',
  highlightStyle: 'How terms are marked',
  firstOccurrenceOnly: 'Which times a term is marked',
  ambiguousWords: 'Everyday words',
  disabledCategories: 'Kinds of words',
  cardDelayMs: 'Wait before showing the explanation',
  cardTextSize: 'Text size',
  theme: 'Colours',
  blockedSites: 'Never on these sites',
  onlySites: 'Only on these sites',
  onlyListedSites: 'Only on the sites I list',
  nextTermKey: 'Next term keys',
  prevTermKey: 'Previous term keys',
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function OptionsApp() {
  const [reading, setReading] = useState<SettingsReading | null>(null);
  const [terms, setTerms] = useState<TermsReading | null>(null);
  const [saveError, setSaveError] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetDone, setResetDone] = useState('');
  useEffect(() => watchSettingsReading(setReading), []);
  useEffect(() => watchTerms(setTerms), []);
  // Damaged terms already moved aside by an earlier save: still the reader's, still offered.
  const [setAside, setSetAside] = useState<unknown[]>([]);
  useEffect(() => watchStorageItem(unreadableTermsItem, (v) => setSetAside(v ?? [])), []);
  usePageTheme();
  if (!reading || !terms) return <main class="options" aria-busy="true" />;
  const settings = reading.settings;
  const unreadableTerms = [...setAside, ...terms.unreadable];

  const change = (patch: Partial<Settings>) => {
    setResetDone('');
    setReading({ settings: { ...settings, ...patch }, unreadable: reading.unreadable.filter((k) => !(k in patch)) });
    updateSettings(patch).then(
      () => setSaveError(''),
      // A full sync quota or a broken profile: say so, and show what is really stored.
      (e) => {
        setSaveError(`Your change could not be saved: ${message(e)}`);
        setReading(reading);
      },
    );
  };
  const saveOwnTerms = async (update: (current: CustomTerm[]) => CustomTerm[]) => {
    try {
      await changeTerms(update);
      setSaveError('');
      return true;
    } catch (e) {
      setSaveError(`Your terms could not be saved: ${message(e)}. Nothing was changed.`);
      return false;
    }
  };
  const toggleCategory = (id: CategoryId, on: boolean) =>
    change({ disabledCategories: on ? settings.disabledCategories.filter((c) => c !== id) : [...settings.disabledCategories, id] });

  return (
    <main class="options">
      <h1>Health Glossary settings</h1>
      <p class="lead">Changes apply at once, in every open tab. Everything stays in this browser.</p>
      <div role="alert">
        {saveError && <p class="notice error">{saveError}</p>}
        {reading.unreadable.length > 0 && (
          <p class="notice">
            Some saved settings could not be read, so these are at their defaults for now:{' '}
            {reading.unreadable.map((k) => SETTING_NAMES[k]).join(', ')}. Choosing them again below replaces what could not be read.
          </p>
        )}
        {unreadableTerms.length > 0 && (
          <p class="notice">
            {unreadableTerms.length === 1 ? 'One of your saved terms' : `${unreadableTerms.length} of your saved terms`} could not be read. They are kept
            aside, not deleted.{' '}
            <button type="button" class="text-button" onClick={() => download('health-glossary-unreadable.json', 'application/json', JSON.stringify(unreadableTerms, null, 2))}>
              Download them
            </button>
          </p>
        )}
      </div>

      <section aria-labelledby="pages">
        <h2 id="pages">On web pages</h2>
        <div class="row">
          <input id="enabled" type="checkbox" role="switch" checked={settings.enabled} onChange={(e) => change({ enabled: e.currentTarget.checked })} aria-describedby="enabled-hint" />
          <label for="enabled">Highlight terms on pages</label>
        </div>
        <p class="hint" id="enabled-hint">
          When this is off, pages look exactly as they would without the extension. Look-ups in the toolbar button still work.
        </p>
        <Choice
          name="style"
          legend="How terms are marked"
          value={settings.highlightStyle}
          options={[
            ['underline', 'Dotted underline'],
            ['tint', 'Light background'],
            ['both', 'Both'],
            ['none', 'Not marked (the explanation still opens when you point at a term)'],
          ]}
          onChange={(highlightStyle) => change({ highlightStyle })}
        />
        <StylePreview style={settings.highlightStyle} />
        <Choice
          name="occurrences"
          legend="Which times a term is marked"
          value={settings.firstOccurrenceOnly ? 'first' : 'every'}
          options={[
            ['every', 'Every time it appears'],
            ['first', 'Only the first time on each page (calmer)'],
          ]}
          onChange={(v) => change({ firstOccurrenceOnly: v === 'first' })}
        />
        <Toggle
          id="ambiguous"
          label="Everyday words with a health meaning"
          hint="Words like cold, pressure or discharge are marked only on pages that are clearly about health."
          checked={settings.ambiguousWords}
          onChange={(ambiguousWords) => change({ ambiguousWords })}
        />
        <fieldset class="categories">
          <legend>Kinds of words to mark</legend>
          {CATEGORY_IDS.map((id) => (
            <label key={id} class="option">
              <input type="checkbox" checked={!settings.disabledCategories.includes(id)} onChange={(e) => toggleCategory(id, e.currentTarget.checked)} />
              {CATEGORIES[id]}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="card">
        <h2 id="card">The explanation</h2>
        <Choice
          name="delay"
          legend="Wait before showing the explanation when you point at a term"
          value={String(settings.cardDelayMs)}
          options={CARD_DELAYS_MS.map((ms) => [String(ms), ms === 250 ? 'Short (a quarter of a second)' : ms === 500 ? 'Medium (half a second)' : 'Long (one second)'] as const)}
          onChange={(v) => change({ cardDelayMs: Number(v) })}
        />
        <Choice
          name="size"
          legend="Text size"
          value={settings.cardTextSize}
          options={[
            ['normal', 'Standard'],
            ['large', 'Large'],
            ['x-large', 'Extra large'],
          ]}
          onChange={(cardTextSize) => change({ cardTextSize })}
        />
        <Choice
          name="theme"
          legend="Colours"
          value={settings.theme}
          options={[
            ['auto', 'Same as my device'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ]}
          onChange={(theme) => change({ theme })}
        />
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">Keyboard</h2>
        <p class="hint">Move from one marked term to the next without a mouse. Keys are never taken while you type in a box.</p>
        <KeyField id="next-key" label="Next term" value={settings.nextTermKey} check={(spec) => checkTermKey(spec, settings.prevTermKey)} onChange={(nextTermKey) => change({ nextTermKey })} />
        <KeyField id="prev-key" label="Previous term" value={settings.prevTermKey} check={(spec) => checkTermKey(spec, settings.nextTermKey)} onChange={(prevTermKey) => change({ prevTermKey })} />
        <p class="hint">
          “Explain the selected words” (Alt + Shift + E) and “Turn highlighting on or off for this site” (Alt + Shift + H) are set in your browser’s
          own page for extension shortcuts.
        </p>
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">Sites</h2>
        <p class="hint">Write a site as example.org (that site and its www), or *.example.org (every part of it). Up to {MAX_SITE_RULES} sites in each list.</p>
        <SiteList id="blocked" label="Never highlight on these sites" sites={settings.blockedSites} max={MAX_SITE_RULES} onChange={(blockedSites) => change({ blockedSites })} />
        <Toggle
          id="only-listed"
          label="Only highlight on the sites I list"
          checked={settings.onlyListedSites}
          onChange={(onlyListedSites) => change({ onlyListedSites })}
        />
        {settings.onlyListedSites && (
          <>
            <SiteList id="only" label="Highlight only on these sites" sites={settings.onlySites} max={MAX_SITE_RULES} onChange={(onlySites) => change({ onlySites })} />
            {settings.onlySites.length === 0 && <p class="notice">While this list is empty, no site is highlighted.</p>}
          </>
        )}
      </section>

      <section aria-labelledby="own">
        <h2 id="own">Your own terms</h2>
        <OwnTerms terms={terms.terms} save={saveOwnTerms} />
      </section>

      <section aria-labelledby="reset">
        <h2 id="reset">Start again</h2>
        <button type="button" onClick={() => setConfirmReset(true)}>
          Reset to defaults
        </button>
        <p role="status" class="status">
          {resetDone}
        </p>
        {confirmReset && (
          <ConfirmDialog
            title="Put every setting back to how it was at the start?"
            confirmLabel="Reset settings"
            onCancel={() => setConfirmReset(false)}
            onConfirm={() => {
              setConfirmReset(false);
              resetSettings().then(
                () => setResetDone('Every setting is back to its default. Your own terms are kept.'),
                (e) => setSaveError(`The settings could not be reset: ${message(e)}`),
              );
            }}
          >
            <p>Your own terms are kept. Site lists are emptied.</p>
          </ConfirmDialog>
        )}
      </section>

      <footer class="privacy">
        <p>
          Health Glossary works only on this computer: it sends nothing anywhere, has no account and keeps no record of what you read. The
          explanations are general information, not medical advice.
        </p>
      </footer>
    </main>
  );
}
