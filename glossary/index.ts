import { BUNDLED_ENTRIES } from './bundled';
import { createGlossary, type Glossary } from './glossary';
import { compileMatcher, type CompiledMatcher } from './matcher';

export { createGlossary, type Glossary } from './glossary';
export type { GlossaryEntry } from './schema';

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
