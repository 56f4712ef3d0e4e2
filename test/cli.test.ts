import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/util/package-root.js';
import { COMPLETE, INCOMPLETE, tempTree } from './helpers.js';
import { bin, runCli } from './helpers/cli.js';

const run = (args: string[], cwd: string, input?: string) => runCli(args, cwd, { input });

describe('the pm-lint binary', () => {
  it('is built', () => {
    expect(existsSync(bin)).toBe(true);
  });

  it('exits 0 for clean files and 1 for lint errors', () => {
    const root = tempTree({ 'docs/postmortems/good.md': COMPLETE, 'bad/bad.md': INCOMPLETE });
    const clean = run(['docs/postmortems'], root);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toContain('docs/postmortems/good.md: no issues found');
    const dirty = run(['.'], root);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/bad\/bad\.md\n1:1 +error +Missing required section "Impact"/);
    expect(dirty.stdout).toMatch(/\n7:1 +warning +Section "Timeline" is empty/);
  });

  it('ends with its exit code and no stack trace when the reader closes the pipe early ("pm-lint . | head")', () => {
    // More report than a pipe holds (64 kB), so that writing to the closed pipe fails.
    const files = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`pm/${i}.md`, INCOMPLETE]));
    const root = tempTree(files);
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" . -f json | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('1');
  });

  it('lints "." by default, recursively, skipping node_modules and .git', () => {
    const root = tempTree({ 'a.markdown': COMPLETE, 'deep/er/b.md': COMPLETE, 'node_modules/x/c.md': INCOMPLETE, '.git/d.md': INCOMPLETE, 'notes.txt': INCOMPLETE });
    const result = run(['-f', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((entry: { filePath: string }) => entry.filePath.slice(root.length + 1))).toEqual(['a.markdown', 'deep/er/b.md']);
  });

  it('exits 2 naming a path that does not exist or a glob that matches nothing, and still lints the rest', () => {
    const root = tempTree({ 'a.md': INCOMPLETE });
    const result = run(['missing.md', 'docs/**/*.md', 'a.md'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('pm-lint: "missing.md": no such file or directory.\npm-lint: "docs/**/*.md": no files match this pattern.\n');
    expect(result.stdout).toContain('a.md');
  });

  it('exits 2 with every problem of an invalid configuration and no stack trace', () => {
    const root = tempTree({ '.pmlintrc.json': JSON.stringify({ rules: { 'required-section': 'error', 'no-empty-sections': 'loud' } }), 'a.md': COMPLETE });
    const result = run(['a.md'], root);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'pm-lint: invalid configuration:',
        `  ${join(root, '.pmlintrc.json')}: rules.required-section: unknown rule "required-section" (did you mean "required-sections"?)`,
        `  ${join(root, '.pmlintrc.json')}: rules.no-empty-sections: must be "off", "warn" or "error"`,
        '',
      ].join('\n'),
    );
  });

  it('exits 2 for an unknown option, a bad --rule and a missing --config file', () => {
    const root = tempTree({ 'a.md': COMPLETE });
    const unknown = run(['--frobnicate'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown argument: frobnicate');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const badRule = run(['--rule', 'required-sections=off', 'a.md'], root);
    expect(badRule).toMatchObject({ code: 2, stderr: 'pm-lint: --rule expects id:severity (off, warn or error), got "required-sections=off"\n' });
    const missingConfig = run(['--config', 'nope.json', 'a.md'], root);
    expect(missingConfig).toMatchObject({ code: 2, stderr: `pm-lint: invalid configuration:\n  ${join(root, 'nope.json')}: file not found\n` });
    const badFormat = run(['-f', 'xml', 'a.md'], root);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Invalid values');
  });

  it('--max-warnings: exit 1 when warnings exceed it; --quiet hides warnings', () => {
    const root = tempTree({ 'a.md': COMPLETE.replace('## Impact\n\nText.\n', '## Impact\n') });
    expect(run(['a.md'], root).code).toBe(0);
    const strict = run(['--max-warnings', '0', 'a.md'], root);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('pm-lint found too many warnings (maximum: 0, found: 1).\n');
    const quiet = run(['--quiet', 'a.md'], root);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('warning');
  });

  it('--rule changes a severity over the configuration', () => {
    const root = tempTree({ 'a.md': INCOMPLETE });
    expect(run(['--rule', 'required-sections:off', '--rule', 'no-empty-sections:off', 'a.md'], root).code).toBe(0);
    expect(run(['--rule', 'required-sections:warn', 'a.md'], root).code).toBe(0);
  });

  it('--stdin with --stdin-filename, which selects the configuration and names the result', () => {
    const root = tempTree({ 'docs/.pmlintrc.json': JSON.stringify({ rules: { 'required-sections': 'off' } }) });
    const plain = run(['--stdin', '-f', 'json'], root, INCOMPLETE);
    expect(plain.code).toBe(1);
    expect(JSON.parse(plain.stdout)[0].filePath).toBe(join(root, '<stdin>'));
    const named = run(['--stdin', '--stdin-filename', 'docs/draft.md', '-f', 'json'], root, INCOMPLETE);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)[0]).toMatchObject({ filePath: join(root, 'docs/draft.md'), errorCount: 0, warningCount: 1 });
  });

  it('--output-file writes the report instead of printing it', () => {
    const root = tempTree({ 'a.md': INCOMPLETE });
    const result = run(['-f', 'sarif', '-o', 'out/report.sarif', 'a.md'], root);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    const written = run(['-f', 'sarif', '-o', 'report.sarif', 'a.md'], root);
    expect(written).toMatchObject({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(root, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('prints every format', () => {
    const root = tempTree({ 'a.md': INCOMPLETE });
    expect(run(['-f', 'github', 'a.md'], root).stdout).toMatch(/^::error file=a\.md,line=1,col=1,endLine=1,endColumn=11,title=pm-lint \(required-sections\)::Missing/);
    expect(run(['-f', 'junit', 'a.md'], root).stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="pm-lint" tests="1" failures="1"/);
    expect(JSON.parse(run(['-f', 'json', 'a.md'], root).stdout)[0].errorCount).toBe(1);
  });

  it('--print-config, --list-rules, --version and --help exit 0', () => {
    const root = tempTree({ '.pmlintrc.json': JSON.stringify({ rules: { 'no-empty-sections': 'error' } }), 'a.md': COMPLETE });
    const printed = run(['--print-config', 'a.md'], root);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.stdout);
    expect(config.rules['no-empty-sections']).toEqual(['error', { allowSubsectionsOnly: true, ignore: [] }]);
    expect(config.sources).toEqual(['pm-lint:recommended', join(root, '.pmlintrc.json')]);
    const list = run(['--list-rules'], root);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^rule +severity +presets +description$/);
    expect(list.stdout).toMatch(/\nrequired-sections +error +recommended, strict +Requires the sections/);
    const version = run(['--version'], root);
    expect(version).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version}\n` });
    const help = run(['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });

  it('--no-ignore lints what .pmlintignore excludes; an ignored file named explicitly gets a warning', () => {
    const root = tempTree({ '.pmlintignore': 'drafts/\n', 'drafts/a.md': INCOMPLETE, 'b.md': COMPLETE });
    expect(run(['.'], root).code).toBe(0);
    expect(run(['--no-ignore', '.'], root).code).toBe(1);
    const explicit = run(['drafts/a.md'], root);
    expect(explicit.code).toBe(0);
    expect(explicit.stdout).toContain('File ignored because of a matching ignore pattern');
  });

  it("passes the folder's guide: a README or CONTRIBUTING page about writing postmortems is not one", () => {
    const root = tempTree({
      'docs/README.md': '# Postmortems\n\nWe write one for every SEV-1 within five days.\n\n## Process\n\n1. Assign an owner.\n2. Review it.\n',
      'docs/CONTRIBUTING.md': '# Contributing\n\nRun pm-lint before opening a pull request.\n',
      'docs/2026-03-01-checkout.md': COMPLETE,
      'docs/2026-03-02-search/README.md': '# Search outage\n\nOn 2 March 2026 search failed for an hour.\n',
    });
    const result = run(['docs', '-f', 'json'], root);
    expect(result.code).toBe(1);
    const failing = (JSON.parse(result.stdout) as Array<{ filePath: string; messages: unknown[] }>).filter((file) => file.messages.length > 0);
    // The incident written up as its folder's README is a postmortem, and is checked.
    expect(failing.map((file) => file.filePath.split('/').slice(-2).join('/'))).toEqual(['2026-03-02-search/README.md']);
  });

  it('a search skips the team template beside the postmortems; named, it gets a warning; --no-ignore lints it', () => {
    const root = tempTree({
      'docs/TEMPLATE.md': INCOMPLETE,
      'docs/0000-postmortem-template.md': INCOMPLETE,
      'docs/2026-03-01-template-rendering.md': COMPLETE,
    });
    const searched = run(['docs', '-f', 'json'], root);
    expect(searched.code).toBe(0);
    expect((JSON.parse(searched.stdout) as Array<{ filePath: string }>).map((result) => result.filePath.split('/').pop())).toEqual(['2026-03-01-template-rendering.md']);
    const named = run(['docs/TEMPLATE.md', '-f', 'json'], root);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)[0].messages).toMatchObject([
      { line: 1, column: 1, severity: 1, message: 'Template file not linted (its name marks it as the postmortem template). Use --no-ignore to lint it.' },
    ]);
    expect(run(['--no-ignore', 'docs'], root).code).toBe(1);
  });
});

describe('--fix and --fix-dry-run', () => {
  // "Café" and "→" saved as UTF-8, read as Windows-1252 and saved again.
  const mojibake = `${COMPLETE.replace('## Summary\n\nText.', '## Summary\n\nCafÃ© orders failed â†’ retried.')}`;

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const root = tempTree({ 'a.md': mojibake });
    const result = run(['--fix-dry-run', 'a.md'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      ['--- a/a.md', '+++ b/a.md', '@@ -2,7 +2,7 @@', ' ', ' ## Summary', ' ', '-CafÃ© orders failed â†’ retried.', '+Café orders failed → retried.', ' '].join('\n'),
    );
    expect(result.stdout).toContain('a.md: no issues found');
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(mojibake);
  });

  it('--fix repairs the file and reports what is left', () => {
    const root = tempTree({ 'a.md': mojibake });
    expect(run(['--fix', 'a.md'], root)).toMatchObject({ code: 0 });
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(mojibake.replace('CafÃ© orders failed â†’', 'Café orders failed →'));
    expect(run(['--fix', '--stdin'], root).code).toBe(2);
  });
});
