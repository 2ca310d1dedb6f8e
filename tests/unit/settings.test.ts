import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, migrateSettingsV1toV2, readSettings, resetSettings, settingsItem, updateSettings } from '../../utils/settings';
import { isSiteAllowed, matchesSite } from '../../utils/sites';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores only what the reader changed', async () => {
    await updateSettings({ enabled: false, highlightStyle: 'both' });
    expect(await settingsItem.getValue()).toEqual({ enabled: false });
    expect((await loadSettings()).enabled).toBe(false);
    await updateSettings({ enabled: true });
    expect(await settingsItem.getValue()).toEqual({});
  });

  it('ignores stored values of the wrong type', () => {
    expect(readSettings({ enabled: 'yes', cardDelayMs: 800 }).settings).toEqual({ ...DEFAULT_SETTINGS, cardDelayMs: 800 });
    expect(readSettings(null).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('names each stored value it could not read, and keeps the others', () => {
    const reading = readSettings({ highlightStyle: 'sparkles', theme: 'dark', blockedSites: ['ok.org', 'not a site'], cardDelayMs: -3 });
    expect(reading.settings.theme).toBe('dark');
    expect(reading.settings.highlightStyle).toBe(DEFAULT_SETTINGS.highlightStyle);
    expect(reading.unreadable.sort()).toEqual(['blockedSites', 'cardDelayMs', 'highlightStyle']);
    expect(readSettings('garbage').unreadable).toContain('enabled');
  });

  it('keeps an unreadable stored value until the reader sets that setting', async () => {
    await settingsItem.setValue({ highlightStyle: 'sparkles' } as never);
    await updateSettings({ theme: 'dark' });
    expect(await settingsItem.getValue()).toEqual({ highlightStyle: 'sparkles', theme: 'dark' });
    await updateSettings({ highlightStyle: 'tint' });
    expect(await settingsItem.getValue()).toEqual({ highlightStyle: 'tint', theme: 'dark' });
  });

  it('two quick changes in a row both stay', async () => {
    await Promise.all([updateSettings({ theme: 'dark' }), updateSettings({ cardTextSize: 'large' }), updateSettings({ firstOccurrenceOnly: true })]);
    expect(await settingsItem.getValue()).toEqual({ theme: 'dark', cardTextSize: 'large', firstOccurrenceOnly: true });
  });

  it('reset stores nothing, so every setting is back to its default', async () => {
    await updateSettings({ theme: 'dark', blockedSites: ['a.org'] });
    await resetSettings();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates version 1: site rules reduced to their site, defaults dropped', () => {
    const v1 = {
      enabled: true,
      highlightStyle: 'tint',
      blockedSites: ['https://www.Example.org/page?x=1', 'example.org', 'www.news.com', '*.www.blog.net', '???'],
    };
    expect(migrateSettingsV1toV2(v1)).toEqual({ highlightStyle: 'tint', blockedSites: ['example.org', 'news.com', '*.blog.net'] });
    expect(migrateSettingsV1toV2(null)).toBe(null);
    expect(migrateSettingsV1toV2('junk')).toBe('junk');
  });
});

describe('site rules', () => {
  it('matches a domain and its www, or every subdomain with *.', () => {
    expect(matchesSite('example.org', 'example.org')).toBe(true);
    expect(matchesSite('www.example.org', 'example.org')).toBe(true);
    expect(matchesSite('news.example.org', 'example.org')).toBe(false);
    expect(matchesSite('news.example.org', '*.example.org')).toBe(true);
    expect(matchesSite('example.org', '*.example.org')).toBe(true);
    expect(matchesSite('badexample.org', '*.example.org')).toBe(false);
  });

  it('blocks listed sites, or allows only listed ones', () => {
    const base = { blockedSites: ['mail.example.com'], onlySites: [], onlyListedSites: false };
    expect(isSiteAllowed('mail.example.com', base)).toBe(false);
    expect(isSiteAllowed('news.example.com', base)).toBe(true);
    const only = { blockedSites: [], onlySites: ['*.nhs.uk'], onlyListedSites: true };
    expect(isSiteAllowed('www.nhs.uk', only)).toBe(true);
    expect(isSiteAllowed('example.com', only)).toBe(false);
  });
});
