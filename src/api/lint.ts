import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { FileConfig } from '../config/resolve.js';
import { summarize } from '../engine/engine.js';
import type { LintResult } from '../engine/types.js';
import { packageVersion } from '../util/package-root.js';
import { rules as builtInRules } from '../../rules/index.js';
import { configHash, DEFAULT_CACHE_LOCATION, LintCache, runKey } from './cache.js';
import { discoverFiles } from './files.js';
import { filesChangedSince } from './git.js';
import { contentHash, createSession, fileMessage, lintFile, lintWithConfig, type FileOutcome, type LintOptions, type LintSession } from './lint-file.js';
import { lintInParallel, MIN_FILES_FOR_WORKERS } from './pool.js';
import { decodeBytes } from './read.js';
import type { DocumentFacts } from './report/facts.js';

export type { LintOptions } from './lint-file.js';

export interface LintFilesResult {
  results: LintResult[];
  /** Paths and globs that matched nothing (a usage error: exit code 2). */
  unmatched: Array<{ pattern: string; reason: string }>;
  /** Files that could not be read (an I/O error: exit code 2); each also has a result. */
  unreadable: string[];
  /** Things to tell the user that are not about a file: plugins not loaded, a cache that could not be used. */
  notices: string[];
  /** With the `facts` option: what the report needs of each document linted, by file path. */
  facts?: Map<string, DocumentFacts>;
}

/**
 * Loads the plugins that the configurations of some files name, so that lintText,
 * lintBytes and loadConfig (which cannot wait for a module to load) can use them.
 * Returns the notices of plugins not loaded because `plugins` is false.
 */
export async function loadPlugins(filePaths: string[], options: LintOptions = {}): Promise<string[]> {
  const { resolver } = createSession(options);
  await resolver.loadPlugins(filePaths.map((filePath) => resolve(options.cwd ?? process.cwd(), filePath)));
  return resolver.pluginNotices;
}

/** The configuration that applies to a file (what `--print-config` shows). */
export function loadConfig(filePath: string, options: LintOptions = {}): FileConfig {
  return createSession(options).resolver.configFor(resolve(options.cwd ?? process.cwd(), filePath));
}

/** Lints Markdown text; `filePath` (real or not) selects the configuration and appears in results. */
export function lintText(text: string, options: LintOptions & { filePath?: string } = {}): LintResult {
  const session = createSession(options);
  const filePath = resolve(options.cwd ?? process.cwd(), options.filePath ?? '<text>');
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return lintWithConfig(filePath, withoutBom, session.resolver.configFor(filePath), session);
}

/** Lints bytes as they would be read from a file (binary and encoding checks included). */
export function lintBytes(bytes: Uint8Array, options: LintOptions & { filePath?: string } = {}): LintResult {
  const decoded = decodeBytes(bytes);
  const filePath = resolve(options.cwd ?? process.cwd(), options.filePath ?? '<stdin>');
  if (!decoded.ok) return summarize(filePath, [fileMessage(2, `Cannot lint this file: ${decoded.reason}.`, true)]);
  const session = createSession(options);
  return lintWithConfig(filePath, decoded.text, session.resolver.configFor(filePath), session, decoded.invalidUtf8);
}

/**
 * Lints files, directories and globs; every file gets a result, in path order whatever
 * the number of threads. With `cache`, files whose bytes and configuration are unchanged
 * since the last run get their earlier messages back without being parsed.
 */
export async function lintFiles(patterns: string[], options: LintOptions = {}): Promise<LintFilesResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const runOptions: LintOptions = { ...options, cwd };
  const session = createSession(runOptions);
  const { resolver } = session;
  const discovery = await discoverFiles(patterns, {
    cwd,
    useIgnore: options.ignore !== false,
    isIgnoredByConfig: (path) => resolver.isIgnored(path),
  });
  if (options.changedSince !== undefined) {
    const changed = new Set(filesChangedSince(options.changedSince, cwd));
    discovery.files = discovery.files.filter((file) => changed.has(file));
    discovery.ignoredExplicitly = discovery.ignoredExplicitly.filter((file) => changed.has(file));
    discovery.templatesExplicitly = discovery.templatesExplicitly.filter((file) => changed.has(file));
  }
  await resolver.loadPlugins(discovery.files);
  const results: LintResult[] = [];
  const unreadable: string[] = [];
  for (const { path, reason, io } of discovery.skipped) {
    if (io) unreadable.push(path);
    results.push(summarize(path, [fileMessage(io ? 2 : 1, reason, io)]));
  }
  const notices: string[] = [];
  for (const filePath of discovery.templatesExplicitly) {
    results.push(summarize(filePath, [fileMessage(1, 'Template file not linted (its name marks it as the postmortem template). Use --no-ignore to lint it.')]));
  }
  for (const filePath of discovery.ignoredExplicitly) {
    results.push(
      summarize(filePath, [
        fileMessage(1, 'File ignored because of a matching ignore pattern (.pmlintignore or "ignores"). Use --no-ignore to lint it.'),
      ]),
    );
  }

  // Every file's configuration is resolved here first, so that a configuration error
  // is reported once, before any file is linted (in this thread or a worker).
  const configs = new Map(discovery.files.map((file) => [file, resolver.configFor(file)]));
  let toLint = discovery.files;
  let cache: LintCache | undefined;
  if (options.cache && !options.facts) {
    const location = resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
    cache = LintCache.load(location, runKey(packageVersion(), (options.rules ?? builtInRules).map((rule) => rule.id), options));
    if (cache.discarded) notices.push(`the cache file ${location} was not used: ${cache.discarded}; it will be rewritten.`);
    toLint = [];
    for (const file of discovery.files) {
      const cached = cachedResult(cache, file, configHash(configs.get(file)!), options);
      if (cached) results.push(cached);
      else toLint.push(file);
    }
  }

  const outcomes = await lintAll(toLint, runOptions, session);
  const facts = options.facts ? new Map<string, DocumentFacts>() : undefined;
  outcomes.forEach((outcome, i) => {
    const file = toLint[i]!;
    if (outcome.unreadable) unreadable.push(file);
    if (facts && outcome.facts) facts.set(file, outcome.facts);
    results.push(outcome.result);
    if (!cache) return;
    if (outcome.contentHash === undefined || outcome.result.messages.some((message) => message.fatal)) cache.delete(file);
    else cache.set(file, outcome.contentHash, configHash(configs.get(file)!), outcome.result.messages);
  });
  if (cache) {
    try {
      cache.save();
    } catch (error) {
      notices.push(`the cache file ${cache.path} could not be written: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  unreadable.sort();
  return {
    results,
    unmatched: discovery.unmatched,
    unreadable,
    notices: [...resolver.pluginNotices, ...resolver.templateNotices, ...notices],
    ...(facts ? { facts } : {}),
  };
}

/**
 * A file's cached result when its bytes and configuration are unchanged. With fixes on,
 * a result that offers fixes is not reused: the file must be linted to apply them.
 */
function cachedResult(cache: LintCache, filePath: string, config: string, options: LintOptions): LintResult | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch {
    return undefined;
  }
  const messages = cache.get(filePath, contentHash(bytes), config);
  if (!messages || (options.fix && messages.some((message) => message.fix))) return undefined;
  return summarize(filePath, messages);
}

/** Lints files on this thread alone, or with worker threads when there are enough files. */
async function lintAll(files: readonly string[], options: LintOptions, session: LintSession): Promise<FileOutcome[]> {
  const threads = options.concurrency ?? availableParallelism();
  // Rule objects cannot be sent to a worker; a run with custom rules stays on this thread.
  if (threads <= 1 || files.length < MIN_FILES_FOR_WORKERS || options.rules) {
    return files.map((file) => lintFile(file, session));
  }
  return lintInParallel(files, options, { threads });
}
