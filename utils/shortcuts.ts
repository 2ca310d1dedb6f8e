/**
 * Keyboard shortcuts written as people read them: "Alt+Shift+ArrowRight". Modifiers in any
 * order; the key is a KeyboardEvent.key value (letters in any case).
 */
export interface Shortcut {
  alt: boolean;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
  key: string;
}

const MODIFIERS = new Set(['alt', 'ctrl', 'control', 'shift', 'meta', 'cmd']);

export function parseShortcut(spec: string): Shortcut | null {
  const parts = spec
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const written = parts[parts.length - 1]!;
  if (MODIFIERS.has(written.toLowerCase())) return null;
  // Keys that cannot be written as themselves in "A+B" text.
  const key = ({ plus: '+', space: ' ' } as Record<string, string>)[written.toLowerCase()] ?? written;
  const mods = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
  for (const m of mods) if (!MODIFIERS.has(m)) return null;
  return {
    alt: mods.has('alt'),
    ctrl: mods.has('ctrl') || mods.has('control'),
    shift: mods.has('shift'),
    meta: mods.has('meta') || mods.has('cmd'),
    key: key.length === 1 ? key.toLowerCase() : key,
  };
}

/** Whether a key press is the shortcut (Shift+letter gives an upper-case key: compared without case). */
export function matchesShortcut(
  e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey' | 'key' | 'code'>,
  shortcut: Shortcut | null,
): boolean {
  if (!shortcut) return false;
  if (e.altKey !== shortcut.alt || e.ctrlKey !== shortcut.ctrl || e.shiftKey !== shortcut.shift || e.metaKey !== shortcut.meta)
    return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  // With Alt held, some layouts report another character for e.key: fall back to the physical key.
  if (key === shortcut.key) return true;
  return shortcut.key.length === 1 && e.code === `Key${shortcut.key.toUpperCase()}`;
}

/** Whether keys typed at this element belong to the page (a field, an editor): never take them. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || (target as Node).nodeType !== 1) return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'searchbox' || role === 'combobox';
}

const KEY_NAMES: Record<string, string> = {
  ArrowRight: 'Right arrow',
  ArrowLeft: 'Left arrow',
  ArrowUp: 'Up arrow',
  ArrowDown: 'Down arrow',
  ' ': 'Space',
};

/** "Alt+Shift+ArrowRight" as people say it: "Alt + Shift + Right arrow". */
export function describeShortcut(spec: string): string {
  const parsed = parseShortcut(spec);
  if (!parsed) return spec;
  const parts = [parsed.ctrl && 'Ctrl', parsed.alt && 'Alt', parsed.shift && 'Shift', parsed.meta && 'Meta'].filter(Boolean) as string[];
  const key = KEY_NAMES[parsed.key] ?? (parsed.key.length === 1 ? parsed.key.toUpperCase() : parsed.key);
  return [...parts, key].join(' + ');
}

/**
 * The shortcut a key press makes, as "Alt+Shift+KeyName", or null while only modifiers are down.
 * Letters are taken from the physical key: with Alt held, some layouts report another character.
 */
export function shortcutFromEvent(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey' | 'key' | 'code'>): string | null {
  if (['Alt', 'Control', 'Shift', 'Meta', 'AltGraph', 'OS'].includes(e.key)) return null;
  let key = e.key;
  if (/^Key[A-Z]$/u.test(e.code)) key = e.code.slice(3).toLowerCase();
  else if (/^Digit\d$/u.test(e.code)) key = e.code.slice(5);
  else if (key.length === 1) key = key.toLowerCase();
  if (key === '+') key = 'Plus';
  else if (key === ' ') key = 'Space';
  const mods = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift', e.metaKey && 'Meta'].filter(Boolean);
  return [...mods, key].join('+');
}

/**
 * Why a shortcut cannot be used for walking between terms, or null. Without Alt, Ctrl or Meta it
 * would take keys readers use to scroll and type on the page.
 */
export function checkTermKey(spec: string, other: string): string | null {
  const parsed = parseShortcut(spec);
  if (!parsed) return 'Those keys could not be read. Try again.';
  if (!parsed.alt && !parsed.ctrl && !parsed.meta) return 'Hold Alt, Ctrl or Meta with the key, so it does not clash with scrolling and typing.';
  const o = parseShortcut(other);
  if (o && JSON.stringify(o) === JSON.stringify(parsed)) return 'The next and previous term need different keys.';
  return null;
}
