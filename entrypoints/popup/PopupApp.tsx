import { useMemo, useState } from 'preact/hooks';
import { TermCard } from '../../components/TermCard';
import { bundledGlossary } from '../../glossary';
import { GlossarySearch } from '../../glossary/search';
import type { GlossaryEntry } from '../../glossary/schema';

export function PopupApp() {
  const glossary = bundledGlossary();
  const search = useMemo(() => new GlossarySearch(glossary.entries), [glossary]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<GlossaryEntry | null>(null);
  const hits = useMemo(() => search.search(query), [search, query]);
  const suggestions = useMemo(() => (query.trim() && hits.length === 0 ? search.suggest(query) : []), [search, query, hits]);

  return (
    <main class="popup">
      <h1 class="title">Health Glossary</h1>
      <label class="search-label" for="search">
        Look up a health word
      </label>
      <input
        id="search"
        class="search"
        type="search"
        autoFocus
        autocomplete="off"
        spellcheck={false}
        placeholder="e.g. serotonin"
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(null);
        }}
      />
      {open ? (
        <section class="card popup-card" aria-labelledby="popup-term">
          <button type="button" class="text-button" onClick={() => setOpen(null)}>
            ← All results
          </button>
          <TermCard entry={open} lookup={(id) => glossary.byId.get(id)} headingId="popup-term" />
        </section>
      ) : (
        <>
          {query.trim() !== '' && (
            <p class="status" role="status">
              {hits.length === 0
                ? `No entry for “${query.trim()}” yet.`
                : `${hits.length} result${hits.length === 1 ? '' : 's'}`}
            </p>
          )}
          <ul class="results" aria-label="Results">
            {hits.map(({ entry }) => (
              <li key={entry.id}>
                <button type="button" class="result" onClick={() => setOpen(entry)}>
                  <span class="result-term">{entry.term}</span>
                  <span class="result-short">{entry.short}</span>
                </button>
              </li>
            ))}
          </ul>
          {suggestions.length > 0 && (
            <div class="suggestions">
              <p>Did you mean:</p>
              <ul class="results">
                {suggestions.map((entry) => (
                  <li key={entry.id}>
                    <button type="button" class="result" onClick={() => setOpen(entry)}>
                      <span class="result-term">{entry.term}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </main>
  );
}
