import { BUNDLED_ENTRIES } from './bundled';
import { compileMatcher, type CompiledMatcher } from './matcher';
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

let bundled: Glossary | undefined;
export function bundledGlossary(): Glossary {
  return (bundled ??= createGlossary(BUNDLED_ENTRIES));
}

const matchers = new WeakMap<Glossary, CompiledMatcher>();
/** The matcher of a glossary, compiled once and reused. */
export function matcherFor(glossary: Glossary): CompiledMatcher {
  let m = matchers.get(glossary);
  if (!m) {
    m = compileMatcher(glossary.entries);
    matchers.set(glossary, m);
  }
  return m;
}

export type { GlossaryEntry } from './schema';
