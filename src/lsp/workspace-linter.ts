import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { createSession, lintWithConfig, type LintSession } from '../api/lint-file.js';
import type { FileConfig } from '../config/resolve.js';
import { ConfigError, type ConfigProblem } from '../config/types.js';
import type { LintMessage } from '../engine/types.js';
import type { ServerSettings } from './settings.js';

/** What linting one open document gives. */
export type LintOutcome =
  | { kind: 'linted'; messages: LintMessage[]; config: FileConfig; output?: string }
  /** .pmlintignore or a configuration's "ignores" exclude the file: it gets no diagnostics. */
  | { kind: 'ignored' }
  /** The configuration that applies to the file cannot be used. */
  | { kind: 'config-error'; problems: ConfigProblem[] }
  /** Anything else that stopped linting (a bug, an I/O error): the server stays up. */
  | { kind: 'failed'; reason: string };

/**
 * Lints open documents as the CLI lints files: one session (configuration resolver) per
 * workspace folder, reused from document to document and change to change, so that
 * each directory's configuration is read and validated once; `invalidate()` throws
 * them away when a configuration file, an ignore file or a template changes.
 */
export class WorkspaceLinter {
  private readonly sessions = new Map<string, LintSession>();
  private readonly ignoreFiles = new Map<string, Ignore | null>();
  private readonly notices = new Set<string>();

  constructor(
    private settings: ServerSettings,
    /** Called once per notice (a plugin not loaded because plugins are off). */
    private readonly notify: (notice: string) => void = () => {},
  ) {}

  /** New settings: every session is rebuilt. */
  configure(settings: ServerSettings): void {
    this.settings = settings;
    this.invalidate();
  }

  invalidate(): void {
    this.sessions.clear();
    this.ignoreFiles.clear();
  }

  /**
   * Lints a document's text (without a BOM) as the file `filePath` in the workspace
   * folder `root` (the CLI's working directory: where .pmlintignore is read and a
   * relative `configFile` starts). With `fix`, every fix is applied (`output`).
   */
  async lint(filePath: string, text: string, root: string, fix = false): Promise<LintOutcome> {
    try {
      const session = this.session(root);
      if (this.settings.ignore && this.isIgnored(filePath, root, session)) return { kind: 'ignored' };
      await session.resolver.loadPlugins([filePath]);
      for (const notice of session.resolver.pluginNotices) {
        if (!this.notices.has(notice)) {
          this.notices.add(notice);
          this.notify(notice);
        }
      }
      const config = session.resolver.configFor(filePath);
      const result = lintWithConfig(filePath, text, config, fix ? { ...session, options: { ...session.options, fix: true } } : session);
      return { kind: 'linted', messages: result.messages, config, ...(result.output !== undefined ? { output: result.output } : {}) };
    } catch (error) {
      if (error instanceof ConfigError) return { kind: 'config-error', problems: error.problems };
      return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private session(root: string): LintSession {
    let session = this.sessions.get(root);
    if (!session) {
      session = createSession({
        cwd: root,
        configFile: this.settings.configFile,
        ruleOverrides: this.settings.rules,
        reportUnusedDisableDirectives: this.settings.reportUnusedDisableDirectives,
        plugins: this.settings.plugins,
      }, { reuseParses: true });
      this.sessions.set(root, session);
    }
    return session;
  }

  /** As the CLI decides for a file it is given: .pmlintignore of the working directory, then the configuration's "ignores". */
  private isIgnored(filePath: string, root: string, session: LintSession): boolean {
    let file = this.ignoreFiles.get(root);
    if (file === undefined) {
      try {
        file = ignore().add(readFileSync(join(root, '.pmlintignore'), 'utf8'));
      } catch {
        file = null;
      }
      this.ignoreFiles.set(root, file);
    }
    const path = relative(root, filePath).split(sep).join('/');
    if (file && path && !path.startsWith('../') && path !== '..' && !isAbsolute(path) && file.ignores(path)) return true;
    return session.resolver.isIgnored(filePath);
  }
}

/**
 * The files a configuration was built from, besides the configuration files every
 * directory is searched for: those a configuration names by path (what it extends, its
 * template). A change to one of them changes what the open documents' findings may be.
 */
export function namedFiles(config: FileConfig): string[] {
  const files = config.sources.filter((source) => isAbsolute(source));
  if (config.scaffold.template) files.push(config.scaffold.template);
  // The team's template (`template:`): a change to it changes what every document is held to.
  if (config.template) files.push(config.template.path);
  return files;
}

/** The configuration files a problem names (for the diagnostic's related information). */
export function problemFiles(problems: readonly ConfigProblem[]): string[] {
  return [...new Set(problems.map((problem) => problem.source).filter((source) => isAbsolute(source)))];
}
