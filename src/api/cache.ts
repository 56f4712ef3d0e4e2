import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { FileConfig } from '../config/resolve.js';
import type { LintMessage } from '../engine/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** Bumped when the cache file's layout changes; an older file is then ignored. */
// 2: messages may carry `duplicates` (findings of two rules on one span reported once).
const FORMAT = 2;

export const DEFAULT_CACHE_LOCATION = '.pmlintcache';

interface CacheEntry {
  /** SHA-1 of the file's bytes. */
  hash: string;
  /** Hash of the file's effective configuration (see configHash). */
  config: string;
  messages: LintMessage[];
}

interface CacheContent {
  format: number;
  /** pm-lint's version, the rule set and run-wide options: a change invalidates every entry. */
  key: string;
  /** By path relative to the cache file's directory, '/'-separated. */
  files: Record<string, CacheEntry>;
}

/**
 * The results of earlier runs: a file whose bytes and effective configuration are
 * unchanged, under the same pm-lint version and rule set, gets its earlier messages
 * back without being parsed. Written atomically; a corrupt file is ignored with a notice.
 */
export class LintCache {
  private readonly files: Record<string, CacheEntry>;
  private readonly seen = new Set<string>();
  private changed = false;

  private constructor(
    readonly path: string,
    private readonly key: string,
    files: Record<string, CacheEntry>,
    /** Why an existing cache file was not used, for a notice; null when it was used or absent. */
    readonly discarded: string | null,
  ) {
    this.files = files;
  }

  /** Loads the cache at `path` when its key matches `key` (see runKey); otherwise starts empty. */
  static load(path: string, key: string): LintCache {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new LintCache(path, key, {}, null);
      return new LintCache(path, key, {}, `it cannot be read (${code ?? String(error)})`);
    }
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch {
      return new LintCache(path, key, {}, 'it is not valid JSON (truncated or corrupt)');
    }
    if (!isCacheContent(content)) return new LintCache(path, key, {}, 'it is not a pm-lint cache');
    if (content.format !== FORMAT || content.key !== key) {
      // Another version, rule set or run-wide option: expected, so no notice.
      return new LintCache(path, key, {}, null);
    }
    return new LintCache(path, key, content.files, null);
  }

  /** The messages stored for a file with these bytes and configuration, if any. */
  get(filePath: string, hash: string, config: string): LintMessage[] | undefined {
    const name = this.name(filePath);
    this.seen.add(name);
    const entry = this.files[name];
    if (entry && entry.hash === hash && entry.config === config) return entry.messages;
    return undefined;
  }

  set(filePath: string, hash: string, config: string, messages: LintMessage[]): void {
    const name = this.name(filePath);
    this.seen.add(name);
    this.files[name] = { hash, config, messages };
    this.changed = true;
  }

  /** Forgets a file (one whose result must not be reused, such as an unreadable one). */
  delete(filePath: string): void {
    const name = this.name(filePath);
    this.seen.add(name);
    if (name in this.files) {
      delete this.files[name];
      this.changed = true;
    }
  }

  /**
   * Writes the cache when something changed. Entries of files this run did not lint are
   * kept while the file exists (a run over a few files must not empty the cache).
   */
  save(): void {
    const directory = resolve(this.path, '..');
    for (const name of Object.keys(this.files)) {
      if (this.seen.has(name)) continue;
      try {
        if (statSync(resolve(directory, name)).isFile()) continue;
      } catch {
        // Gone: forget it.
      }
      delete this.files[name];
      this.changed = true;
    }
    if (!this.changed && this.discarded === null) return;
    const content: CacheContent = { format: FORMAT, key: this.key, files: this.files };
    mkdirSync(directory, { recursive: true });
    writeFileAtomic(this.path, JSON.stringify(content));
  }

  private name(filePath: string): string {
    return relative(resolve(this.path, '..'), filePath).split(sep).join('/');
  }
}

function isCacheContent(value: unknown): value is CacheContent {
  if (typeof value !== 'object' || value === null) return false;
  const content = value as Partial<CacheContent>;
  if (typeof content.format !== 'number' || typeof content.key !== 'string') return false;
  if (typeof content.files !== 'object' || content.files === null || Array.isArray(content.files)) return false;
  return Object.values(content.files).every(
    (entry) => typeof entry === 'object' && entry !== null && typeof entry.hash === 'string' && typeof entry.config === 'string' && Array.isArray(entry.messages),
  );
}

/** What invalidates every entry at once: pm-lint's version, the rules that exist, and run-wide options. */
export function runKey(version: string, ruleIds: readonly string[], options: { reportUnusedDisableDirectives?: boolean }): string {
  return sha1(JSON.stringify({ version, rules: ruleIds, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives === true }));
}

const configHashes = new WeakMap<FileConfig, string>();

/**
 * A hash of a file's effective configuration: every rule's severity and options (defaults
 * included), settings, the template's bytes, and the overrides that depend on metadata.
 */
export function configHash(config: FileConfig): string {
  let hash = configHashes.get(config);
  if (hash === undefined) {
    hash = sha1(
      JSON.stringify({
        rules: config.ruleSettings,
        settings: config.settings,
        template: config.template?.hash ?? null,
        conditional: config.conditional?.map((override) => ({ when: override.when, rules: override.rules })) ?? [],
      }),
    );
    configHashes.set(config, hash);
  }
  return hash;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
