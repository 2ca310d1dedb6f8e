import { describe, expect, it } from 'vitest';
import { isHealthPage } from '../../glossary/health-gate';

describe('whether a page is clearly about health', () => {
  it('says yes for a patient article dense with distinct terms', () => {
    expect(isHealthPage({ chars: 6000, unambiguous: 25, distinct: 10 })).toBe(true);
  });
  it('says no when only one kind of term appears, however often', () => {
    expect(isHealthPage({ chars: 6000, unambiguous: 20, distinct: 2 })).toBe(false);
  });
  it('says no for a long page with a few scattered terms', () => {
    expect(isHealthPage({ chars: 60000, unambiguous: 5, distinct: 4 })).toBe(false);
  });
});
