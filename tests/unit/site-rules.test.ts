import { describe, expect, it } from 'vitest';
import { checkSiteRule } from '../../utils/site-rules';
import { isSiteAllowed, siteOfDocument } from '../../utils/sites';

describe('site rules as readers type them', () => {
  it('accepts domains, subdomain patterns and pasted addresses', () => {
    expect(checkSiteRule('Example.org')).toEqual({ ok: true, rule: 'example.org' });
    expect(checkSiteRule('*.nhs.uk')).toEqual({ ok: true, rule: '*.nhs.uk' });
    expect(checkSiteRule('https://www.example.org/health/page?x=1')).toEqual({ ok: true, rule: 'www.example.org' });
  });
  it('explains what is wrong', () => {
    expect(checkSiteRule('')).toMatchObject({ ok: false, message: /Type a website/u });
    expect(checkSiteRule('example')).toMatchObject({ ok: false, message: /not a full website name/u });
    expect(checkSiteRule('ex ample.org')).toMatchObject({ ok: false, message: /characters/u });
    expect(checkSiteRule('news.*.org')).toMatchObject({ ok: false, message: /star/u });
  });
});

describe('the site of a frame', () => {
  const blocked = { blockedSites: ['example.org'], onlySites: [], onlyListedSites: false };
  it('is the frame\'s own host when it has an address', () => {
    expect(siteOfDocument({ hostname: 'www.example.org' }, 'https://www.example.org')).toBe('www.example.org');
  });
  it('is the page\'s site for srcdoc and empty frames, so a switched-off site stays off inside them', () => {
    const site = siteOfDocument({ hostname: '' }, 'https://www.example.org');
    expect(site).toBe('www.example.org');
    expect(isSiteAllowed(site, blocked)).toBe(false);
  });
  it('is empty for an opaque origin', () => {
    expect(siteOfDocument({ hostname: '' }, 'null')).toBe('');
  });
});
