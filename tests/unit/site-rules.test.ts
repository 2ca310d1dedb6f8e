import { describe, expect, it } from 'vitest';
import { checkSiteRule } from '../../utils/site-rules';

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
