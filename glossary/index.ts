import { bundledEntries } from './bundled';
import { lazyGlossary, type Glossary } from './glossary';

export { createGlossary, type Glossary } from './glossary';
export type { GlossaryEntry } from './schema';

let bundled: Glossary | undefined;
/** The bundled glossary; its entries are parsed when first read. */
export function bundledGlossary(): Glossary {
  return (bundled ??= lazyGlossary(bundledEntries));
}
