/**
 * The reader's own terms (OWNED BY THE OPTIONS WORK, issue 6: storage, validation, import/export).
 * This first version only defines the shape the other surfaces use.
 */
import { storage } from 'wxt/utils/storage';
import type { GlossaryEntry } from '../glossary/schema';

export interface CustomTerm {
  id: string;
  term: string;
  variants: string[];
  explanation: string;
  /** Optional https link to where the reader learned about it. */
  link?: string;
}

/** Large data lives in local storage (sync storage has small quotas). */
export const customTermsItem = storage.defineItem<CustomTerm[]>('local:customTerms', { fallback: [], version: 1 });

/** A custom term as a glossary entry, so cards, search and matching treat it like a bundled one. */
export function customToEntry(custom: CustomTerm): GlossaryEntry {
  return {
    id: `custom-${custom.id}`,
    term: custom.term,
    variants: custom.variants,
    category: 'conditions',
    short: custom.explanation,
    long: '',
    related: [],
    sources: custom.link ? [{ title: 'Your link', url: custom.link }] : [],
    reviewed: new Date().toISOString().slice(0, 10),
  };
}

/** Bundled entries plus the reader's own; a custom term wins over a bundled one with the same name. */
export function mergeGlossary(bundled: readonly GlossaryEntry[], custom: readonly CustomTerm[]): GlossaryEntry[] {
  if (custom.length === 0) return [...bundled];
  const own = custom.map(customToEntry);
  const names = new Set(own.flatMap((e) => [e.term, ...e.variants].map((f) => f.toLowerCase())));
  const kept = bundled.filter((e) => !names.has(e.term.toLowerCase()));
  return [...own, ...kept];
}

export function watchCustomTerms(onChange: (terms: CustomTerm[]) => void): () => void {
  let stopped = false;
  void customTermsItem.getValue().then((v) => !stopped && onChange(v ?? []));
  const unwatch = customTermsItem.watch((v) => onChange(v ?? []));
  return () => {
    stopped = true;
    unwatch();
  };
}
