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
  const key = parts[parts.length - 1]!;
  if (MODIFIERS.has(key.toLowerCase())) return null;
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
