import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKey } from '../src/api/cache.js';
import { lintFiles, type LintOptions } from '../src/api/lint.js';
import { getParseCount } from '../src/model/parse/parse.js';
import { rules } from '../rules/index.js';
import { COMPLETE, INCOMPLETE, tempTree } from './helpers.js';

/** A complete postmortem whose summary holds mojibake: text-encoding reports it, with a fix. */
const MOJIBAKE = COMPLETE.replace('## Summary\n\nText.', '## Summary\n\nThe team\u00e2\u20ac\u2122s database failed over.');

async function run(root: string, options: LintOptions = {}) {
  const before = getParseCount();
  const outcome = await lintFiles(['.'], { cwd: root, concurrency: 1, cache: true, ...options });
  return { ...outcome, parses: getParseCount() - before };
}

function project(): string {
  return tempTree({ 'a.md': COMPLETE, 'b.md': INCOMPLETE, 'docs/c.md': COMPLETE });
}

describe('--cache', () => {
  it('reuses the results of unchanged files without parsing them, and relints a changed one', async () => {
    const root = project();
    const cold = await run(root);
    expect(cold.parses).toBe(3);
    expect(existsSync(join(root, '.pmlintcache'))).toBe(true);
    const warm = await run(root);
    expect(warm.parses).toBe(0);
    expect(warm.results).toEqual(cold.results);
    expect(warm.results[1]!.messages.length).toBeGreaterThan(0);

    writeFileSync(join(root, 'b.md'), COMPLETE);
    const edited = await run(root);
    expect(edited.parses).toBe(1);
    expect(edited.results.map((result) => result.errorCount)).toEqual([0, 0, 0]);
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(root).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('relints every file when the configuration changes, and only files it applies to when a nested one changes', async () => {
    const root = project();
    await run(root);
    writeFileSync(join(root, '.pmlintrc.json'), JSON.stringify({ rules: { 'required-sections': 'warn' } }));
    const all = await run(root);
    expect(all.parses).toBe(3);
    expect(all.results[1]!.messages[0]).toMatchObject({ ruleId: 'required-sections', severity: 1 });
    expect((await run(root)).parses).toBe(0);
    writeFileSync(join(root, 'docs', '.pmlintrc.json'), JSON.stringify({ rules: { 'no-empty-sections': 'off' } }));
    expect((await run(root)).parses).toBe(1);
    // A rule's options are part of the configuration too.
    writeFileSync(join(root, 'docs', '.pmlintrc.json'), JSON.stringify({ rules: { 'no-empty-sections': ['warn', { ignore: ['appendix'] }] } }));
    expect((await run(root)).parses).toBe(1);
  });

  it('relints everything under another pm-lint version, rule set or run-wide option', async () => {
    const root = project();
    await run(root);
    const path = join(root, '.pmlintcache');
    const cache = JSON.parse(readFileSync(path, 'utf8')) as { key: string };
    expect(cache.key).toBe(runKey(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version, rules.map((rule) => rule.id), {}));
    writeFileSync(path, JSON.stringify({ ...cache, key: runKey('0.0.0-older', rules.map((rule) => rule.id), {}) }));
    const otherVersion = await run(root);
    expect(otherVersion.parses).toBe(3);
    expect(otherVersion.notices).toEqual([]);
    expect((await run(root)).parses).toBe(0);
    expect((await run(root, { reportUnusedDisableDirectives: true })).parses).toBe(3);
    expect((await run(root, { rules: rules.slice(1) })).parses).toBe(3);
  });

  it('ignores a corrupt or truncated cache file with a notice, and rewrites it', async () => {
    const root = project();
    const cold = await run(root);
    const path = join(root, '.pmlintcache');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100));
    const truncated = await run(root);
    expect(truncated.parses).toBe(3);
    expect(truncated.results).toEqual(cold.results);
    expect(truncated.notices).toEqual([`the cache file ${path} was not used: it is not valid JSON (truncated or corrupt); it will be rewritten.`]);
    expect((await run(root)).parses).toBe(0);
    writeFileSync(path, '[1, 2, 3]');
    expect((await run(root)).notices).toEqual([`the cache file ${path} was not used: it is not a pm-lint cache; it will be rewritten.`]);
    writeFileSync(path, JSON.stringify({ format: 1, key: 'x', files: { 'a.md': { hash: 1 } } }));
    expect((await run(root)).notices).toHaveLength(1);
    expect((await run(root)).notices).toEqual([]);
  });

  it('never serves a stale result to --fix: a fixed file is linted, written, and cached under its new content', async () => {
    const root = tempTree({ 'a.md': MOJIBAKE });
    const plain = await run(root);
    expect(plain.results[0]!.messages.map((message) => message.ruleId)).toEqual(['text-encoding']);
    // Cached with a fix on offer: --fix must lint the file to apply it.
    const fixed = await run(root, { fix: 'write' });
    expect(fixed.parses).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toContain('The team\u2019s database failed over.');
    expect(fixed.results[0]!.messages).toEqual([]);
    const after = await run(root);
    expect(after.parses).toBe(0);
    expect(after.results[0]!.messages).toEqual([]);
    // A dry run's messages describe the fixed text, not the file: they are never cached.
    writeFileSync(join(root, 'a.md'), MOJIBAKE);
    const dry = await run(root, { fix: true });
    expect(dry.results[0]!.output).toContain('The team\u2019s database');
    expect((await run(root)).results[0]!.messages.map((message) => message.ruleId)).toEqual(['text-encoding']);
  });

  it('writes to --cache-location (creating its directory), and does not cache files that could not be read', async () => {
    const root = tempTree({ 'a.md': COMPLETE, 'binary.md': new Uint8Array([0, 1, 2]) });
    const first = await run(root, { cacheLocation: 'cache/pm-lint.json' });
    expect(first.notices).toEqual([]);
    expect(existsSync(join(root, '.pmlintcache'))).toBe(false);
    const content = JSON.parse(readFileSync(join(root, 'cache', 'pm-lint.json'), 'utf8')) as { files: Record<string, unknown> };
    // Entries are named relative to the cache file.
    expect(Object.keys(content.files)).toEqual(['../a.md']);
    const second = await run(root, { cacheLocation: 'cache/pm-lint.json' });
    expect(second.parses).toBe(0);
    expect(second.results[1]!.messages[0]).toMatchObject({ fatal: true, message: 'Cannot lint this file: the file is binary (it contains NUL bytes), not Markdown text.' });
  });
});
