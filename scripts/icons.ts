/**
 * `npm run icons`: renders assets/icon.svg to the PNG sizes the stores and browsers ask for
 * (public/icon/<size>.png, which WXT puts in the manifest). Run after changing the drawing; the
 * PNGs are committed so that a build needs no browser.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/browsers';

const SIZES = [16, 32, 48, 96, 128] as const;
const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const out = new URL('../public/icon/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: `${out}${size}.png`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons: ${SIZES.map((s) => `${s}px`).join(', ')} in public/icon/`);
