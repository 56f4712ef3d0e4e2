import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText, loadPlugins } from '../src/api/lint.js';
import { ConfigError } from '../src/config/types.js';
import { nameFromSpecifier } from '../src/config/plugins.js';
import { packageRoot } from '../src/util/package-root.js';
import { COMPLETE, tempTree } from './helpers.js';
import { jsonReport, runCli } from './helpers/cli.js';

/** A plugin with a working rule, a rule that throws and one that reports outside the document. */
const ACME = `export default {
  rules: [
    {
      id: 'no-foo', description: 'Reports "foo".', severity: 'error',
      messages: { foo: 'Unexpected "foo", expected "{{expected}}".' },
      schema: { type: 'object', additionalProperties: false, properties: { expected: { type: 'string', default: 'bar', description: 'The word to use.' } } },
      check(document, context) {
        for (const match of document.text.matchAll(/\\bfoo\\b/g)) {
          context.report({ offsets: { start: match.index, end: match.index + 3 }, messageId: 'foo', data: { expected: context.options.expected } });
        }
      },
    },
    { id: 'throws', description: 'Throws.', severity: 'error', messages: { x: 'x' }, schema: { type: 'object' }, check() { throw new Error('kaboom'); } },
    { id: 'outside', description: 'Reports past the end.', severity: 'warn', messages: { x: 'x' }, schema: { type: 'object' },
      check(document, context) { context.report({ offsets: { start: 0, end: document.text.length + 5 }, messageId: 'x' }); } },
  ],
};
`;
const DOCUMENT = `${COMPLETE}\nA foo here.\n`;
const FOO_LINE = COMPLETE.split('\n').length + 1;

function project(config: Record<string, unknown>, extra: Record<string, string> = {}): string {
  return tempTree({ '.pmlintrc.json': JSON.stringify(config), 'tools/pm-lint-acme.mjs': ACME, 'docs/a.md': DOCUMENT, ...extra });
}

describe('plugins', () => {
  it('loads rules from a path in the configuration, namespaced and off until configured; a throwing or misplacing rule is one internal error naming the plugin', () => {
    const root = project({ plugins: ['./tools/pm-lint-acme.mjs'], rules: { 'acme/no-foo': ['error', { expected: 'baz' }], 'acme/throws': 'error', 'acme/outside': 'warn' } });
    const result = runCli(['docs', '-f', 'json'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(jsonReport(result.stdout, root)['docs/a.md']).toEqual([
      '1:1 2 acme/outside Internal error in rule "acme/outside" (plugin ./tools/pm-lint-acme.mjs): reported an invalid position (0–' +
        `${DOCUMENT.length + 5} in a document of ${DOCUMENT.length} characters). This is a bug in the rule; please report it to the plugin's authors with the document that caused it.`,
      '1:1 2 acme/throws Internal error in rule "acme/throws" (plugin ./tools/pm-lint-acme.mjs): kaboom. This is a bug in the rule; please report it to the plugin\'s authors with the document that caused it.',
      `${FOO_LINE}:3 2 acme/no-foo Unexpected "foo", expected "baz".`,
    ]);
    // Loaded but not configured: off.
    const quiet = project({ plugins: ['./tools/pm-lint-acme.mjs'] });
    expect(runCli(['docs'], quiet).code).toBe(0);
  });

  it('--no-plugins runs no plugin code: their rules are skipped with a notice, and the rest is linted', () => {
    const root = project({ plugins: ['./tools/pm-lint-acme.mjs', './tools/evil.mjs'], rules: { 'acme/no-foo': 'error', 'no-empty-sections': 'error' } }, {
      'tools/evil.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify('PWNED')}, 'ran'); export default [];`,
    });
    const result = runCli(['--no-plugins', 'docs', '-f', 'json'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        `pm-lint: plugins are disabled: the plugin "./tools/pm-lint-acme.mjs" (${join(root, '.pmlintrc.json')}: plugins[0]) was not loaded, and its rules were not run.`,
        `pm-lint: plugins are disabled: the plugin "./tools/evil.mjs" (${join(root, '.pmlintrc.json')}: plugins[1]) was not loaded, and its rules were not run.`,
        '',
      ].join('\n'),
    );
    expect(jsonReport(result.stdout, root)).toEqual({ 'docs/a.md': [] });
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
    // Without --no-plugins the same configuration does run it.
    runCli(['docs'], root);
    expect(existsSync(join(root, 'PWNED'))).toBe(true);
  });

  it('never loads code it merely finds: a plugin-looking file in the linted tree is not run', () => {
    const root = tempTree({
      'docs/a.md': COMPLETE,
      'docs/pm-lint-plugin-evil.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify('PWNED')}, 'ran'); export default [];`,
      'docs/node_modules/pm-lint-plugin-evil/index.js': `require('node:fs').writeFileSync('PWNED', 'ran');`,
    });
    expect(runCli(['docs'], root).code).toBe(0);
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
  });

  it('lists every problem of plugins that cannot be used as configuration errors (exit 2)', () => {
    const root = project(
      { plugins: ['./tools/missing.mjs', 'pm-lint-plugin-absent', './tools/bad.mjs', './tools/broken.mjs'] },
      {
        'tools/bad.mjs': `export default { name: 'bad', rules: [{ id: 'Bad Id', severity: 'loud', messages: {}, schema: [], check: 1, supersedes: 'no-placeholders' }] };`,
        'tools/broken.mjs': 'export default {',
      },
    );
    const result = runCli(['docs'], root);
    expect(result.code).toBe(2);
    const config = join(root, '.pmlintrc.json');
    expect(result.stderr.split('\n').slice(0, 5)).toEqual([
      'pm-lint: invalid configuration:',
      `  ${config}: plugins[0]: cannot find the plugin "./tools/missing.mjs" (no file ${join(root, 'tools/missing.mjs')})`,
      `  ${config}: plugins[1]: cannot find the plugin package "pm-lint-plugin-absent" (install it where the configuration is, or give a path starting with "./")`,
      `  ${config}: plugins[2]: the plugin "./tools/bad.mjs" has invalid rules: rule "Bad Id": "id" must be kebab-case, such as "no-foo"; "description" must be a sentence; "severity" must be "error" or "warn"; "messages" must map message ids to templates; "schema" must be a JSON Schema object for the options; "check" must be a function; "supersedes" must be a list of rule ids`,
      `  ${config}: plugins[3]: cannot load the plugin "./tools/broken.mjs": Unexpected end of input`,
    ]);
  });

  it('reports an unknown plugin rule with the plugins loaded, and invalid plugin rule options', () => {
    const root = project({ plugins: ['./tools/pm-lint-acme.mjs'], rules: { 'acme/no-fo': 'error', 'acme/no-foo': ['error', { expected: 3 }], 'other/rule': 'warn' } });
    const result = runCli(['docs'], root);
    expect(result.code).toBe(2);
    const config = join(root, '.pmlintrc.json');
    expect(result.stderr).toBe(
      [
        'pm-lint: invalid configuration:',
        `  ${config}: rules.acme/no-fo: unknown rule "acme/no-fo" (did you mean "acme/no-foo"?): the plugins loaded here are "acme"`,
        `  ${config}: rules.acme/no-foo[1].expected: must be of type string`,
        `  ${config}: rules.other/rule: unknown rule "other/rule": the plugins loaded here are "acme"`,
        '',
      ].join('\n'),
    );
  });

  it('loads a plugin package installed beside the configuration, ESM-only or CommonJS, and names it after the package', () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ plugins: ['pm-lint-plugin-esm', '@corp/pm-lint-cjs'], rules: { 'esm/no-foo': 'error', 'cjs/no-foo': 'warn' } }),
      'node_modules/pm-lint-plugin-esm/package.json': JSON.stringify({ name: 'pm-lint-plugin-esm', type: 'module', exports: { '.': { import: './index.js' } } }),
      'node_modules/pm-lint-plugin-esm/index.js': ACME,
      'node_modules/@corp/pm-lint-cjs/package.json': JSON.stringify({ name: '@corp/pm-lint-cjs', main: 'main.cjs' }),
      'node_modules/@corp/pm-lint-cjs/main.cjs': ACME.replace('export default', 'module.exports ='),
      'docs/a.md': DOCUMENT,
    });
    const result = runCli(['docs', '-f', 'json'], root);
    expect(result.stderr).toBe('');
    expect(jsonReport(result.stdout, root)['docs/a.md']).toEqual([
      `${FOO_LINE}:3 1 cjs/no-foo Unexpected "foo", expected "bar".`,
      `${FOO_LINE}:3 2 esm/no-foo Unexpected "foo", expected "bar".`,
    ]);
    expect(['pm-lint-plugin-acme', '@corp/pm-lint-acme', './tools/pm-lint-acme.mjs', 'pm-lint-acme', './x/Acme.JS'].map(nameFromSpecifier)).toEqual(['acme', 'acme', 'acme', 'acme', 'acme']);
  });

  it('refuses two plugins with one name', () => {
    const root = project({ plugins: ['./tools/pm-lint-acme.mjs', './other/acme.mjs'] }, { 'other/acme.mjs': ACME });
    const result = runCli(['docs'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the plugins "./tools/pm-lint-acme.mjs" and "./other/acme.mjs" are both named "acme"; give one a different "name"');
  });

  it('API: lintFiles loads plugins; lintText uses them once loadPlugins has, and says how otherwise; plugins: false skips them', async () => {
    const root = project({ plugins: ['./tools/pm-lint-acme.mjs'], rules: { 'acme/no-foo': 'error' } }, { 'fresh/.pmlintrc.json': JSON.stringify({ root: true, plugins: ['./fresh.mjs'], rules: { 'fresh/no-foo': 'error' } }), 'fresh/fresh.mjs': ACME });
    const { results } = await lintFiles(['docs'], { cwd: root });
    expect(results[0]!.messages.map((message) => message.ruleId)).toEqual(['acme/no-foo']);
    expect(lintText(DOCUMENT, { cwd: root, filePath: 'docs/b.md' }).messages.map((message) => message.ruleId)).toEqual(['acme/no-foo']);
    expect(() => lintText(DOCUMENT, { cwd: root, filePath: 'fresh/b.md' })).toThrow(ConfigError);
    expect(() => lintText(DOCUMENT, { cwd: root, filePath: 'fresh/b.md' })).toThrow(/the plugin "\.\/fresh\.mjs" is not loaded: loading is asynchronous, so call "await loadPlugins\(\.\.\.\)" before lintText or loadConfig/);
    expect(await loadPlugins(['fresh/b.md'], { cwd: root })).toEqual([]);
    expect(lintText(DOCUMENT, { cwd: root, filePath: 'fresh/b.md' }).messages.map((message) => message.ruleId)).toEqual(['fresh/no-foo']);
    const off = await lintFiles(['docs'], { cwd: root, plugins: false });
    expect(off.results[0]!.messages).toEqual([]);
    expect(off.notices).toEqual([`plugins are disabled: the plugin "./tools/pm-lint-acme.mjs" (${join(root, '.pmlintrc.json')}: plugins[0]) was not loaded, and its rules were not run.`]);
  });
});

describe('the GitHub Action and plugins', () => {
  const main = join(packageRoot(), 'dist', 'src', 'action', 'main.js');

  function runAction(root: string, fork: boolean, allow?: string) {
    const event = join(root, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: 'x' }, head: { repo: { fork } } } }));
    mkdirSync(join(root, 'out'), { recursive: true });
    try {
      const stdout = execFileSync(process.execPath, [main], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_WORKSPACE: root, GITHUB_EVENT_PATH: event, INPUT_PATHS: 'docs', GITHUB_STEP_SUMMARY: join(root, 'out/summary.md'), GITHUB_OUTPUT: join(root, 'out/output'), ...(allow ? { INPUT_ALLOW_PLUGINS_ON_FORKS: allow } : {}) },
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      return { code: failed.status, stdout: failed.stdout };
    }
  }

  it('does not load plugins for a pull request from a fork unless allow-plugins-on-forks is true', () => {
    const root = project({ plugins: ['./tools/pm-lint-acme.mjs'], rules: { 'acme/no-foo': 'error' } });
    const fork = runAction(root, true);
    expect(fork.code).toBe(0);
    expect(fork.stdout).toContain('::warning title=pm-lint::plugins are disabled: the plugin "./tools/pm-lint-acme.mjs"');
    expect(fork.stdout).toContain('set the input allow-plugins-on-forks to true to trust its plugins');
    expect(fork.stdout).not.toContain('acme/no-foo');
    const allowed = runAction(root, true, 'true');
    expect(allowed.code).toBe(1);
    expect(allowed.stdout).toContain('(acme/no-foo)::Unexpected "foo", expected "bar".');
    const sameRepository = runAction(root, false);
    expect(sameRepository.code).toBe(1);
    expect(sameRepository.stdout).toContain('(acme/no-foo)');
  });
});
