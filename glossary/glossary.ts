import type { GlossaryEntry } from './schema';

/** The glossary a surface works with: entries in a fixed order, and lookups by id. */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  readonly byId: ReadonlyMap<string, GlossaryEntry>;
  /** Index of each entry in `entries`, which is also the matcher's entry number. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Whether the entries can be read now; a deferred glossary's cannot before `ready()`. */
  readonly loaded: boolean;
  /** Resolves once the entries can be read. */
  ready(): Promise<void>;
}

export function createGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byId = new Map<string, GlossaryEntry>();
  const indexOf = new Map<string, number>();
  entries.forEach((e, i) => {
    byId.set(e.id, e);
    indexOf.set(e.id, i);
  });
  return { entries, byId, indexOf, loaded: true, ready: () => Promise.resolve() };
}

/** Reads through to the glossary `get` gives (made on first use). */
function glossaryOver(get: () => Glossary, loaded: () => boolean, ready: () => Promise<void>): Glossary {
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
    get loaded() {
      return loaded();
    },
    ready,
  };
}

/** A glossary whose entries are loaded the first time anything asks for them. */
export function lazyGlossary(load: () => readonly GlossaryEntry[]): Glossary {
  let glossary: Glossary | undefined;
  const get = () => (glossary ??= createGlossary(load()));
  return glossaryOver(
    get,
    () => true,
    async () => void get(),
  );
}

/**
 * A glossary whose entries arrive later (unpacked on first need): `ready()` loads them, and
 * reading them before that is a mistake that throws.
 */
export function deferredGlossary(load: () => Promise<readonly GlossaryEntry[]>): Glossary {
  let glossary: Glossary | undefined;
  let loading: Promise<void> | undefined;
  const get = () => {
    if (!glossary) throw new Error('Glossary read before it is loaded (await ready()).');
    return glossary;
  };
  return glossaryOver(
    get,
    () => glossary !== undefined,
    () =>
      (loading ??= load().then(
        (entries) => {
          glossary = createGlossary(entries);
        },
        (error: unknown) => {
          loading = undefined; // asked again later, tried again
          throw error;
        },
      )),
  );
}
