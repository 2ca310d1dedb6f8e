import type { GlossaryEntry } from './schema';

/** The glossary a surface works with: entries in a fixed order, and lookups by id. */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  readonly byId: ReadonlyMap<string, GlossaryEntry>;
  /** Index of each entry in `entries`, which is also the matcher's entry number. */
  readonly indexOf: ReadonlyMap<string, number>;
}

export function createGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byId = new Map<string, GlossaryEntry>();
  const indexOf = new Map<string, number>();
  entries.forEach((e, i) => {
    byId.set(e.id, e);
    indexOf.set(e.id, i);
  });
  return { entries, byId, indexOf };
}

/** A glossary whose entries are loaded the first time anything asks for them. */
export function lazyGlossary(load: () => readonly GlossaryEntry[]): Glossary {
  let glossary: Glossary | undefined;
  const get = () => (glossary ??= createGlossary(load()));
  return {
    get entries() {
      return get().entries;
    },
    get byId() {
      return get().byId;
    },
    get indexOf() {
      return get().indexOf;
    },
  };
}
