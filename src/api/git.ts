import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** A git problem that stops a run: not a repository, an unknown ref, git missing. */
export class GitError extends Error {}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new GitError('git is not installed or not on PATH');
    throw new GitError((failure.stderr ?? String(error)).trim().split('\n')[0] ?? 'git failed');
  }
}

/** The repository's top directory, or a GitError outside a repository. */
export function gitTopLevel(cwd: string): string {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new GitError(`not inside a git repository (${cwd})`);
  }
}

/**
 * Files added, modified, copied or renamed since a ref (committed, staged or not), plus
 * untracked files that are not ignored: absolute paths.
 */
export function filesChangedSince(ref: string, cwd: string): string[] {
  const top = gitTopLevel(cwd);
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new GitError(`unknown git ref "${ref}"`);
  }
  const changed = git(['diff', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames', ref, '--'], top).split('\0');
  const untracked = git(['ls-files', '-z', '--others', '--exclude-standard'], top).split('\0');
  return [...new Set([...changed, ...untracked].filter(Boolean))].map((path) => resolve(top, path));
}
