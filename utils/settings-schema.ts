/**
 * What a reader's settings are and how stored ones are read: pure, so the content script can read
 * them without the storage library (see `stored-value.ts`).
 */
import { CATEGORY_IDS, type CategoryId } from '../glossary/categories';
import { parseShortcut } from './shortcuts';
import { checkSiteRule } from './site-rules';

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

/** The card delays offered in options; anything stored must be one a reader could have chosen. */
export const CARD_DELAYS_MS = [250, 500, 1000] as const;
/** Sync storage allows 8 KB per item: a few hundred site rules fit with room to spare. */
export const MAX_SITE_RULES = 200;

const oneOf =
  <T extends string>(...values: T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as string[]).includes(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isSiteList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= MAX_SITE_RULES && v.every((s) => typeof s === 'string' && checkSiteRule(s).ok);
const isShortcut = (v: unknown): v is string => typeof v === 'string' && parseShortcut(v) !== null;

/** What a stored value must look like to be used; anything else falls back to the default. */
const VALID: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  enabled: isBoolean,
  highlightStyle: oneOf('underline', 'tint', 'both', 'none'),
  firstOccurrenceOnly: isBoolean,
  ambiguousWords: isBoolean,
  disabledCategories: (v): v is CategoryId[] => Array.isArray(v) && v.every((c) => (CATEGORY_IDS as readonly unknown[]).includes(c)),
  cardDelayMs: (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 5000,
  cardTextSize: oneOf('normal', 'large', 'x-large'),
  theme: oneOf('auto', 'light', 'dark'),
  blockedSites: isSiteList,
  onlySites: isSiteList,
  onlyListedSites: isBoolean,
  nextTermKey: isShortcut,
  prevTermKey: isShortcut,
};

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export interface SettingsReading {
  settings: Settings;
  /** Stored settings that could not be read (wrong type, unknown value) and are at their default. */
  unreadable: (keyof Settings)[];
}

/** Reads stored settings value by value: a damaged value costs only itself, never its neighbours. */
export function readSettings(stored: unknown): SettingsReading {
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledCategories: [], blockedSites: [], onlySites: [] };
  const unreadable: (keyof Settings)[] = [];
  if (stored === null || stored === undefined) return { settings, unreadable };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings, unreadable: [...SETTING_KEYS] };
  const record = stored as Record<string, unknown>;
  for (const key of SETTING_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    if (VALID[key](value)) (settings as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
    else unreadable.push(key);
  }
  return { settings, unreadable };
}

/** Only what differs from the defaults, so a new default reaches every reader who never chose. */
export function changedFromDefaults(settings: Settings): Partial<Settings> {
  const stored: Partial<Settings> = {};
  for (const key of SETTING_KEYS) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) (stored as Record<string, unknown>)[key] = settings[key];
  }
  return stored;
}

/** Site rules as version 1 saved them: typed freely, so possibly whole addresses, "www." or twice. */
function normaliseRules(rules: unknown): unknown {
  if (!Array.isArray(rules)) return rules;
  const out: string[] = [];
  for (const rule of rules) {
    const check = typeof rule === 'string' ? checkSiteRule(rule) : null;
    // "example.org" already covers its www.
    const site = check?.ok ? check.rule.replace(/^(\*\.)?www\./u, '$1') : null;
    if (site && !out.includes(site)) out.push(site);
  }
  return out;
}

/**
 * Version 2 checks site rules as they are typed. Rules saved by version 1 are reduced to their site
 * the same way, and values equal to the defaults are dropped. Never throws: a migration that failed
 * would leave the reader's settings unread.
 */
export function migrateSettingsV1toV2(old: unknown): unknown {
  if (!old || typeof old !== 'object' || Array.isArray(old)) return old;
  const value: Record<string, unknown> = { ...(old as Record<string, unknown>) };
  for (const key of ['blockedSites', 'onlySites']) if (key in value) value[key] = normaliseRules(value[key]);
  for (const key of SETTING_KEYS) {
    if (key in value && JSON.stringify(value[key]) === JSON.stringify(DEFAULT_SETTINGS[key])) delete value[key];
  }
  return value;
}

export const SETTINGS_VERSION = 2;

