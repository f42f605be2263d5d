// Prints "N passed, N failed" from vitest's JSON report (unit, ETL, chart and browser tests all
// run under vitest). A missing report, or a test file that failed to load, counts as a failure:
// never as zero tests.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`no test report at ${file}: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const suites = report.testResults ?? [];
// A file that crashed before running its tests has status "failed" and no failed assertion.
const brokenFiles = suites.filter(
  (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
);
for (const s of brokenFiles) console.log(`test file failed to run: ${s.name}: ${(s.message ?? '').split('\n')[0]}`);
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + brokenFiles.length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
