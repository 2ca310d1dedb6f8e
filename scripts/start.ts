/**
 * `npm start`: opens Chromium with the freshly built extension on a sample health article, so you
 * can try it as a reader would. Close the browser window to stop.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../tests/support/browsers';
import { CHROME_BUILD, requireBuild } from '../tests/support/extension';
import { startFixtureServer } from '../tests/support/server';

const dir = requireBuild(CHROME_BUILD);
const { server, url } = await startFixtureServer();
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hg-start-')), {
  executablePath: chromiumPath(),
  headless: false,
  viewport: null,
  args: ['--no-first-run', '--disable-background-networking', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${url}/article.html`);
console.log(`Chromium is open on ${url}/article.html with Health Glossary loaded. Close the window to stop.`);
context.on('close', () => server.close());
