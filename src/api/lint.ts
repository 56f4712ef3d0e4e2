import { resolve } from 'node:path';
import { rules as builtInRules } from '../../rules/index.js';
import { ConfigResolver, type FileConfig } from '../config/resolve.js';
import type { ConfigInput } from '../config/types.js';
import { lintDocument, summarize } from '../engine/engine.js';
import { lintAndFix } from '../engine/fix.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { readFileSync, realpathSync } from 'node:fs';
import type { LintMessage, LintResult, Rule } from '../engine/types.js';
import { discoverFiles } from './files.js';
import { filesChangedSince } from './git.js';
import { decodeBytes, describeIoError, readTextFile } from './read.js';

export interface LintOptions {
  /** Working directory: relative paths, config search and .pmlintignore start here. */
  cwd?: string;
  /** Use this configuration file instead of searching for one. */
  configFile?: string;
  /** Use this configuration object instead of searching for one. */
  config?: ConfigInput;
  /** Rule settings that win over every configuration: `{ "required-sections": "warn" }`. */
  ruleOverrides?: Record<string, unknown>;
  /** Report inline directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Apply .pmlintignore and configuration `ignores` (default true). */
  ignore?: boolean;
  /** Rules to use instead of the built-in ones. */
  rules?: ReadonlyArray<Rule<any>>;
  /**
   * Apply the rules' fixes: results carry `output` (and `source`). With lintFiles,
   * "write" also writes each fixed file back, atomically, keeping its BOM and mode, and
   * never over a file that changed on disk since it was read.
   */
  fix?: boolean | 'write';
  /** Lint only the files added, modified or renamed since this git ref (and untracked ones). */
  changedSince?: string;
  /**
   * Load the plugins configurations name (default true; loading runs their code). false
   * loads none and skips their rules' settings; `notices` says which were not loaded.
   */
  plugins?: boolean;
}

export interface LintFilesResult {
  results: LintResult[];
  /** Paths and globs that matched nothing (a usage error: exit code 2). */
  unmatched: Array<{ pattern: string; reason: string }>;
  /** Files that could not be read (an I/O error: exit code 2); each also has a result. */
  unreadable: string[];
  /** Things to tell the user that are not about a file: plugins not loaded because plugins are off. */
  notices: string[];
}

function createResolver(options: LintOptions): ConfigResolver {
  return new ConfigResolver({
    rules: options.rules ?? builtInRules,
    cwd: options.cwd,
    configFile: options.configFile,
    config: options.config,
    ruleOverrides: options.ruleOverrides,
    plugins: options.plugins,
  });
}

/**
 * Loads the plugins that the configurations of some files name, so that lintText,
 * lintBytes and loadConfig (which cannot wait for a module to load) can use them.
 * Returns the notices of plugins not loaded because `plugins` is false.
 */
export async function loadPlugins(filePaths: string[], options: LintOptions = {}): Promise<string[]> {
  const resolver = createResolver(options);
  await resolver.loadPlugins(filePaths.map((filePath) => resolve(options.cwd ?? process.cwd(), filePath)));
  return resolver.pluginNotices;
}

/** The configuration that applies to a file (what `--print-config` shows). */
export function loadConfig(filePath: string, options: LintOptions = {}): FileConfig {
  return createResolver(options).configFor(resolve(options.cwd ?? process.cwd(), filePath));
}

/** Lints Markdown text; `filePath` (real or not) selects the configuration and appears in results. */
export function lintText(text: string, options: LintOptions & { filePath?: string } = {}): LintResult {
  const resolver = createResolver(options);
  const filePath = resolve(options.cwd ?? process.cwd(), options.filePath ?? '<text>');
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return lintWithConfig(filePath, withoutBom, resolver.configFor(filePath), options);
}

function lintWithConfig(filePath: string, text: string, config: FileConfig, options: LintOptions, invalidUtf8 = false): LintResult {
  const knownRuleIds = new Set(Object.keys(config.ruleSettings));
  const lint = options.fix ? lintAndFix : lintDocument;
  const result = lint(filePath, text, {
    path: filePath,
    rules: config.rules,
    sectionAliases: config.settings.sectionAliases,
    metadataAliases: config.settings.metadataAliases,
    invalidUtf8,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    knownRuleIds,
  });
  if (result.output !== undefined) result.source = text;
  return result;
}

/** Lints files, directories and globs; every file gets a result, in path order. */
export async function lintFiles(patterns: string[], options: LintOptions = {}): Promise<LintFilesResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const resolver = createResolver({ ...options, cwd });
  const discovery = await discoverFiles(patterns, {
    cwd,
    useIgnore: options.ignore !== false,
    isIgnoredByConfig: (path) => resolver.isIgnored(path),
  });
  if (options.changedSince !== undefined) {
    const changed = new Set(filesChangedSince(options.changedSince, cwd));
    discovery.files = discovery.files.filter((file) => changed.has(file));
    discovery.ignoredExplicitly = discovery.ignoredExplicitly.filter((file) => changed.has(file));
  }
  await resolver.loadPlugins(discovery.files);
  const results: LintResult[] = [];
  const unreadable: string[] = [];
  for (const { path, reason, io } of discovery.skipped) {
    if (io) unreadable.push(path);
    results.push(summarize(path, [fileMessage(io ? 2 : 1, reason, io)]));
  }
  for (const filePath of discovery.ignoredExplicitly) {
    results.push(
      summarize(filePath, [
        fileMessage(1, 'File ignored because of a matching ignore pattern (.pmlintignore or "ignores"). Use --no-ignore to lint it.'),
      ]),
    );
  }
  for (const filePath of discovery.files) {
    const read = readTextFile(filePath);
    if (!read.ok) {
      if ('io' in read) unreadable.push(filePath);
      results.push(summarize(filePath, [fileMessage(2, `Cannot lint this file: ${read.reason}.`, true)]));
      continue;
    }
    const config = resolver.configFor(filePath);
    const result = lintWithConfig(filePath, read.text, config, options, read.invalidUtf8);
    if (options.fix === 'write' && result.output !== undefined) {
      const written = writeFix(filePath, read.bytes, read.bom, result.output);
      if (written !== true) {
        // Nothing was written: report the problems of the file as it is on disk.
        const unfixed = lintWithConfig(filePath, read.text, config, { ...options, fix: false }, read.invalidUtf8);
        unfixed.messages.unshift(fileMessage(2, written.message, true));
        if (written.io) unreadable.push(filePath);
        results.push(summarize(filePath, unfixed.messages));
        continue;
      }
    }
    results.push(result);
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { results, unmatched: discovery.unmatched, unreadable, notices: resolver.pluginNotices };
}

/** Lints bytes as they would be read from a file (binary and encoding checks included). */
export function lintBytes(bytes: Uint8Array, options: LintOptions & { filePath?: string } = {}): LintResult {
  const decoded = decodeBytes(bytes);
  const filePath = resolve(options.cwd ?? process.cwd(), options.filePath ?? '<stdin>');
  if (!decoded.ok) return summarize(filePath, [fileMessage(2, `Cannot lint this file: ${decoded.reason}.`, true)]);
  return lintWithConfig(filePath, decoded.text, createResolver(options).configFor(filePath), options, decoded.invalidUtf8);
}

/** Writes fixed text over a file unless it changed since it was read; keeps its BOM and mode. */
function writeFix(filePath: string, readBytes: Uint8Array, bom: boolean, output: string): true | { message: string; io: boolean } {
  let current: Buffer;
  try {
    current = readFileSync(filePath);
  } catch (error) {
    return { message: `Fixes were not written: the file ${describeIoError(error)}.`, io: true };
  }
  if (!current.equals(readBytes)) {
    return { message: 'Fixes were not written: the file changed on disk while pm-lint was reading it. Run pm-lint again.', io: false };
  }
  try {
    // Through a symbolic link, the file it leads to is written; the link stays a link.
    writeFileAtomic(realpathSync(filePath), (bom ? '\uFEFF' : '') + output);
  } catch (error) {
    return { message: `Fixes were not written (the file is unchanged): ${describeIoError(error)}.`, io: true };
  }
  return true;
}

function fileMessage(severity: 1 | 2, message: string, fatal = false): LintMessage {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, ...(fatal ? { fatal } : {}) };
}
