import { storage } from 'wxt/utils/storage';
import type { CategoryId } from '../glossary/schema';

export type HighlightStyle = 'underline' | 'tint' | 'both' | 'none';
export type Theme = 'auto' | 'light' | 'dark';
export type TextSize = 'normal' | 'large' | 'x-large';

export interface Settings {
  /** Highlight terms on pages at all. */
  enabled: boolean;
  highlightStyle: HighlightStyle;
  /** Every occurrence, or only the first of each term on a page (calmer). */
  firstOccurrenceOnly: boolean;
  /** Everyday words with a medical meaning (cold, pressure), on pages clearly about health. */
  ambiguousWords: boolean;
  disabledCategories: CategoryId[];
  /** How long the pointer rests on a term before its card opens. */
  cardDelayMs: number;
  cardTextSize: TextSize;
  theme: Theme;
  /** Sites (domain; `*.example.org` includes subdomains) where nothing is highlighted. */
  blockedSites: string[];
  /** When non-empty and `onlyListedSites`, highlighting happens only on these sites. */
  onlySites: string[];
  onlyListedSites: boolean;
  /** Keys that move to the next / previous marked word, as "Alt+Shift+ArrowRight". */
  nextTermKey: string;
  prevTermKey: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  highlightStyle: 'both',
  firstOccurrenceOnly: false,
  ambiguousWords: true,
  disabledCategories: [],
  cardDelayMs: 500,
  cardTextSize: 'normal',
  theme: 'auto',
  blockedSites: [],
  onlySites: [],
  onlyListedSites: false,
  nextTermKey: 'Alt+Shift+ArrowRight',
  prevTermKey: 'Alt+Shift+ArrowLeft',
});

/**
 * Only the values the reader changed are stored (and so synced); everything else comes from the
 * defaults, so a new default reaches every reader who never touched that setting.
 */
export const settingsItem = storage.defineItem<Partial<Settings>>('sync:settings', {
  fallback: {},
  version: 1,
});

export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  const merged: Settings = { ...DEFAULT_SETTINGS, disabledCategories: [], blockedSites: [], onlySites: [] };
  if (!stored || typeof stored !== 'object') return merged;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = stored[key];
    if (value !== undefined && typeof value === typeof DEFAULT_SETTINGS[key]) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}

export async function loadSettings(): Promise<Settings> {
  return withDefaults(await settingsItem.getValue());
}

/** Saves a change, keeping only values that differ from the defaults. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  const stored: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(DEFAULT_SETTINGS[key]))
      (stored as Record<string, unknown>)[key] = next[key];
  }
  await settingsItem.setValue(stored);
  return next;
}

/** Calls `onChange` with the current settings now and after every change, from any tab or page. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let stopped = false;
  void loadSettings().then((s) => {
    if (!stopped) onChange(s);
  });
  const unwatch = settingsItem.watch((value) => onChange(withDefaults(value)));
  return () => {
    stopped = true;
    unwatch();
  };
}
