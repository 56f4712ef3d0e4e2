import { chmodSync, cpSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/util/package-root.js';
import { COMPLETE, INCOMPLETE, tempTree } from './helpers.js';
import { hashTree, jsonReport, openToEveryone, runCli, unprivileged } from './helpers/cli.js';

const MISSING_IMPACT = '1:1 2 required-sections Missing required section "Impact": add a heading such as "Impact", "Customer Impact", "User Impact", "Impact Assessment", "Business Impact".';
const EMPTY_TIMELINE = '7:1 1 no-empty-sections Section "Timeline" is empty: write its content or remove the heading.';
/** Mojibake that text-encoding fixes: "don’t" read as Windows-1252. */
const MOJIBAKE = `${COMPLETE}\nWe donâ€™t know yet.\n`;

describe('file-system faults: every file is reported, I/O problems exit 2', () => {
  it('reports links out of the tree, symlink loops, broken links and a directory named x.md, and lints the rest', () => {
    const outside = tempTree({ 'secret.md': '# Not part of the tree\n' });
    const root = tempTree({ 'docs/good.md': COMPLETE, 'docs/bad.md': INCOMPLETE, 'docs/x.md/inner.md': COMPLETE, 'docs/sub/real.md': COMPLETE });
    symlinkSync(join(outside, 'secret.md'), join(root, 'docs/outside.md'));
    symlinkSync('loop-b.md', join(root, 'docs/loop-a.md'));
    symlinkSync('loop-a.md', join(root, 'docs/loop-b.md'));
    symlinkSync('nowhere.md', join(root, 'docs/broken.md'));
    symlinkSync('sub/real.md', join(root, 'docs/inside.md'));
    symlinkSync('..', join(root, 'docs/sub/parent'));
    const before = hashTree(root);
    const result = runCli(['docs', '-f', 'json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    expect(jsonReport(result.stdout, root)).toEqual({
      'docs/bad.md': [MISSING_IMPACT, EMPTY_TIMELINE],
      'docs/broken.md': ['1:1 2 - Cannot lint this file: it is a broken symbolic link (its target does not exist).'],
      'docs/good.md': [],
      'docs/inside.md': [],
      'docs/loop-a.md': ['1:1 2 - Cannot lint this file: it is a symbolic link loop.'],
      'docs/loop-b.md': ['1:1 2 - Cannot lint this file: it is a symbolic link loop.'],
      'docs/outside.md': [`1:1 1 - Not linted: a symbolic link to a file outside the linted directory (${join(outside, 'secret.md')}). Name that file to lint it.`],
      'docs/sub/real.md': [],
      'docs/x.md/inner.md': [],
    });
    expect(hashTree(root)).toEqual(before);
  });

  it('a link out of the tree alone is a warning: the exit code is that of the other files', () => {
    const outside = tempTree({ 'secret.md': INCOMPLETE });
    const root = tempTree({ 'good.md': COMPLETE });
    symlinkSync(join(outside, 'secret.md'), join(root, 'outside.md'));
    expect(runCli(['.'], root).code).toBe(0);
    // Named on the command line, the file is the user's choice, and is linted.
    const named = runCli(['outside.md', '-f', 'json'], root);
    expect(named.code).toBe(1);
    expect(jsonReport(named.stdout, root)['outside.md']).toEqual([MISSING_IMPACT, EMPTY_TIMELINE]);
  });

  it('names a missing path, a symlink loop and a directory named x.md given as arguments, and lints the rest', () => {
    const root = tempTree({ 'a.md': INCOMPLETE, 'x.md/.keep': '' });
    symlinkSync('loop.md', join(root, 'loop.md'));
    const result = runCli(['missing.md', 'loop.md', 'x.md', 'a.md', '-f', 'json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'pm-lint: "missing.md": no such file or directory.',
        'pm-lint: "loop.md": too many levels of symbolic links (a symlink loop).',
        'pm-lint: "x.md": is a directory, not a Markdown file (and holds no Markdown files).',
        '',
      ].join('\n'),
    );
    expect(jsonReport(result.stdout, root)).toEqual({ 'a.md': [MISSING_IMPACT, EMPTY_TIMELINE] });
  });

  it('globs report links like a directory search does', () => {
    const root = tempTree({ 'docs/a.md': COMPLETE });
    symlinkSync('nowhere.md', join(root, 'docs/broken.md'));
    const result = runCli(['docs/*.md', '-f', 'json'], root);
    expect(result.code).toBe(2);
    expect(jsonReport(result.stdout, root)).toEqual({
      'docs/a.md': [],
      'docs/broken.md': ['1:1 2 - Cannot lint this file: it is a broken symbolic link (its target does not exist).'],
    });
  });

  it('reports a file deleted between discovery and reading, and lints the others', () => {
    // A plugin rule that deletes b.md while a.md is linted stands in for a concurrent `git checkout`.
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ plugins: ['./deleter.mjs'], rules: { 'deleter/delete-next': 'warn' } }),
      'deleter.mjs': `import { unlinkSync } from 'node:fs';
export default { name: 'deleter', rules: [{ id: 'delete-next', description: 'Deletes b.md.', severity: 'warn', messages: { x: 'x' },
  schema: { type: 'object' }, check(document) { if (document.path.endsWith('a.md')) unlinkSync(document.path.replace(/a\\.md$/, 'b.md')); } }] };
`,
      'a.md': COMPLETE,
      'b.md': COMPLETE,
      'c.md': INCOMPLETE,
    });
    const result = runCli(['.', '-f', 'json'], root);
    expect(result.code).toBe(2);
    expect(jsonReport(result.stdout, root)).toEqual({
      'a.md': [],
      'b.md': ['1:1 2 - Cannot lint this file: no such file (it may have been deleted while pm-lint ran).'],
      'c.md': [MISSING_IMPACT, EMPTY_TIMELINE],
    });
  });

  describe('permissions', () => {
    const user = unprivileged();

    it.skipIf(user.skip !== undefined)(`reports a file and a directory it cannot read, and lints the rest${user.skip ? ` (skipped: ${user.skip})` : ''}`, () => {
      const root = tempTree({ 'a.md': COMPLETE, 'secret.md': COMPLETE, 'locked/c.md': COMPLETE, 'open/d.md': INCOMPLETE });
      openToEveryone(root);
      chmodSync(join(root, 'secret.md'), 0o000);
      chmodSync(join(root, 'locked'), 0o000);
      try {
        const result = runCli(['.', '-f', 'json'], root, { as: user.as });
        expect(result.code).toBe(2);
        expect(jsonReport(result.stdout, root)).toEqual({
          'a.md': [],
          locked: ['1:1 2 - Cannot search this directory: permission denied.'],
          'open/d.md': [MISSING_IMPACT, EMPTY_TIMELINE],
          'secret.md': ['1:1 2 - Cannot lint this file: permission denied.'],
        });
      } finally {
        chmodSync(join(root, 'locked'), 0o755);
      }
    });

    it.skipIf(user.skip !== undefined)(`--fix in a read-only directory writes nothing, says so, and leaves the file intact${user.skip ? ` (skipped: ${user.skip})` : ''}`, () => {
      const root = tempTree({ 'docs/a.md': MOJIBAKE });
      openToEveryone(root);
      chmodSync(join(root, 'docs'), 0o555);
      try {
        const result = runCli(['--fix', 'docs', '-f', 'json'], root, { as: user.as });
        expect(result.code).toBe(2);
        expect(jsonReport(result.stdout, root)['docs/a.md']).toEqual([
          '1:1 2 - Fixes were not written (the file is unchanged): permission denied.',
          '23:7 2 text-encoding Mojibake "â€™" (UTF-8 read as Windows-1252): it should read "’".',
        ]);
        expect(readFileSync(join(root, 'docs/a.md'), 'utf8')).toBe(MOJIBAKE);
        expect(readdirSync(join(root, 'docs'))).toEqual(['a.md']);
      } finally {
        chmodSync(join(root, 'docs'), 0o755);
      }
    });
  });
});

describe('nothing lost', () => {
  it('never writes to a linted file without --fix, with any format, a dry run or an output file', () => {
    const root = tempTree({
      'a.md': MOJIBAKE,
      'b.md': `\uFEFF${INCOMPLETE.replace(/\n/g, '\r\n')}`,
      'c.md': INCOMPLETE.replace(/\n/g, '\r'),
      'd.md': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]),
      'e.md': Buffer.from([0x00, 0x01, 0x02]),
      'f.md': '',
    });
    const before = hashTree(root);
    for (const args of [['.'], ['-f', 'json', '.'], ['-f', 'sarif', '.'], ['--fix-dry-run', '.'], ['-o', 'report.txt', '.']]) {
      expect(runCli(args, root).code).toBe(1);
      const after = hashTree(root);
      delete after['report.txt'];
      expect(after, args.join(' ')).toEqual(before);
    }
  });

  it('--fix writes through a temporary file and a rename, keeping the BOM, line endings and mode, and nothing else', () => {
    const crlf = `\uFEFF${MOJIBAKE.replace(/\n/g, '\r\n')}`;
    const root = tempTree({ 'docs/a.md': crlf, 'docs/b.md': MOJIBAKE.replace(/\n/g, '\r'), 'docs/clean.md': COMPLETE });
    chmodSync(join(root, 'docs/a.md'), 0o640);
    const inode = statSync(join(root, 'docs/a.md')).ino;
    const clean = hashTree(join(root, 'docs'))['clean.md'];
    const result = runCli(['--fix', 'docs', '-f', 'json'], root);
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'docs/a.md'), 'utf8')).toBe(crlf.replace('donâ€™t', 'don’t'));
    expect(readFileSync(join(root, 'docs/b.md'), 'utf8')).toBe(MOJIBAKE.replace(/\n/g, '\r').replace('donâ€™t', 'don’t'));
    expect(statSync(join(root, 'docs/a.md')).mode & 0o777).toBe(0o640);
    // A rename, not a write in place: the file is a new inode; no temporary file is left.
    expect(statSync(join(root, 'docs/a.md')).ino).not.toBe(inode);
    expect(readdirSync(join(root, 'docs')).sort()).toEqual(['a.md', 'b.md', 'clean.md']);
    expect(hashTree(join(root, 'docs'))['clean.md']).toBe(clean);
  });

  it('--fix through a symbolic link fixes the file it leads to and keeps the link', () => {
    const root = tempTree({ 'docs/real/a.md': MOJIBAKE });
    symlinkSync('real/a.md', join(root, 'docs/link.md'));
    expect(runCli(['--fix', 'docs/link.md'], root).code).toBe(0);
    expect(lstatSync(join(root, 'docs/link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'docs/link.md'))).toBe('real/a.md');
    expect(readFileSync(join(root, 'docs/real/a.md'), 'utf8')).toBe(MOJIBAKE.replace('donâ€™t', 'don’t'));
  });
});

const shared = join(packageRoot(), '..', 'shared');
const haveShared = existsSync(join(shared, 'real-postmortems')) && existsSync(join(shared, 'seeds'));

describe('the shared corpus in one run', () => {
  it.skipIf(!haveShared)(`reports every real postmortem and seed and changes none${haveShared ? '' : ' (skipped: ../shared is absent)'}`, () => {
    const seeds = tempTree({});
    for (const name of readdirSync(join(shared, 'seeds'))) cpSync(join(shared, 'seeds', name), join(seeds, name.replace(/\.txt$/, '.md')));
    const real = join(shared, 'real-postmortems');
    const inputs = [...readdirSync(real).filter((name) => name.endsWith('.md')).map((name) => join(real, name)), ...readdirSync(seeds).map((name) => join(seeds, name))];
    const hashes = () => Object.fromEntries(inputs.map((path) => [path, readFileSync(path).toString('base64')]));
    const before = hashes();
    // Every rule on, so that the run exercises all of them.
    const config = join(tempTree({ 'strict.json': JSON.stringify({ extends: ['pm-lint:strict'] }) }), 'strict.json');
    const result = runCli([real, seeds, '-f', 'json', '--config', config], seeds);
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.code);
    const reported = (JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ message: string; fatal?: boolean }> }>);
    expect(reported.map((entry) => entry.filePath).sort()).toEqual([...inputs].sort());
    for (const entry of reported) {
      expect(entry.messages.filter((message) => message.fatal || message.message.startsWith('Internal error')), entry.filePath).toEqual([]);
    }
    expect(hashes()).toEqual(before);
  });
});

