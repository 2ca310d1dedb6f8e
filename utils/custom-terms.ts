/** Where the reader's own terms are stored (WXT storage), for the popup, options and background. */
import { storage } from 'wxt/utils/storage';
import { watchStorageItem } from './stored-value';
import { LIMITS, migrateTermsV1toV2, readTerms, type CustomTerm, type TermsReading } from './own-terms';

export * from './own-terms';

/** Large data lives in local storage (sync storage has small quotas). */
export const customTermsItem = storage.defineItem<unknown>('local:customTerms', {
  fallback: [],
  version: 2,
  migrations: { 2: migrateTermsV1toV2 },
});

/** Damaged items found in storage, moved here so that saving the good ones never destroys them. */
export const unreadableTermsItem = storage.defineItem<unknown[]>('local:customTermsUnreadable', { fallback: [] });

export async function loadTerms(): Promise<TermsReading> {
  return readTerms(await customTermsItem.getValue());
}

/**
 * Saves the reader's terms. Damaged items still in storage are first set aside in their own key.
 * Errors (a full storage quota) are thrown for the page to show.
 */
export async function saveTerms(terms: readonly CustomTerm[]): Promise<void> {
  if (terms.length > LIMITS.terms) throw new Error(`You can keep up to ${LIMITS.terms} terms of your own.`);
  const { unreadable } = readTerms(await customTermsItem.getValue());
  if (unreadable.length) await unreadableTermsItem.setValue([...((await unreadableTermsItem.getValue()) ?? []), ...unreadable]);
  await customTermsItem.setValue(terms.map((t) => ({ ...t })));
}

/**
 * Changes the reader's terms from what is stored now, one change at a time: two quick changes
 * (add, then delete) never undo each other. Throws like `saveTerms`.
 */
export function changeTerms(update: (current: CustomTerm[]) => CustomTerm[]): Promise<void> {
  const done = pendingChange.then(async () => saveTerms(update((await loadTerms()).terms)));
  pendingChange = done.catch(() => undefined);
  return done;
}

let pendingChange: Promise<unknown> = Promise.resolve();

export function watchTerms(onChange: (reading: TermsReading) => void): () => void {
  return watchStorageItem(customTermsItem, (value) => onChange(readTerms(value)));
}

export function watchCustomTerms(onChange: (terms: CustomTerm[]) => void): () => void {
  return watchTerms((r) => onChange(r.terms));
}
