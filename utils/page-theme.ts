import { useEffect, useState } from 'preact/hooks';
import { watchSettings, type Theme } from './settings';

/**
 * The reader's colour choice for our own pages (popup, options): sets `data-theme` on <html> for
 * "light" or "dark" and leaves it off for "auto", so the CSS follows the device. Returns the theme.
 */
export function usePageTheme(): Theme {
  const [theme, setTheme] = useState<Theme>('auto');
  useEffect(() => watchSettings((s) => setTheme(s.theme)), []);
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
