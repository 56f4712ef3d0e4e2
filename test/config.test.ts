import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText, loadConfig } from '../src/api/lint.js';
import { ConfigError } from '../src/config/types.js';
import { COMPLETE, INCOMPLETE, tempTree } from './helpers.js';

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration discovery', () => {
  it('uses pm-lint:recommended when there is no configuration', () => {
    const root = tempTree({ 'doc.md': INCOMPLETE });
    const config = loadConfig(join(root, 'doc.md'), { cwd: root });
    expect(config.ruleSettings['required-sections']!.severity).toBe('error');
    expect(config.ruleSettings['no-empty-sections']!.severity).toBe('warn');
    expect(config.sources).toEqual(['pm-lint:recommended']);
  });

  it('merges configurations walking up; the nearest wins; root: true stops the walk', () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ rules: { 'no-empty-sections': 'off', 'required-sections': 'warn' } }),
      'team/.pmlintrc.yaml': 'root: true\nrules:\n  required-sections: [error, { order: true }]\n',
      'team/sub/pm-lint.config.json': JSON.stringify({ rules: { 'required-sections': 'warn' } }),
      'team/sub/doc.md': INCOMPLETE,
      'other/doc.md': INCOMPLETE,
    });
    const nested = loadConfig(join(root, 'team/sub/doc.md'), { cwd: root });
    // The team file has root: true, so the top file's "no-empty-sections: off" does not apply.
    expect(nested.ruleSettings['no-empty-sections']!.severity).toBe('warn');
    // The nearest file sets the severity and keeps the options of the farther one.
    expect(nested.ruleSettings['required-sections']).toMatchObject({ severity: 'warn', options: { order: true } });
    expect(nested.sources).toEqual([
      'pm-lint:recommended',
      join(root, 'team/.pmlintrc.yaml'),
      join(root, 'team/sub/pm-lint.config.json'),
    ]);
    const other = loadConfig(join(root, 'other/doc.md'), { cwd: root });
    expect(other.ruleSettings['no-empty-sections']!.severity).toBe('off');
    expect(other.ruleSettings['required-sections']!.severity).toBe('warn');
  });

  it('reads a "pm-lint" key in package.json and ignores a package.json without one', () => {
    const root = tempTree({
      'package.json': JSON.stringify({ name: 'docs', 'pm-lint': { rules: { 'required-sections': 'off' } } }),
      'a/package.json': JSON.stringify({ name: 'a' }),
      'a/doc.md': INCOMPLETE,
    });
    expect(loadConfig(join(root, 'a/doc.md'), { cwd: root }).ruleSettings['required-sections']!.severity).toBe('off');
  });

  it('prefers .pmlintrc.json over the other names in one directory', () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ rules: { 'required-sections': 'warn' } }),
      '.pmlintrc.yaml': 'rules:\n  required-sections: off\n',
      'doc.md': INCOMPLETE,
    });
    expect(loadConfig(join(root, 'doc.md'), { cwd: root }).sources).toEqual(['pm-lint:recommended', join(root, '.pmlintrc.json')]);
  });

  it('--config replaces the search', () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ rules: { 'required-sections': 'off' } }),
      'ci.json': JSON.stringify({ extends: 'pm-lint:strict' }),
      'doc.md': INCOMPLETE,
    });
    const config = loadConfig(join(root, 'doc.md'), { cwd: root, configFile: 'ci.json' });
    expect(config.sources).toEqual(['pm-lint:strict', join(root, 'ci.json')]);
    expect(config.ruleSettings['required-sections']!.severity).toBe('error');
  });

  it('applies extends (a path, resolved from the extending file) before the file itself', () => {
    const root = tempTree({
      'shared/base.yaml': 'extends: pm-lint:strict\nrules:\n  no-empty-sections: error\n',
      'docs/.pmlintrc.json': JSON.stringify({ extends: '../shared/base.yaml', rules: { 'valid-front-matter': 'off' } }),
      'docs/doc.md': INCOMPLETE,
    });
    const config = loadConfig(join(root, 'docs/doc.md'), { cwd: root });
    expect(config.sources).toEqual(['pm-lint:strict', join(root, 'shared/base.yaml'), join(root, 'docs/.pmlintrc.json')]);
    expect(config.ruleSettings['no-empty-sections']!.severity).toBe('error');
    expect(config.ruleSettings['valid-front-matter']!.severity).toBe('off');
  });

  it('applies overrides to the files their globs match, relative to the configuration file', () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({
        overrides: [{ files: ['drafts/**'], rules: { 'required-sections': 'warn' }, settings: { sectionAliases: { impact: ['Blast'] } } }],
      }),
      'drafts/a.md': INCOMPLETE,
      'final/a.md': INCOMPLETE,
    });
    const draft = loadConfig(join(root, 'drafts/a.md'), { cwd: root });
    expect(draft.ruleSettings['required-sections']!.severity).toBe('warn');
    expect(draft.settings).toEqual({ sectionAliases: { impact: ['Blast'] } });
    expect(loadConfig(join(root, 'final/a.md'), { cwd: root }).ruleSettings['required-sections']!.severity).toBe('error');
  });

  it('uses settings.sectionAliases in every rule', () => {
    const text = INCOMPLETE.replace('## Summary', '## Fallout\n\nWide.\n\n## Summary');
    const missingImpact = (result: { messages: Array<{ message: string }> }) =>
      result.messages.some((message) => message.message.startsWith('Missing required section "Impact"'));
    expect(missingImpact(lintText(text))).toBe(true);
    expect(missingImpact(lintText(text, { config: { settings: { sectionAliases: { impact: ['Fallout'] } } } }))).toBe(false);
  });

  it('excludes files listed in ignores and .pmlintignore, except with ignore: false', async () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ ignores: ['templates/', '*.draft.md'] }),
      '.pmlintignore': '# generated\narchive/**\n',
      'templates/t.md': INCOMPLETE,
      'a.draft.md': INCOMPLETE,
      'archive/old.md': INCOMPLETE,
      'docs/ok.md': COMPLETE,
      'node_modules/pkg/readme.md': INCOMPLETE,
      '.git/x.md': INCOMPLETE,
    });
    const relative = (paths: string[]) => paths.map((path) => path.slice(root.length + 1));
    const { results } = await lintFiles(['.'], { cwd: root });
    expect(relative(results.map((result) => result.filePath))).toEqual(['docs/ok.md']);
    const all = await lintFiles(['.'], { cwd: root, ignore: false });
    expect(relative(all.results.map((result) => result.filePath))).toEqual(['a.draft.md', 'archive/old.md', 'docs/ok.md', 'templates/t.md']);
  });
});

describe('configuration validation', () => {
  const rootWith = (config: string, name = '.pmlintrc.json') => tempTree({ [name]: config, 'doc.md': COMPLETE });
  const load = (root: string) => () => loadConfig(join(root, 'doc.md'), { cwd: root });

  it('reports every problem with its key path and what was expected', () => {
    const root = rootWith(
      JSON.stringify({
        rulez: {},
        ignores: 'drafts',
        rules: {
          'required-section': 'error',
          'no-empty-sections': 'loud',
          'valid-front-matter': ['error', 5],
        },
      }),
    );
    expect(problems(load(root))).toEqual([
      ': unknown property "rulez" (did you mean "rules"?)',
      'ignores: must be of type array',
      'rules.required-section: unknown rule "required-section" (did you mean "required-sections"?)',
      'rules.no-empty-sections: must be "off", "warn" or "error"',
      'rules.valid-front-matter[1]: must be an object of options',
    ]);
  });

  it('checks a known rule\'s options against its schema, naming the option path', () => {
    const root = rootWith(
      JSON.stringify({ rules: { 'required-sections': ['error', { sections: [{ kind: 'summary' }, { aliases: 'x' }], order: 'yes', extra: 1 }] } }),
    );
    expect(problems(load(root))).toEqual([
      'rules.required-sections[1]: unknown property "extra" (expected one of: sections, order, templateLevels, acceptBoldHeadings, accept, skipIndexPages)',
      'rules.required-sections[1].sections[1]: must have one of the properties "kind" or "name"',
      'rules.required-sections[1].sections[1].aliases: must be of type array',
      'rules.required-sections[1].order: must be of type boolean',
    ]);
  });

  it('names the file and the syntax error of invalid JSON and YAML', () => {
    expect(problems(load(rootWith('{ "rules": { ,} }')))[0]).toMatch(/^: invalid JSON: .* at line 1, column 14$/);
    expect(problems(load(rootWith('rules:\n  a: [\n', '.pmlintrc.yaml')))[0]).toMatch(/^: invalid YAML: /);
    try {
      load(rootWith('{'))();
    } catch (error) {
      expect((error as ConfigError).problems[0]!.source).toMatch(/\.pmlintrc\.json$/);
    }
  });

  it('reports a missing extends file, an unknown preset and circular extends', () => {
    expect(problems(load(rootWith(JSON.stringify({ extends: ['pm-lint:recomended', './nope.json'] }))))).toEqual([
      'extends[0]: unknown preset "pm-lint:recomended" (expected "pm-lint:recommended" or "pm-lint:strict")',
      ': file not found',
    ]);
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ extends: './b.json' }),
      'b.json': JSON.stringify({ extends: './.pmlintrc.json' }),
      'doc.md': COMPLETE,
    });
    expect(problems(load(root))[0]).toMatch(/^extends: circular extends: .*\.pmlintrc\.json → .*b\.json → .*\.pmlintrc\.json$/);
  });

  it('rejects an unknown rule in --rule with a suggestion', () => {
    const root = tempTree({ 'doc.md': COMPLETE });
    expect(problems(() => loadConfig(join(root, 'doc.md'), { cwd: root, ruleOverrides: { 'no-empty-section': 'off' } }))).toEqual([
      'rules.no-empty-section: unknown rule "no-empty-section" (did you mean "no-empty-sections"?)',
    ]);
  });
});

describe('the published schema (schema/pmlintrc.schema.json)', () => {
  it('accepts a valid configuration and rejects wrong rule options, as editors will', async () => {
    const { compileSchema } = await import('../src/config/ajv.js');
    const { publishedConfigSchema } = await import('../src/config/schema.js');
    const { rules } = await import('../rules/index.js');
    const validate = compileSchema(publishedConfigSchema(rules));
    expect(
      validate({
        $schema: './node_modules/pm-lint/schema/pmlintrc.schema.json',
        extends: 'pm-lint:recommended',
        rules: { 'required-sections': ['error', { order: true }], 'no-empty-sections': 'off' },
        overrides: [{ files: 'drafts/**', rules: { 'required-sections': 1 } }],
      }),
    ).toBe(true);
    expect(validate({ rules: { 'required-sections': ['error', { order: 'yes' }] } })).toBe(false);
    expect(validate({ rules: { 'no-such-rule': 'error' } })).toBe(false);
  });
});
