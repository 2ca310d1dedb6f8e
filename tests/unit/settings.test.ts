import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, settingsItem, updateSettings, withDefaults } from '../../utils/settings';
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
    expect(withDefaults({ enabled: 'yes' as unknown as boolean, cardDelayMs: 800 })).toEqual({ ...DEFAULT_SETTINGS, cardDelayMs: 800 });
    expect(withDefaults(null)).toEqual(DEFAULT_SETTINGS);
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
