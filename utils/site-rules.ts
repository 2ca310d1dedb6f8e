/**
 * Checks a site rule as a reader types it, with a message they can act on. Rules are domains
 * ("example.org") or every subdomain too ("*.example.org"); addresses are reduced to their domain.
 */
export type RuleCheck = { ok: true; rule: string } | { ok: false; message: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/u;

export function checkSiteRule(input: string): RuleCheck {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, message: 'Type a website, like example.org.' };
  // People paste whole addresses: keep only the site.
  if (/^[a-z]+:\/\//u.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return { ok: false, message: 'That address could not be read. Type just the site, like example.org.' };
    }
  }
  text = text.replace(/\/.*$/u, '').replace(/:\d+$/u, '').replace(/\.$/u, '');
  const wildcard = text.startsWith('*.');
  const host = wildcard ? text.slice(2) : text;
  if (host.includes('*')) return { ok: false, message: 'A star is only allowed at the start, as in *.example.org.' };
  const labels = host.split('.');
  if (labels.length < 2 && host !== 'localhost')
    return { ok: false, message: `“${input.trim()}” is not a full website name. Add the ending, like .org or .com.` };
  if (!labels.every((l) => LABEL.test(l))) return { ok: false, message: `“${input.trim()}” has characters a website name cannot have.` };
  return { ok: true, rule: wildcard ? `*.${host}` : host };
}
