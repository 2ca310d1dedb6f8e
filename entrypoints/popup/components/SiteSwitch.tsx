import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { isSiteAllowed, matchesSite } from '../../../utils/sites';
import { updateSettings, watchSettings, type Settings } from '../../../utils/settings';
import type { ActiveTab } from '../tab';

/** Turns highlighting off or on for the tab's site (remembered in the settings' site list). */
export function SiteSwitch({ tab, restricted }: { tab: ActiveTab | null; restricted: boolean }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => watchSettings(setSettings), []);
  const host = tab?.hostname ?? '';
  const on = !!settings && settings.enabled && isSiteAllowed(host, settings);

  const toggle = async (next: boolean) => {
    if (!settings || !host) return;
    const blocked = settings.blockedSites.filter((rule) => !matchesSite(host, rule));
    if (!next) blocked.push(host.replace(/^www\./u, ''));
    const change: Partial<Settings> = { blockedSites: blocked };
    if (next && settings.onlyListedSites && !settings.onlySites.some((r) => matchesSite(host, r)))
      change.onlySites = [...settings.onlySites, host.replace(/^www\./u, '')];
    if (next && !settings.enabled) change.enabled = true;
    await updateSettings(change);
  };

  return (
    <footer class="site">
      {restricted || !host ? (
        <p class="status">Browsers don't let extensions read this kind of page, so nothing is marked here. Search still works.</p>
      ) : (
        <div class="row">
          <input id="site" type="checkbox" role="switch" checked={on} disabled={!settings} onChange={(e) => void toggle(e.currentTarget.checked)} />
          <label for="site">
            Highlight terms on <strong>{host.replace(/^www\./u, '')}</strong>
          </label>
        </div>
      )}
      <button type="button" class="text-button" onClick={() => void browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </footer>
  );
}
