import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { TermCard } from '../../components/TermCard';
import { usePageTheme } from '../../utils/page-theme';
import { bundledEntries } from '../../glossary/bundled';
import { createGlossary } from '../../glossary/glossary';
import { GlossarySearch } from '../../glossary/search';
import type { GlossaryEntry } from '../../glossary/schema';
import { mergeGlossary, watchCustomTerms, type CustomTerm } from '../../utils/custom-terms';
import { Browse } from './components/Browse';
import { OnThisPage } from './components/OnThisPage';
import { ResultList } from './components/ResultList';
import { SiteSwitch } from './components/SiteSwitch';
import { activeTab, isRestricted, type ActiveTab } from './tab';

type View = 'search' | 'browse' | 'page';

export function PopupApp() {
  const [custom, setCustom] = useState<CustomTerm[]>([]);
  useEffect(() => watchCustomTerms(setCustom), []);
  // Built once per change of the reader's own terms, not on every keystroke.
  const glossary = useMemo(() => createGlossary(mergeGlossary(bundledEntries(), custom)), [custom]);
  // Indexed in slices once the popup is on screen, so it answers keys at once: names and short
  // explanations first (about a quarter of the work), then the long explanations too.
  const [{ search, complete }, setSearch] = useState<{ search: GlossarySearch | null; complete: boolean }>({ search: null, complete: false });
  useEffect(() => {
    let current = true;
    void (async () => {
      const quick = await GlossarySearch.building(glossary.entries, { long: false });
      if (!current) return;
      setSearch({ search: quick, complete: false });
      const full = await GlossarySearch.building(glossary.entries);
      if (current) setSearch({ search: full, complete: true });
    })();
    return () => {
      current = false;
    };
  }, [glossary]);
  const box = useSearchBox();
  const theme = usePageTheme();
  const [query, setQuery] = useState(() => {
    // Keys typed before the script ran are already in the box; a look-up sent by the context menu
    // comes as ?q=.
    const asked = new URLSearchParams(location.search).get('q');
    if (asked) box.value = asked;
    return box.value;
  });
  const [open, setOpen] = useState<GlossaryEntry | null>(null);
  const [view, setView] = useState<View>('search');
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => void activeTab().then(setTab), []);
  const restricted = !tab || isRestricted(tab.url);

  const hits = useMemo(() => search?.search(query) ?? [], [search, query]);
  const latest = useRef({ hits, query });
  latest.current = { hits, query };
  useEffect(() => {
    const onInput = () => {
      setQuery(box.value);
      setOpen(null);
      setView('search');
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const first = latest.current.hits[0];
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        document.querySelector<HTMLButtonElement>('#panel button.result')?.focus();
      } else if (e.key === 'Enter' && first) setOpen(first.entry);
    };
    box.addEventListener('input', onInput);
    box.addEventListener('keydown', onKeyDown);
    // Anything typed between the first read and now.
    if (box.value !== latest.current.query) onInput();
    return () => {
      box.removeEventListener('input', onInput);
      box.removeEventListener('keydown', onKeyDown);
    };
  }, [box]);
  const suggestions = useMemo(() => (search && complete && query.trim() && hits.length === 0 ? search.suggest(query) : []), [search, complete, query, hits]);

  const tabButton = (id: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={view === id}
      aria-controls="panel"
      class="tab"
      onClick={() => {
        setView(id);
        setOpen(null);
      }}
    >
      {label}
    </button>
  );

  return (
    <>
      <div class="tabs" role="tablist" aria-label="Ways to find a term">
        {tabButton('search', 'Results')}
        {tabButton('browse', 'Browse')}
        {tabButton('page', 'On this page')}
      </div>
      {/* data-search says how much the search knows yet (screenshots wait for all of it). */}
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${view}`} data-search={complete ? 'complete' : search ? 'names' : 'none'}>
        {open ? (
          <section class="card popup-card" data-theme={theme === 'auto' ? undefined : theme} aria-labelledby="popup-term">
            <button type="button" class="text-button" onClick={() => setOpen(null)}>
              ← Back
            </button>
            <TermCard entry={open} lookup={(id) => glossary.byId.get(id)} headingId="popup-term" />
          </section>
        ) : view === 'browse' ? (
          <Browse entries={glossary.entries} onOpen={setOpen} />
        ) : view === 'page' ? (
          <OnThisPage tab={tab} glossary={glossary} restricted={restricted} />
        ) : (
          <>
            {query.trim() === '' ? (
              <p class="status">Type a word from a letter, a leaflet or a web page. Spelling doesn't have to be perfect.</p>
            ) : (
              <p class="status" role="status">
                {/* Until the search knows the long explanations too, it may still find more. */}
                {!complete
                  ? 'Looking…'
                  : hits.length === 0
                    ? `Sorry, nothing matches “${query.trim()}” yet.`
                    : `${hits.length} result${hits.length === 1 ? '' : 's'}`}
              </p>
            )}
            <ResultList entries={hits.map((h) => h.entry)} label="Results" onOpen={setOpen} />
            {suggestions.length > 0 && (
              <div class="suggestions">
                <p>Closest terms we know:</p>
                <ResultList entries={suggestions} label="Closest terms" onOpen={setOpen} showShort={false} />
              </div>
            )}
          </>
        )}
      </div>
      <SiteSwitch tab={tab} restricted={restricted} />
    </>
  );
}

/** The search box of popup.html (static, see there). */
function useSearchBox(): HTMLInputElement {
  const [box] = useState(() => document.getElementById('search') as HTMLInputElement);
  return box;
}
