/**
 * Mozilla's linter (addons-linter, through web-ext) on the Firefox build: fails on any error and on
 * any warning about the manifest. Code warnings are printed; the two known ones are Preact's own
 * `innerHTML` path for dangerouslySetInnerHTML, which this project never uses.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FIREFOX_BUILD, requireBuild } from '../support/extension';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
const dir = requireBuild(FIREFOX_BUILD);
const bin = fileURLToPath(new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url));
let raw: string;
try {
  raw = execFileSync(process.execPath, [bin, 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
} catch (error) {
  // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
  raw = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(raw) as { errors: LintMessage[]; warnings: LintMessage[] };
const manifestWarnings = report.warnings.filter((w) => !w.file || w.file === 'manifest.json' || w.code.startsWith('MANIFEST'));
for (const e of report.errors) console.log(`  ✗ error ${e.code}: ${e.message} (${e.file ?? ''})`);
for (const w of report.warnings) console.log(`  ${manifestWarnings.includes(w) ? '✗' : '·'} warning ${w.code}: ${w.message} (${w.file ?? ''})`);
const failed = report.errors.length + manifestWarnings.length;
console.log(`${failed === 0 ? 1 : 0} passed, ${failed === 0 ? 0 : 1} failed`);
process.exitCode = failed ? 1 : 0;
