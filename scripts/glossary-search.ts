/**
 * `npx vite-node scripts/glossary-search.ts "seratonin|asma|water pill"`: the popup search's
 * first three answers for each query, or its suggestions when it finds nothing.
 */
import { bundledEntries } from '../glossary/bundled';
import { GlossarySearch } from '../glossary/search';

const search = new GlossarySearch(bundledEntries());
for (const query of (process.argv[2] ?? '').split('|').filter(Boolean)) {
  const hits = search.search(query).slice(0, 3);
  const shown = hits.length
    ? hits.map((h) => h.entry.term).join(' · ')
    : `nothing; suggests ${search.suggest(query).slice(0, 3).map((e) => e.term).join(', ') || 'nothing'}`;
  console.log(`${query.padEnd(24)} → ${shown}`);
}
