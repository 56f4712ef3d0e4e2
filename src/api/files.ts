import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
/**
 * The team's template kept beside its postmortems: `TEMPLATE.md`, `_template.md`,
 * `0000-template.md`, `postmortem-template.md`, `incident_template.md`. It is all
 * placeholders by design: a search does not pick it up, and a file named so is reported as
 * not linted (a warning); --no-ignore lints it.
 */
const TEMPLATE_NAME = /^(?:\d+[-_.])?_?(?:(?:post-?mortem|incident|pir|rca|retro(?:spective)?)[-_. ]?)?template(?:[-_. ](?:post-?mortem|incident|pir|rca))?$/i;
/** A name no Markdown file has: an ignore pattern that matches it there matches every file of the directory. */
const PROBE_FILE = '\u0000.md';

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
  /** Files named explicitly whose name says they are the team's template (linted with --no-ignore). */
  templatesExplicitly: string[];
  /** Arguments that name nothing: a missing path, or a glob without matches. */
  unmatched: Array<{ pattern: string; reason: string }>;
  /**
   * Paths found while searching that are not linted, and why: a symbolic link loop or a
   * broken link, a directory that cannot be read (`io`: exit code 2), a link to a file
   * outside the searched directory (a warning).
   */
  skipped: Array<{ path: string; reason: string; io: boolean }>;
}

/**
 * Turns CLI paths into files: files as given, directories searched recursively for
 * *.md and *.markdown, globs expanded. node_modules and .git are never searched;
 * .pmlintignore (gitignore syntax, in the working directory) and configuration
 * `ignores` exclude more, and a search skips the team's template (TEMPLATE_NAME).
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
  /**
   * A directory every Markdown file of which is ignored is not searched at all (an
   * ignored node_modules-sized tree costs nothing). .pmlintignore answers for the
   * directory itself, as git does; a configuration's globs for a file that could be in it.
   */
  const isIgnoredDirectory = (absolute: string) => {
    if (!options.useIgnore) return false;
    const path = relative(cwd, absolute).split(sep).join('/');
    if (ignoreFile && path && !path.startsWith('..') && ignoreFile.ignores(`${path}/`)) return true;
    return options.isIgnoredByConfig?.(join(absolute, PROBE_FILE)) ?? false;
  };
  // With --no-ignore the template is linted like any file.
  const isTemplateFile = (absolute: string) => options.useIgnore && isTemplateName(absolute);
  const files = new Set<string>();
  const ignoredExplicitly: string[] = [];
  const templatesExplicitly: string[] = [];
  const unmatched: Discovery['unmatched'] = [];
  const skipped: Discovery['skipped'] = [];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const kind = pathKind(absolute);
    if (kind === 'file') {
      if (isIgnored(absolute)) ignoredExplicitly.push(absolute);
      else if (isTemplateFile(absolute)) templatesExplicitly.push(absolute);
      else files.add(absolute);
      continue;
    }
    if (kind === 'directory') {
      const found = searchDirectory(absolute, isMarkdownName, skipped, isIgnoredDirectory);
      if (found.length === 0 && isMarkdownName(absolute)) {
        unmatched.push({ pattern, reason: 'is a directory, not a Markdown file (and holds no Markdown files)' });
      }
      for (const file of found) if (!isIgnored(file) && !isTemplateFile(file)) files.add(file);
      continue;
    }
    if (picomatch.scan(pattern).isGlob) {
      // Searched like a directory (the pattern's static base), so that symbolic links are judged alike.
      const { base, glob } = picomatch.scan(pattern.replace(/\\/g, '/'));
      const root = resolve(cwd, base);
      const matches = picomatch(glob, { dot: false });
      const skippedBefore = skipped.length;
      const found = pathKind(root) === 'directory' ? searchDirectory(root, (path) => matches(relative(root, path).split(sep).join('/')), skipped, isIgnoredDirectory) : [];
      if (found.length === 0 && skipped.length === skippedBefore) unmatched.push({ pattern, reason: 'no files match this pattern' });
      for (const file of found) if (!isIgnored(file) && !isTemplateFile(file)) files.add(file);
      continue;
    }
    unmatched.push({ pattern, reason: kind === 'missing' ? 'no such file or directory' : kind });
  }
  const skippedOnce = [...new Map(skipped.filter((entry) => !isIgnored(entry.path)).map((entry) => [entry.path, entry])).values()];
  return { files: [...files].sort(), ignoredExplicitly, templatesExplicitly, unmatched, skipped: skippedOnce.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

function isMarkdownName(path: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(extname(path).toLowerCase());
}

function isTemplateName(path: string): boolean {
  return TEMPLATE_NAME.test(basename(path, extname(path)));
}

/**
 * The files under a directory that a test accepts, without following symbolic links to directories
 * (no loops) and without recursion (no depth limit). node_modules, .git, dot entries and
 * pruned (ignored) directories are never searched.
 */
function searchDirectory(root: string, accepts: (path: string) => boolean, skipped: Discovery['skipped'], isPruned: (directory: string) => boolean): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: directory, reason: `Cannot search this directory: ${describeCode(error)}.`, io: true });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!isPruned(path)) pending.push(path);
      } else if (accepts(path) && acceptEntry(path, root, skipped) === true) found.push(path);
    }
  }
  return found;
}

/**
 * Whether a Markdown file found while searching `root` is linted. A regular file is. A
 * symbolic link is when it leads to a regular file inside `root` (a link out of the tree
 * could expose any file the linter can read, such as a secret in CI); a loop or a broken
 * link is an I/O problem.
 */
function acceptEntry(path: string, root: string, skipped: Discovery['skipped']): boolean | 'directory' {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    skipped.push({ path, reason: `Cannot lint this file: ${describeCode(error)}.`, io: true });
    return false;
  }
  if (stats.isDirectory()) return 'directory';
  if (stats.isFile()) return true;
  if (!stats.isSymbolicLink()) {
    skipped.push({ path, reason: 'Not linted: this is not a regular file (a device, FIFO or socket).', io: false });
    return false;
  }
  let target: string;
  try {
    target = realpathSync(path);
    if (statSync(target).isDirectory()) return 'directory';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it is a broken symbolic link (its target does not exist)' : describeCode(error);
    skipped.push({ path, reason: `Cannot lint this file: ${reason}.`, io: true });
    return false;
  }
  const inside = relative(realpathSync(root), target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    skipped.push({
      path,
      reason: `Not linted: a symbolic link to a file outside the linted directory (${target}). Name that file to lint it.`,
      io: false,
    });
    return false;
  }
  return true;
}

function describeCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'it is a symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `it cannot be read (${code ?? String(error)})`;
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
