import type { Reporter } from './types.js';
import { displayPath } from './paths.js';

function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** JUnit XML: one test case per file, failing when the file has errors; warnings go to system-out. */
export const junit: Reporter = (results, context) => {
  const failures = results.filter((result) => result.errorCount > 0).length;
  const cases = results.map((result) => {
    const name = escapeXml(displayPath(result.filePath, context.cwd));
    const lines = result.messages.map(
      (message) =>
        `${message.line}:${message.column} ${message.severity === 2 ? 'error' : 'warning'} ${message.message}${message.ruleId ? ` (${message.ruleId})` : ''}`,
    );
    const body = escapeXml(lines.join('\n'));
    if (result.errorCount > 0) {
      const summary = `${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}`;
      return `    <testcase classname="pm-lint" name="${name}">\n      <failure type="error" message="${summary}">${body}</failure>\n    </testcase>`;
    }
    if (lines.length > 0) {
      return `    <testcase classname="pm-lint" name="${name}">\n      <system-out>${body}</system-out>\n    </testcase>`;
    }
    return `    <testcase classname="pm-lint" name="${name}" />`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pm-lint" tests="${results.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="pm-lint" tests="${results.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
