import type { GlossaryEntry } from './schema';

// Every file in data/ holds entries of one or more categories. Bundled at build time (Vite's glob
// import), so the extension never fetches anything; validated by the tests and
// `npm run glossary:report`. Shipped as text and parsed the first time an entry is needed. The
// content script does not use this module: it matches with the trie built at build time
// (glossary/precompiled.ts) and ships the explanations packed (glossary/packed-text.ts).
const files = import.meta.glob<string>('./data/*.json', { eager: true, query: '?raw', import: 'default' });

let parsedFiles: ReadonlyMap<string, readonly GlossaryEntry[]> | undefined;
let parsedEntries: readonly GlossaryEntry[] | undefined;

/** The bundled data files by name (`conditions.json`), in name order. */
export function bundledFiles(): ReadonlyMap<string, readonly GlossaryEntry[]> {
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
