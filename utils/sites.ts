import type { Settings } from './settings-schema';

/**
 * Site rules are domains. "example.org" means that host and www.example.org; "*.example.org"
 * means example.org and every subdomain.
 */
export function matchesSite(hostname: string, rule: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/u, '');
  const r = rule.trim().toLowerCase();
  if (r.startsWith('*.')) {
    const base = r.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === r || host === `www.${r}`;
}

/** Whether highlighting may run on a page of this host under the reader's site rules. */
export function isSiteAllowed(hostname: string, settings: Pick<Settings, 'blockedSites' | 'onlySites' | 'onlyListedSites'>): boolean {
  if (settings.blockedSites.some((rule) => matchesSite(hostname, rule))) return false;
  if (settings.onlyListedSites) return settings.onlySites.some((rule) => matchesSite(hostname, rule));
  return true;
}

/**
 * The site a document belongs to, for site rules. A frame with no address of its own (srcdoc, or
 * an empty frame the page fills) reports an empty hostname, but it is part of the page that made
 * it and shares that page's origin: a site the reader switched off stays off inside its frames.
 */
export function siteOfDocument(location: Pick<Location, 'hostname'>, origin: string): string {
  if (location.hostname) return location.hostname;
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}
