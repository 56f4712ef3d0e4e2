import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPLETE, INCOMPLETE, tempTree } from './helpers.js';
import { runCli as run } from './helpers/cli.js';

const gitIn = (cwd: string) => (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

describe('pm-lint init', () => {
  it('writes a commented starter configuration that pm-lint accepts, and never overwrites one', () => {
    const root = tempTree({ 'docs/a.md': COMPLETE });
    expect(run(['init'], root)).toMatchObject({ code: 0, stdout: 'Wrote .pmlintrc.yaml. Edit it, then run "pm-lint".\n' });
    const written = readFileSync(join(root, '.pmlintrc.yaml'), 'utf8');
    expect(written).toMatch(/^# pm-lint configuration/);
    expect(written).toContain('extends: pm-lint:recommended');
    expect(run(['--print-config', 'docs/a.md'], root).code).toBe(0);
    expect(run(['docs'], root).code).toBe(0);
    expect(run(['init'], root)).toMatchObject({ code: 2, stderr: 'pm-lint: .pmlintrc.yaml already exists here; use --force to replace it with .pmlintrc.yaml\n' });
    expect(run(['init', '--force'], root).code).toBe(0);
  });
});

describe('pm-lint new', () => {
  it('creates docs/postmortems/YYYY-MM-DD-title.md from the built-in template, passing the structure rules', () => {
    const root = tempTree({});
    const created = run(['new', 'Ingress controller overload: 502s!', '--date', '2026-03-30'], root);
    expect(created.code).toBe(0);
    const path = join(root, 'docs/postmortems/2026-03-30-ingress-controller-overload-502s.md');
    expect(created.stdout).toContain('Created docs/postmortems/2026-03-30-ingress-controller-overload-502s.md.');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# 2026-03-30 Ingress controller overload: 502s!\n');
    expect(text).toContain('date: 2026-03-30\n');
    writeFileSync(join(root, 'structure.json'), JSON.stringify({ extends: [], rules: { 'required-sections': 'error', 'no-empty-sections': 'error', 'valid-front-matter': 'error' } }));
    const lint = run(['--config', 'structure.json', '-f', 'json', 'docs'], root);
    expect(JSON.parse(lint.stdout)[0]).toMatchObject({ errorCount: 0, warningCount: 0 });
    expect(run(['new', 'Ingress controller overload: 502s!', '--date', '2026-03-30'], root)).toMatchObject({ code: 2, stderr: `pm-lint: ${path} already exists\n` });
  });

  it("uses today's date, the configured directory and template", () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ scaffold: { directory: 'incidents', template: 'tpl/t.md' } }),
      'tpl/t.md': '# {{title}} ({{date}})\n',
    });
    expect(run(['new', 'Überlastung des Ingress'], root).code).toBe(0);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(readFileSync(join(root, `incidents/${today}-uberlastung-des-ingress.md`), 'utf8')).toBe(`# Überlastung des Ingress (${today})\n`);
  });

  it('rejects an impossible --date and an empty title', () => {
    const root = tempTree({});
    expect(run(['new', 'x', '--date', '2026-02-30'], root)).toMatchObject({ code: 2, stderr: 'pm-lint: --date expects a real date as YYYY-MM-DD, got "2026-02-30"\n' });
    expect(run(['new', ' '], root).code).toBe(2);
  });
});

describe('pm-lint --explain', () => {
  it("prints a rule's documentation, and suggests the nearest id for an unknown one", () => {
    const root = tempTree({});
    const explained = run(['--explain', 'required-sections'], root);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^# required-sections\n/);
    expect(explained.stdout).toContain('## Options');
    expect(explained.stdout).not.toContain('<details>');
    expect(run(['--explain', 'required-section'], root)).toMatchObject({
      code: 2,
      stderr: 'pm-lint: unknown rule "required-section" (did you mean "required-sections"?); "pm-lint --list-rules" lists them\n',
    });
  });
});

describe('pm-lint --changed-since', () => {
  it('lints only Markdown files added, modified or renamed since the ref', () => {
    const root = tempTree({ 'docs/old.md': INCOMPLETE, 'docs/edited.md': COMPLETE, 'docs/moved.md': COMPLETE });
    const git = gitIn(root);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    writeFileSync(join(root, 'docs/edited.md'), INCOMPLETE);
    git('mv', 'docs/moved.md', 'docs/renamed.md');
    writeFileSync(join(root, 'docs/new.md'), COMPLETE);
    git('add', 'docs/edited.md');
    git('commit', '-qm', 'change');
    writeFileSync(join(root, 'docs/untracked.md'), COMPLETE);
    const result = run(['--changed-since', 'HEAD~1', '-f', 'json', 'docs'], root);
    expect(JSON.parse(result.stdout).map((entry: { filePath: string }) => entry.filePath.slice(root.length + 1))).toEqual([
      'docs/edited.md', 'docs/new.md', 'docs/renamed.md', 'docs/untracked.md',
    ]);
    expect(result.code).toBe(1);
  });

  it('exits 2 outside a git repository and for an unknown ref', () => {
    const root = tempTree({ 'a.md': COMPLETE });
    const outside = run(['--changed-since', 'main', '.'], root);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^pm-lint: not inside a git repository/);
    gitIn(root)('init', '-q', '-b', 'main');
    gitIn(root)('add', '.');
    gitIn(root)('commit', '-qm', 'x');
    expect(run(['--changed-since', 'no-such-branch', '.'], root)).toMatchObject({ code: 2, stderr: 'pm-lint: unknown git ref "no-such-branch"\n' });
    expect(existsSync(join(root, '.git'))).toBe(true);
  });
});
