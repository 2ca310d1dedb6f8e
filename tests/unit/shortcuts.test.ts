import { describe, expect, it } from 'vitest';
import { matchesShortcut, parseShortcut } from '../../utils/shortcuts';

const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey', boolean>> = {}, code = '') => ({
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  metaKey: false,
  key: k,
  code,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('parses what people write', () => {
    expect(parseShortcut('Alt+Shift+ArrowRight')).toEqual({ alt: true, ctrl: false, shift: true, meta: false, key: 'ArrowRight' });
    expect(parseShortcut('ctrl + K')).toEqual({ alt: false, ctrl: true, shift: false, meta: false, key: 'k' });
    expect(parseShortcut('Shift')).toBeNull();
    expect(parseShortcut('Hyper+K')).toBeNull();
    expect(parseShortcut('')).toBeNull();
  });

  it('matches exactly the modifiers asked for', () => {
    const next = parseShortcut('Alt+Shift+ArrowRight');
    expect(matchesShortcut(key('ArrowRight', { altKey: true, shiftKey: true }), next)).toBe(true);
    expect(matchesShortcut(key('ArrowRight', { altKey: true }), next)).toBe(false);
    expect(matchesShortcut(key('ArrowRight', { altKey: true, shiftKey: true, ctrlKey: true }), next)).toBe(false);
  });

  it('matches letters whatever the case or the layout', () => {
    const s = parseShortcut('Alt+Shift+N');
    expect(matchesShortcut(key('N', { altKey: true, shiftKey: true }), s)).toBe(true);
    expect(matchesShortcut(key('˜', { altKey: true, shiftKey: true }, 'KeyN'), s)).toBe(true);
  });
});
