import { storage } from 'wxt/utils/storage';
import { watchStorageItem } from './stored-value';
import { migrateSettingsV1toV2, readSettings, SETTINGS_VERSION, changedFromDefaults, type Settings, type SettingsReading } from './settings-schema';

export * from './settings-schema';

export const settingsItem = storage.defineItem<Partial<Settings>>('sync:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV1toV2 },
});

export async function loadSettingsReading(): Promise<SettingsReading> {
  return readSettings(await settingsItem.getValue());
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsReading()).settings;
}

/**
 * Saves a change, keeping only values that differ from the defaults. A stored value that could not
 * be read is kept as it was unless this change replaces it: it may still be recoverable by hand.
 */
export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  // One read-change-write at a time, so two quick changes in a row never undo each other.
  const done = pendingWrite.then(() => writeChange(change));
  pendingWrite = done.catch(() => undefined);
  return done;
}

let pendingWrite: Promise<unknown> = Promise.resolve();

async function writeChange(change: Partial<Settings>): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const { settings, unreadable } = readSettings(raw);
  const next = { ...settings, ...change };
  const stored: Record<string, unknown> = { ...changedFromDefaults(next) };
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const key of unreadable) if (!(key in change)) stored[key] = (raw as Record<string, unknown>)[key];
  }
  await settingsItem.setValue(stored as Partial<Settings>);
  return next;
}

/** Back to the defaults: stores nothing, so every setting follows the defaults again. */
export async function resetSettings(): Promise<void> {
  await settingsItem.setValue({});
}

/** Calls `onChange` with the current settings now and after every change, from any tab or page. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchSettingsReading((reading) => onChange(reading.settings));
}

export function watchSettingsReading(onChange: (reading: SettingsReading) => void): () => void {
  // Storage unavailable (the browser is shutting down, a broken profile) reads as the defaults.
  return watchStorageItem(settingsItem, (value) => onChange(readSettings(value)));
}
