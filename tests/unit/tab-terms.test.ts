import { describe, expect, it } from 'vitest';
import { allReported, mergeReports } from '../../entrypoints/popup/tab';
import type { FrameReport } from '../../utils/messages';

const report = (frame: string, top: boolean, terms: [string, number][], active = true, childFrames = 0): FrameReport => ({
  type: 'frame-terms',
  frame,
  top,
  childFrames,
  reply: { active, hostname: top ? 'portal.example' : 'lab.example', terms: terms.map(([id, count]) => ({ id, term: id, count })) },
});

describe('the terms of a tab, merged from its frames', () => {
  it('puts the top page first whatever order the frames answered in, and sums counts', () => {
    const merged = mergeReports([
      report('lab', false, [['cortisol', 2], ['serotonin', 1]]),
      report('top', true, [['serotonin', 3], ['insulin', 1]]),
    ])!;
    expect(merged.terms.map((t) => [t.id, t.count])).toEqual([
      ['serotonin', 4],
      ['insulin', 1],
      ['cortisol', 2],
    ]);
    expect(merged.hostname).toBe('portal.example');
    // A term shown from the popup opens where it first appears: the top page when it is there.
    expect(merged.frameOf.get('serotonin')).toBe('top');
    expect(merged.frameOf.get('cortisol')).toBe('lab');
  });

  it('leaves out frames where highlighting is off, and says off only when it is off everywhere', () => {
    const merged = mergeReports([report('top', true, [], false), report('lab', false, [['cortisol', 1]])])!;
    expect(merged.active).toBe(true);
    expect(merged.terms.map((t) => t.id)).toEqual(['cortisol']);
    const off = mergeReports([report('top', true, [], false), report('ad', false, [['insulin', 1]], false)])!;
    expect(off.active).toBe(false);
    expect(off.terms).toEqual([]);
  });

  it('is null when no frame could be read', () => {
    expect(mergeReports([])).toBeNull();
  });

  it('waits for the top frame, then for as many frames as the frames say they hold', () => {
    const lab = report('lab', false, [], true, 1);
    const inner = report('inner', false, []);
    const top = report('top', true, [], true, 2);
    const ad = report('ad', false, []);
    // A frame that answers first says nothing of how many others there are.
    expect(allReported([inner])).toBe(false);
    expect(allReported([inner, top])).toBe(false);
    expect(allReported([inner, top, lab])).toBe(false);
    expect(allReported([inner, top, lab, ad])).toBe(true);
    expect(allReported([report('alone', true, [])])).toBe(true);
  });
});
