import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../engine/types.js';
import { closest } from '../../model/text/normalize.js';
import { packageRoot } from '../../util/package-root.js';

/**
 * `pm-lint --explain <rule>`: the rule's README for the terminal. HTML used for folding
 * examples on GitHub is dropped; the Markdown itself reads well as text.
 */
export function explainRule(id: string, rules: ReadonlyArray<Rule<any>>): { text: string } | { error: string } {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) {
    const hint = closest(id, rules.map((candidate) => candidate.id));
    return { error: `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; "pm-lint --list-rules" lists them` };
  }
  const path = join(packageRoot(), 'rules', id, 'README.md');
  const readme = existsSync(path) ? readFileSync(path, 'utf8') : `# ${id}\n\n${rule.description}\n`;
  const text = readme
    .replace(/<!-- pm-lint:generated:(start|end) -->\n?/g, '')
    .replace(/<\/?details>\n?/g, '')
    .replace(/<summary>(.*?)<\/summary>/g, '### $1');
  return { text: `${text.trimEnd()}\n` };
}
