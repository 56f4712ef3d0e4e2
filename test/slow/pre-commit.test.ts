import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/package-root.js';
import { COMPLETE, INCOMPLETE, tempTree } from '../helpers.js';

/**
 * pre-commit installs the hook from this repository at its committed HEAD (as users do
 * with `rev:`), builds it with npm, and runs it on the Markdown files being committed.
 * .ci/run installs Debian's pre-commit; where it is absent the test is reported skipped.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const root = packageRoot();
const isGitCheckout = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root }).status === 0;

describe.skipIf(!hasPreCommit || !isGitCheckout)('pre-commit hook (needs pre-commit on PATH and a git checkout)', () => {
  it('fails a commit of a bad postmortem with pm-lint findings, and passes a good one', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const repo = tempTree({
      '.pre-commit-config.yaml': `repos:\n  - repo: ${root}\n    rev: ${head}\n    hooks:\n      - id: pm-lint\n        files: ^docs/postmortems/\n`,
    });
    const cache = join(repo, '.cache-pre-commit');
    const env = { ...process.env, PRE_COMMIT_HOME: cache, NO_COLOR: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    const git = (...args: string[]) => spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, '.gitignore'), '.cache-pre-commit/\n');
    git('add', '.');
    expect(git('commit', '-qm', 'config').status).toBe(0);
    expect(spawnSync('pre-commit', ['install'], { cwd: repo, env, encoding: 'utf8' }).status).toBe(0);

    mkdirSync(join(repo, 'docs/postmortems'), { recursive: true });
    writeFileSync(join(repo, 'docs/postmortems/bad.md'), INCOMPLETE);
    git('add', '.');
    const bad = git('commit', '-m', 'bad postmortem');
    const output = bad.stdout + bad.stderr;
    expect(bad.status, output).not.toBe(0);
    expect(output).toMatch(/pm-lint\.+Failed/);
    expect(output).toContain('docs/postmortems/bad.md');
    expect(output).toMatch(/1:1 +error +Missing required section "Impact"/);
    expect(git('log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);

    writeFileSync(join(repo, 'docs/postmortems/bad.md'), COMPLETE);
    writeFileSync(join(repo, 'README.md'), '# Not a postmortem, not linted\n');
    git('add', '.');
    const good = git('commit', '-m', 'good postmortem');
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout + good.stderr).toMatch(/pm-lint\.+Passed/);
  }, 600_000);
});
