import type { Rule } from '../engine/types.js';

/** A table of the rules: id, default severity, the presets that turn each on, and what it checks. */
export function listRules(rules: ReadonlyArray<Rule<any>>): string {
  const rows = rules.map((rule) => [
    rule.id,
    rule.severity,
    rule.recommended ? 'recommended, strict' : 'strict',
    rule.description,
  ]);
  const header = ['rule', 'severity', 'presets', 'description'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return `${[line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n`;
}
