import type { GlossaryEntry } from './schema';

// Every file in data/ holds entries of one or more categories. Bundled at build time (Vite's glob
// import), so the extension never fetches anything; validated by the tests and
// `npm run glossary:report`.
const files = import.meta.glob<GlossaryEntry[]>('./data/*.json', { eager: true, import: 'default' });

/** The bundled data files by name (`conditions.json`), in name order. */
export const BUNDLED_FILES: ReadonlyMap<string, readonly GlossaryEntry[]> = new Map(
  Object.keys(files)
    .sort()
    .map((path) => [path.slice(path.lastIndexOf('/') + 1), files[path]!] as const),
);

/** The bundled glossary, in file then entry order. */
export const BUNDLED_ENTRIES: readonly GlossaryEntry[] = [...BUNDLED_FILES.values()].flat();
