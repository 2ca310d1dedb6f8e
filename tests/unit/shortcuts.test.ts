import { describe, expect, it } from 'vitest';
import { checkTermKey, describeShortcut, matchesShortcut, parseShortcut, shortcutFromEvent } from '../../utils/shortcuts';

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

describe('choosing keys in options', () => {
  it('records a key press as text that matches the same press', () => {
    const press = { altKey: true, ctrlKey: false, shiftKey: true, metaKey: false, key: 'Ñ', code: 'KeyN' };
    const spec = shortcutFromEvent(press)!;
    expect(spec).toBe('Alt+Shift+n');
    expect(matchesShortcut(press, parseShortcut(spec))).toBe(true);
    const space = { altKey: true, ctrlKey: false, shiftKey: false, metaKey: false, key: ' ', code: 'Space' };
    expect(matchesShortcut(space, parseShortcut(shortcutFromEvent(space)!))).toBe(true);
    expect(shortcutFromEvent({ ...press, key: 'Shift', code: 'ShiftLeft' })).toBeNull();
  });

  it('says the keys the way people say them', () => {
    expect(describeShortcut('Alt+Shift+ArrowRight')).toBe('Alt + Shift + Right arrow');
    expect(describeShortcut('Ctrl+Alt+n')).toBe('Ctrl + Alt + N');
  });

  it('refuses keys that would take the page\'s own keys, or the same keys twice', () => {
    expect(checkTermKey('Shift+n', 'Alt+Shift+ArrowLeft')).toMatch(/Hold Alt, Ctrl or Meta/u);
    expect(checkTermKey('Alt+Shift+ArrowLeft', 'Alt+Shift+ArrowLeft')).toMatch(/different keys/u);
    expect(checkTermKey('Alt+j', 'Alt+k')).toBeNull();
  });
});
