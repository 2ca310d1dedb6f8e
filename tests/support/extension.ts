import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

export const CHROME_BUILD = fileURLToPath(new URL('../../.output/chrome-mv3/', import.meta.url));
export const FIREFOX_BUILD = fileURLToPath(new URL('../../.output/firefox-mv3/', import.meta.url));

export function requireBuild(dir: string): string {
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`No extension build in ${dir}: run \`npm run build\` first.`);
  return dir;
}
