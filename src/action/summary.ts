import type { LintResult } from '../engine/types.js';
import { displayPath } from '../reporters/paths.js';

/** Findings shown per file in the job summary; the annotations carry all of them. */
const TOP_FINDINGS = 10;

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The Markdown job summary: totals, a table per file, and each file's top findings. */
export function jobSummary(results: LintResult[], cwd: string, note?: string): string {
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const lines = ['## pm-lint', ''];
  if (note) lines.push(note, '');
  if (results.length === 0) return `${lines.join('\n')}No postmortems to lint.\n`;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    errors + warnings === 0
      ? `✅ ${plural(results.length, 'file')} linted: no problems.`
      : `${errors > 0 ? '❌' : '⚠️'} ${plural(results.length, 'file')} linted: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
    '',
    '| File | Errors | Warnings |',
    '| --- | ---: | ---: |',
  );
  for (const result of results) {
    lines.push(`| \`${escapeCell(displayPath(result.filePath, cwd))}\` | ${result.errorCount} | ${result.warningCount} |`);
  }
  for (const result of results.filter((candidate) => candidate.messages.length > 0)) {
    const top = [...result.messages].sort((a, b) => b.severity - a.severity || a.line - b.line).slice(0, TOP_FINDINGS);
    lines.push('', `<details><summary><code>${displayPath(result.filePath, cwd)}</code>: ${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}</summary>`, '');
    for (const message of top) {
      const ruleIds = [message.ruleId, ...(message.duplicates ?? []).map((duplicate) => duplicate.ruleId)].filter(Boolean);
      const rule = ruleIds.length > 0 ? ` (${ruleIds.map((id) => `\`${id}\``).join(', ')})` : '';
      lines.push(`- line ${message.line}: **${message.severity === 2 ? 'error' : 'warning'}** ${escapeCell(message.message)}${rule}`);
    }
    if (result.messages.length > top.length) lines.push(`- … and ${result.messages.length - top.length} more (see the annotations)`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
