import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { rules as builtInRules } from '../../rules/index.js';
import { ConfigResolver, type FileConfig } from '../config/resolve.js';
import type { ConfigInput } from '../config/types.js';
import { lintDocument, summarize } from '../engine/engine.js';
import { lintAndFix } from '../engine/fix.js';
import type { LintMessage, LintResult, Rule } from '../engine/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { PostmortemDocument } from '../model/document.js';
import { SliceCache } from '../model/index.js';
import { describeIoError, readTextFile } from './read.js';
import { documentFacts, type DocumentFacts } from './report/facts.js';

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
  /**
   * Rules to use instead of the built-in ones. Rule objects hold functions, which cannot
   * be sent to worker threads: with this option, lintFiles lints on the calling thread.
   */
  rules?: ReadonlyArray<Rule<any>>;
  /**
   * Apply the rules' fixes: results carry `output` (and `source`). With lintFiles,
   * "write" also writes each fixed file back, atomically, keeping its BOM and mode, and
   * never over a file that changed on disk since it was read.
   */
  fix?: boolean | 'write';
  /** Lint only the files added, modified or renamed since this git ref (and untracked ones). */
  changedSince?: string;
  /** Threads that lint files at once (lintFiles; default: the number of cores): 1 lints on the calling thread, N on N workers. */
  concurrency?: number;
  /** Reuse the results of files whose content, pm-lint version and configuration are unchanged (lintFiles). */
  cache?: boolean;
  /** The cache file (default: .pmlintcache in `cwd`). */
  cacheLocation?: string;
  /**
   * Load the plugins configurations name (default true; loading runs their code). false
   * loads none and skips their rules' settings; `notices` says which were not loaded.
   */
  plugins?: boolean;
  /**
   * Also read what `pm-lint report` needs of each document from its model while it is
   * linted (lintFiles returns it in `facts`). No cache is read or written with it.
   */
  facts?: boolean;
}

/**
 * What linting one file needs, built once per thread from LintOptions: a worker thread
 * builds its own from the same (serializable) options.
 */
export interface LintSession {
  options: LintOptions;
  resolver: ConfigResolver;
  /** Slices parsed before, for documents linted again as they are edited (the language server's session). */
  parseCache?: SliceCache;
}

/**
 * One run's configuration resolver and options. `reuseParses` keeps the slices of parsed
 * documents, for a document linted again after each edit (see SliceCache).
 */
export function createSession(options: LintOptions, { reuseParses = false } = {}): LintSession {
  const rules = options.rules ?? builtInRules;
  const resolver = new ConfigResolver({
    rules,
    cwd: options.cwd,
    configFile: options.configFile,
    config: options.config,
    ruleOverrides: options.ruleOverrides,
    plugins: options.plugins,
  });
  return reuseParses ? { options, resolver, parseCache: new SliceCache() } : { options, resolver };
}

/** Rule ids a file's directives may name: built-in rules and the plugins its configuration loads. */
const knownRuleIdsByConfig = new WeakMap<FileConfig, ReadonlySet<string>>();
function knownRuleIds(config: FileConfig): ReadonlySet<string> {
  let ids = knownRuleIdsByConfig.get(config);
  if (!ids) {
    ids = new Set(Object.keys(config.ruleSettings));
    knownRuleIdsByConfig.set(config, ids);
  }
  return ids;
}

/** One file's result, and what the caller needs to report and cache it. */
export interface FileOutcome {
  result: LintResult;
  /** The file could not be read or written (an I/O error: exit code 2). */
  unreadable: boolean;
  /**
   * The content hash of the file as it is on disk after this run, when `result.messages`
   * describe exactly that content (absent when fixes were not written, or the file could
   * not be linted): what the cache may store.
   */
  contentHash?: string;
  /** What the report needs of the document (with the `facts` option; none for a file that could not be parsed). */
  facts?: DocumentFacts;
}

/** SHA-1 of a file's bytes: the cache's key for its content. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Lints one file: reads it, finds its configuration, lints (and fixes) it. The unit of
 * work of lintFiles, on the calling thread or in a worker.
 */
export function lintFile(filePath: string, session: LintSession): FileOutcome {
  const { options, resolver } = session;
  const read = readTextFile(filePath);
  if (!read.ok) {
    return { result: summarize(filePath, [fileMessage(2, `Cannot lint this file: ${read.reason}.`, true)]), unreadable: 'io' in read };
  }
  const config = resolver.configFor(filePath);
  let facts: DocumentFacts | undefined;
  const inspect = options.facts && !options.fix ? (document: PostmortemDocument) => (facts = documentFacts(document)) : undefined;
  const result = lintWithConfig(filePath, read.text, config, session, read.invalidUtf8, inspect);
  if (result.output === undefined) return { result, unreadable: false, contentHash: contentHash(read.bytes), ...(facts ? { facts } : {}) };
  if (options.fix !== 'write') return { result, unreadable: false };
  const written = writeFix(filePath, read.bytes, read.bom, result.output);
  if ('bytes' in written) return { result, unreadable: false, contentHash: contentHash(written.bytes) };
  // Nothing was written: report the problems of the file as it is on disk.
  const unfixed = lintWithConfig(filePath, read.text, config, { ...session, options: { ...options, fix: false } }, read.invalidUtf8);
  unfixed.messages.unshift(fileMessage(2, written.message, true));
  return { result: summarize(filePath, unfixed.messages), unreadable: written.io };
}

export function lintWithConfig(
  filePath: string,
  text: string,
  config: FileConfig,
  session: LintSession,
  invalidUtf8 = false,
  inspect?: (document: PostmortemDocument) => void,
): LintResult {
  const lint = session.options.fix ? lintAndFix : lintDocument;
  const result = lint(filePath, text, {
    path: filePath,
    rules: config.rules,
    sectionAliases: config.settings.sectionAliases,
    metadataAliases: config.settings.metadataAliases,
    invalidUtf8,
    reportUnusedDisableDirectives: session.options.reportUnusedDisableDirectives,
    knownRuleIds: knownRuleIds(config),
    ...(config.template ? { template: config.template.standard } : {}),
    ...(session.parseCache ? { parseCache: session.parseCache } : {}),
    ...(config.conditional && config.withConditions
      ? { conditional: { conditions: config.conditional.map((override) => override.when), rulesFor: (matched: boolean[]) => config.withConditions!(matched).rules } }
      : {}),
    inspect,
  });
  if (result.output !== undefined) result.source = text;
  return result;
}

/** Writes fixed text over a file unless it changed since it was read; keeps its BOM and mode. */
function writeFix(filePath: string, readBytes: Uint8Array, bom: boolean, output: string): { bytes: Buffer } | { message: string; io: boolean } {
  let current: Buffer;
  try {
    current = readFileSync(filePath);
  } catch (error) {
    return { message: `Fixes were not written: the file ${describeIoError(error)}.`, io: true };
  }
  if (!current.equals(readBytes)) {
    return { message: 'Fixes were not written: the file changed on disk while pm-lint was reading it. Run pm-lint again.', io: false };
  }
  const bytes = Buffer.from((bom ? '\uFEFF' : '') + output, 'utf8');
  try {
    // Through a symbolic link, the file it leads to is written; the link stays a link.
    writeFileAtomic(realpathSync(filePath), bytes);
  } catch (error) {
    return { message: `Fixes were not written (the file is unchanged): ${describeIoError(error)}.`, io: true };
  }
  return { bytes };
}

export function fileMessage(severity: 1 | 2, message: string, fatal = false): LintMessage {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, ...(fatal ? { fatal } : {}) };
}
