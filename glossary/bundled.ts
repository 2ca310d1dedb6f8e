import type { GlossaryEntry } from './schema';

// Every file in data/ holds entries of one or more categories. Bundled at build time (Vite's glob
// import), so the extension never fetches anything; validated by the tests and
// `npm run glossary:report`. Shipped as text and parsed the first time an entry is needed: a page
// is matched with the trie built at build time (glossary/precompiled.ts), so a page pays for
// parsing two megabytes of explanations only once the reader points at a term or opens the
// popup's list, and frames nobody reads never do.
const files = import.meta.glob<string>('./data/*.json', { eager: true, query: '?raw', import: 'default' });

/** Marked on the page's timeline when the entries are parsed (the e2e suite checks when that happens). */
export const ENTRIES_PARSED_MARK = 'health-glossary:entries-parsed';

let parsedFiles: ReadonlyMap<string, readonly GlossaryEntry[]> | undefined;
let parsedEntries: readonly GlossaryEntry[] | undefined;

/** The bundled data files by name (`conditions.json`), in name order. */
export function bundledFiles(): ReadonlyMap<string, readonly GlossaryEntry[]> {
  if (!parsedFiles) performance.mark(ENTRIES_PARSED_MARK);
  return (parsedFiles ??= new Map(
    Object.keys(files)
      .sort()
      .map((path) => [path.slice(path.lastIndexOf('/') + 1), JSON.parse(files[path]!) as GlossaryEntry[]] as const),
  ));
}

/** The bundled glossary, in file then entry order. */
export function bundledEntries(): readonly GlossaryEntry[] {
  return (parsedEntries ??= [...bundledFiles().values()].flat());
}
