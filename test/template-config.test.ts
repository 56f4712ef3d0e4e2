import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';
import { jsonReport, runCli as run } from './helpers/cli.js';

const TEMPLATE = [
  '# Incident report: [title]',
  '',
  '**Date:** [YYYY-MM-DD]',
  '**Severity:** [SEV-1 | SEV-2 | SEV-3]',
  '',
  '## Summary',
  '',
  '[What happened, in two sentences]',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '|------|-------|',
  '| [HH:MM] | [Event] |',
  '',
  '## Root Cause',
  '',
  'How did it happen?',
  '',
  '## Action Items',
  '',
  '| Action | Owner | Due Date |',
  '|--------|-------|----------|',
  '| [Action] | [@owner] | [YYYY-MM-DD] |',
  '',
  '## Runbook used (optional)',
  '',
  '[Link to the runbook]',
  '',
].join('\n');

const doc = (severity: string, extra = '') => [
  '# Incident report: stale cache',
  '',
  '**Date:** 2026-04-02',
  `**Severity:** ${severity}`,
  '',
  '## Summary',
  '',
  'Prices were a day old for two hours after the cache warm-up failed.',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '|------|-------|',
  '| 06:00 | The warm-up job fails |',
  '| 08:05 | The cache is rebuilt |',
  '',
  '## Impact',
  '',
  'Shoppers saw old prices; checkout charged the right ones.',
  '',
  '## Root Cause',
  '',
  'The warm-up job exited without an error when the price service timed out.',
  '',
  '## Action Items',
  '',
  '| Action | Owner | Due Date |',
  '|--------|-------|----------|',
  '| Fail the warm-up job on a timeout | @ana | 2026-04-20 |',
  extra,
].join('\n');

describe('pm-lint init --template', () => {
  it('reads the template, prints what it read, and writes a configuration that names it', () => {
    const root = tempTree({ 'docs/postmortems/TEMPLATE.md': TEMPLATE, 'docs/postmortems/a.md': doc('SEV-3') });
    const init = run(['init', '--template', 'docs/postmortems/TEMPLATE.md'], root);
    expect(init).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Read docs/postmortems/TEMPLATE.md: 5 sections, 2 metadata fields, 1 action-item table, 11 placeholders, 3 instruction and 0 example blocks.',
        '  1. Summary → summary',
        '  2. Timeline → timeline',
        '  3. Root Cause → root-cause',
        '  4. Action Items → action-items',
        '  5. Runbook used → (own title) (optional)',
        'Metadata fields: Date, Severity',
        'Action-item columns: Action, Owner, Due Date',
        'Could not classify (required under their own title): Runbook used',
        'Wrote .pmlintrc.yaml (template: docs/postmortems/TEMPLATE.md). Run "pm-lint" to hold your postmortems to it.',
        '',
      ].join('\n'),
    });
    const config = readFileSync(join(root, '.pmlintrc.yaml'), 'utf8');
    expect(config).toContain('\ntemplate: "docs/postmortems/TEMPLATE.md"\n');
    expect(config).toContain('#   5. Runbook used → own title (optional)\n');
    expect(config).toContain("  # The template's action-item tables have no Priority column: not required.\n  action-item-fields: [error, { require: [owner, due] }]\n");
    expect(config).toContain('ignores:\n  - "docs/postmortems/TEMPLATE.md"\n');
    expect(config).toContain('scaffold:\n  directory: "docs/postmortems"\n');
    // The configuration is valid, the template itself is ignored, and a filled document passes.
    expect(JSON.parse(run(['--print-config', 'docs/postmortems/a.md'], root).stdout).template).toBe(join(root, 'docs/postmortems/TEMPLATE.md'));
    expect(run(['docs'], root)).toMatchObject({ code: 0, stdout: 'docs/postmortems/a.md: no issues found\n' });
    expect(run(['init', '--template', 'docs/postmortems/TEMPLATE.md'], root)).toMatchObject({
      code: 2,
      stderr: 'pm-lint: .pmlintrc.yaml already exists here; use --force to replace it with .pmlintrc.yaml\n',
    });
  });

  it('with --inline writes the sections as required-sections options, which hold documents to them', () => {
    const root = tempTree({ 'TEMPLATE.md': TEMPLATE, 'a.md': doc('SEV-3').replace('## Root Cause', '## Cause') });
    const init = run(['init', '--template', 'TEMPLATE.md', '--inline'], root);
    expect(init.stdout.split('\n').at(-2)).toBe('Wrote .pmlintrc.yaml with the template\'s sections as rule options. Edit it, then run "pm-lint".');
    const config = readFileSync(join(root, '.pmlintrc.yaml'), 'utf8');
    expect(config).not.toContain('\ntemplate:');
    expect(config).toContain([
      '  required-sections:',
      '    - error',
      '    - sections:',
      '        - { kind: summary, name: "Summary" }',
      '        - { kind: timeline, name: "Timeline" }',
      '        - { kind: root-cause, name: "Root Cause" }',
      '        - { kind: action-items, name: "Action Items" }',
      '        - { name: "Runbook used", required: false }',
    ].join('\n'));
    expect(config).toContain('scaffold:\n  directory: "docs/postmortems"\n  template: "/TEMPLATE.md"\n'.replace('"/TEMPLATE.md"', '"TEMPLATE.md"'));
    expect(run(['a.md'], root).code).toBe(0);
  });

  it('refuses a template it cannot read or that has no sections, and --inline without a template', () => {
    const root = tempTree({ 'flat.md': 'Just a note.\n' });
    expect(run(['init', '--template', 'missing.md'], root)).toMatchObject({ code: 2, stderr: 'pm-lint: the template missing.md cannot be read: file not found\n' });
    expect(run(['init', '--template', 'flat.md'], root)).toMatchObject({
      code: 2,
      stderr: 'pm-lint: found no sections in the template flat.md: title its parts with headings ("## Impact"), bold headings ("**Impact**") or labels ("**Impact:** […]")\n',
    });
    expect(run(['init', '--inline'], root)).toMatchObject({ code: 2, stderr: 'pm-lint: --inline needs --template PATH\n' });
  });
});

describe('template: PATH in the configuration', () => {
  it('is a configuration error when the template cannot be read (exit 2, no stack trace)', () => {
    const root = tempTree({ '.pmlintrc.yaml': 'template: nope.md\n', 'a.md': doc('SEV-3') });
    const result = run(['a.md'], root);
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `pm-lint: invalid configuration:\n  ${join(root, '.pmlintrc.yaml')}: template: the template nope.md cannot be read: file not found\n`,
    });
  });

  it('holds documents to the template: sections, text and values left in', () => {
    const root = tempTree({ '.pmlintrc.yaml': 'template: TEMPLATE.md\nignores: ["/TEMPLATE.md"]\n', 'TEMPLATE.md': TEMPLATE, 'a.md': doc('SEV-3').replace('The warm-up job exited', 'How did it happen?\n\nThe warm-up job exited').replace('## Summary', '## Overview') });
    expect(jsonReport(run(['-f', 'json', '.'], root).stdout, root)).toEqual({
      'a.md': [
        '23:1 2 no-placeholders Text of the template left in: "How did it happen?"; write this incident\'s own content in its place, or remove it.',
        '29:1 1 action-item-fields The action-item table has no Priority column: add one (Priority, Pri…).',
      ],
    });
  });

  it('is part of the cache key: editing the template re-lints the files held to it', () => {
    const root = tempTree({ '.pmlintrc.yaml': 'template: TEMPLATE.md\nignores: ["/TEMPLATE.md"]\nrules: { action-item-fields: off }\n', 'TEMPLATE.md': TEMPLATE, 'a.md': doc('SEV-3') });
    expect(run(['--cache', '.'], root)).toMatchObject({ code: 0, stderr: '' });
    writeFileSync(join(root, 'TEMPLATE.md'), `${TEMPLATE}\n## Customer Communication\n\n[What customers were told]\n`);
    const second = run(['--cache', '-f', 'json', '.'], root);
    expect(jsonReport(second.stdout, root)['a.md']).toEqual([
      '1:1 2 required-sections Missing section "Customer Communication" of the template TEMPLATE.md: add a heading such as "Customer Communication", "Communication".',
    ]);
  });

  it('is what "pm-lint new" starts from; the new file reports only what is to fill in', () => {
    const root = tempTree({
      '.pmlintrc.yaml': 'template: TEMPLATE.md\nrules: { action-item-fields: [warn, { require: [owner, due] }] }\nscaffold: { directory: pm }\n',
      'TEMPLATE.md': TEMPLATE,
    });
    expect(run(['new', 'Stale prices', '--date', '2026-04-02'], root)).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(root, 'pm/2026-04-02-stale-prices.md'), 'utf8')).toBe(TEMPLATE);
    const messages = jsonReport(run(['-f', 'json', 'pm'], root).stdout, root)['pm/2026-04-02-stale-prices.md']!;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((message) => !/ (no-placeholders|action-item-fields) /.test(message) || !/(placeholder|Unfilled|Unselected|template)/i.test(message))).toEqual([]);
  });
});

describe('overrides selected by metadata (when)', () => {
  const config = [
    'overrides:',
    '  - when: { severity: [SEV-1, SEV-2] }',
    '    rules:',
    '      required-sections: [error, { sections: [{ name: Customer communication }, { name: Five whys, aliases: [5 whys] }] }]',
    '',
  ].join('\n');

  it('apply their rules to the documents whose metadata has one of the values, written as people write them', () => {
    const root = tempTree({
      '.pmlintrc.yaml': config,
      'sev1.md': doc('Sev 1 (critical)'),
      'sev2-ticked.md': doc('[ ] SEV-1 [x] SEV-2 [ ] SEV-3'),
      'sev2-written.md': doc('SEV-2', '\n## Customer communication\n\nA status-page notice at 07:55.\n\n## 5 Whys\n\n1. Why? The job did not retry.\n'),
      'sev3.md': doc('SEV-3'),
    });
    const missing = [
      '1:1 2 required-sections Missing required section "Customer communication": add a heading such as "Customer communication".',
      '1:1 2 required-sections Missing required section "Five whys": add a heading such as "5 whys".',
    ];
    const report = jsonReport(run(['-f', 'json', '--rule', 'action-item-fields:off', '.'], root).stdout, root);
    expect(report).toEqual({ 'sev1.md': missing, 'sev2-ticked.md': missing, 'sev2-written.md': [], 'sev3.md': [] });
    const printed = JSON.parse(run(['--print-config', 'sev1.md'], root).stdout);
    expect(printed.conditional).toEqual([
      {
        when: { severity: ['SEV-1', 'SEV-2'] },
        rules: { 'required-sections': { severity: 'error', options: { sections: [{ name: 'Customer communication' }, { name: 'Five whys', aliases: ['5 whys'] }] } } },
        source: join(root, '.pmlintrc.yaml'),
      },
    ]);
  });

  it('may set rules, not settings, and are validated', () => {
    const root = tempTree({
      '.pmlintrc.yaml': 'overrides:\n  - when: { severity: [SEV-1] }\n    settings: { sectionAliases: { timeline: [Chronologie] } }\n  - when: { severity: 1 }\n  - rules: {}\n',
      'a.md': doc('SEV-1'),
    });
    const result = run(['a.md'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'pm-lint: invalid configuration:',
        `  ${join(root, '.pmlintrc.yaml')}: overrides[1].when.severity: must be of type string or array`,
        `  ${join(root, '.pmlintrc.yaml')}: overrides[2]: must have one of the properties "files" or "when"`,
        `  ${join(root, '.pmlintrc.yaml')}: overrides[0].settings: an override with "when" may set rules, not settings (the metadata it tests is read with the settings)`,
        '',
      ].join('\n'),
    );
  });
});
