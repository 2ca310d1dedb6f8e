import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

describe('the background script', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts on a browser without context menus or keyboard commands (Firefox for Android)', async () => {
    const fake = fakeBrowser as unknown as Record<string, unknown>;
    const saved = { contextMenus: fake.contextMenus, commands: fake.commands };
    delete fake.contextMenus;
    delete fake.commands;
    try {
      expect(() => background.main()).not.toThrow();
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    } finally {
      Object.assign(fake, saved);
    }
  });
});
