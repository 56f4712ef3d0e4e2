import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface DiscoveryOptions {
  cwd: string;
  /** Apply .pmlintignore and configuration `ignores` (off with --no-ignore). */
  useIgnore: boolean;
  /** Whether a configuration's `ignores` exclude a file. */
  isIgnoredByConfig?: (absolutePath: string) => boolean;
}

export interface Discovery {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /** Files named explicitly that an ignore pattern excludes. */
  ignoredExplicitly: string[];
  /** Arguments that name nothing: a missing path, or a glob without matches. */
  unmatched: Array<{ pattern: string; reason: string }>;
}

/**
 * Turns CLI paths into files: files as given, directories searched recursively for
 * *.md and *.markdown, globs expanded. node_modules and .git are never searched;
 * .pmlintignore (gitignore syntax, in the working directory) and configuration
 * `ignores` exclude more.
 */
export async function discoverFiles(patterns: string[], options: DiscoveryOptions): Promise<Discovery> {
  const { cwd } = options;
  const ignoreFile = options.useIgnore ? loadIgnoreFile(cwd) : null;
  const isIgnored = (absolute: string) => {
    if (!options.useIgnore) return false;
    const path = relative(cwd, absolute).split(sep).join('/');
    if (ignoreFile && path && !path.startsWith('..') && ignoreFile.ignores(path)) return true;
    return options.isIgnoredByConfig?.(absolute) ?? false;
  };
  const files = new Set<string>();
  const ignoredExplicitly: string[] = [];
  const unmatched: Discovery['unmatched'] = [];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const kind = pathKind(absolute);
    if (kind === 'file') {
      if (isIgnored(absolute)) ignoredExplicitly.push(absolute);
      else files.add(absolute);
      continue;
    }
    // tinyglobby is loaded only for directories and globs (a run over named files never needs it).
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (kind === 'directory') {
      const found = await glob(MARKDOWN_EXTENSIONS.map((extension) => `**/*${extension}`), {
        cwd: absolute,
        absolute: true,
        dot: false,
        ignore: ALWAYS_SKIPPED,
        followSymbolicLinks: false,
        expandDirectories: false,
      });
      for (const file of found) if (!isIgnored(resolve(file))) files.add(resolve(file));
      continue;
    }
    if (isDynamicPattern(pattern)) {
      const found = await glob([pattern], {
        cwd,
        absolute: true,
        dot: false,
        ignore: ALWAYS_SKIPPED,
        followSymbolicLinks: false,
        expandDirectories: false,
        onlyFiles: true,
      });
      if (found.length === 0) unmatched.push({ pattern, reason: 'no files match this pattern' });
      for (const file of found) if (!isIgnored(resolve(file))) files.add(resolve(file));
      continue;
    }
    unmatched.push({ pattern, reason: kind === 'missing' ? 'no such file or directory' : kind });
  }
  return { files: [...files].sort(), ignoredExplicitly, unmatched };
}

function pathKind(path: string): 'file' | 'directory' | 'missing' | string {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'directory';
    if (stats.isFile()) return 'file';
    return 'not a regular file or directory';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    if (code === 'ELOOP') return 'too many levels of symbolic links (a symlink loop)';
    if (code === 'EACCES') return 'permission denied';
    return `cannot be read (${code ?? String(error)})`;
  }
}

function loadIgnoreFile(cwd: string): Ignore | null {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, '.pmlintignore'), 'utf8');
  } catch {
    return null;
  }
  return ignore().add(text);
}
