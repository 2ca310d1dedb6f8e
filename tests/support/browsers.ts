import { existsSync } from 'node:fs';

/**
 * Where the test browsers are. Debian's packages by default; an environment variable points
 * elsewhere. A missing browser fails the run with the command that installs it: tests are never
 * skipped for want of a browser.
 */
function resolve(envVar: string, fallback: string, install: string): string {
  const path = process.env[envVar] || fallback;
  if (!existsSync(path))
    throw new Error(
      `No browser at ${path}. Install it with \`${install}\`, or set ${envVar} to the browser's executable.`,
    );
  return path;
}

export const chromiumPath = () => resolve('CHROMIUM_PATH', '/usr/bin/chromium', 'sudo apt-get install -y chromium');
export const firefoxPath = () => resolve('FIREFOX_PATH', '/usr/bin/firefox-esr', 'sudo apt-get install -y firefox-esr');

/** Chromium flags for tests: no background traffic (this machine has no network, and we test that none leaves). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
