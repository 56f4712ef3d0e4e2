import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { lintText } from '../src/api/lint.js';
import { packageRoot } from '../src/util/package-root.js';
import type { LintMessage, Rule } from '../src/engine/types.js';

export const FIXTURES_DIR = join(packageRoot(), 'fixtures');

export interface Fixture {
  name: string;
  path: string;
  valid: boolean;
  text: string;
  options: Record<string, unknown> | undefined;
  /** A template the fixture is held to (`<base>.template` sidecar naming a file beside it): the configuration's `template:`. */
  template: string | undefined;
  expectedPath: string;
}

/**
 * The fixtures of a rule: fixtures/<id>/valid-*.md and invalid-*.md, with optional
 * *.options.json sidecars (the rule's options) and *.template sidecars (one line: the path,
 * relative to the fixture, of a template the fixture is held to, as `template:` would).
 */
export function ruleFixtures(ruleId: string): Fixture[] {
  const directory = join(FIXTURES_DIR, ruleId);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => /^(valid|invalid)-.*\.(md|markdown)$/.test(name))
    .sort()
    .map((name) => {
      const base = name.replace(/\.(md|markdown)$/, '');
      const optionsPath = join(directory, `${base}.options.json`);
      const templatePath = join(directory, `${base}.template`);
      return {
        name,
        path: join(directory, name),
        valid: name.startsWith('valid-'),
        text: readFileSync(join(directory, name), 'utf8'),
        options: existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Record<string, unknown>) : undefined,
        template: existsSync(templatePath) ? readFileSync(templatePath, 'utf8').trim() : undefined,
        expectedPath: join(directory, `${base}.expected`),
      };
    });
}

/** Lints a fixture with only its rule on, at the rule's default severity. */
export function lintFixture(rule: Rule<any>, fixture: Fixture): LintMessage[] {
  const setting = fixture.options ? [rule.severity, fixture.options] : rule.severity;
  // Relative to the project, as a configuration there would name it (messages show it).
  const root = packageRoot();
  const template = fixture.template === undefined ? {} : { template: relative(root, resolve(dirname(fixture.path), fixture.template)).split(sep).join('/') };
  return lintText(fixture.text, {
    cwd: root,
    filePath: fixture.path,
    config: { extends: [], rules: { [rule.id]: setting as never }, ...template },
  }).messages;
}

/** One line per message: `line:column-endLine:endColumn severity message`. */
export function formatExpected(messages: LintMessage[]): string {
  return messages
    .map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 2 ? 'error' : 'warn'} ${m.message}`)
    .join('\n')
    .concat(messages.length > 0 ? '\n' : '');
}
