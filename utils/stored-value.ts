/**
 * Reads one stored value and follows its changes: straight from the extension storage API for the
 * content script, or through a WXT storage item for the popup and options.
 *
 * The content script runs on every page, so it stays small (DESIGN: ≤ 30 KB gzipped): it reads
 * with this instead of WXT's storage library, which the popup, options and background use to
 * write, version and migrate the same keys. Reading needs no migration: the readers
 * (`readSettings`, `readTerms`) accept every stored version and fall back per value.
 */
import { browser } from 'wxt/browser';

export function watchStoredValue(area: 'sync' | 'local', key: string, onChange: (value: unknown) => void): () => void {
  let stopped = false;
  browser.storage[area].get(key).then(
    (items) => !stopped && onChange(items[key]),
    // Storage unavailable (a broken profile, the browser shutting down): run on the defaults.
    () => !stopped && onChange(undefined),
  );
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (!stopped && areaName === area && key in changes) onChange(changes[key]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** A WXT storage item, as far as following it needs. */
interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(callback: (newValue: T) => void): () => void;
}

/**
 * The same for a WXT storage item (popup, options): its first read waits for the item's
 * migrations, so these pages never show a value in an older stored form.
 */
export function watchStorageItem<T>(item: WatchableItem<T>, onChange: (value: T | undefined) => void): () => void {
  let stopped = false;
  item.getValue().then(
    (value) => !stopped && onChange(value),
    () => !stopped && onChange(undefined),
  );
  const unwatch = item.watch((value) => !stopped && onChange(value));
  return () => {
    stopped = true;
    unwatch();
  };
}
