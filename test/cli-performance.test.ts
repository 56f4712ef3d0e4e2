import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPLETE, INCOMPLETE, tempTree } from './helpers.js';
import { bin, runCli, staticClosure } from './helpers/cli.js';

const run = (args: string[], cwd: string, input?: string) => runCli(args, cwd, { input });

describe('--concurrency', () => {
  it('exits 2 for a value that is not a whole number of threads', () => {
    const root = tempTree({ 'a.md': COMPLETE });
    for (const value of ['0', 'abc', '1.5', '-2', '']) {
      const result = run(['a.md', '--concurrency', value], root);
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toBe(`pm-lint: --concurrency expects a whole number of threads from 1 to 1024, got "${value}"\n`);
      expect(result.stdout).toBe('');
    }
  });
});

describe('--cache and --cache-location', () => {
  it('writes .pmlintcache in the working directory and gives the same report from it', () => {
    const root = tempTree({ 'a.md': COMPLETE, 'b.md': INCOMPLETE });
    const cold = run(['--cache'], root);
    expect(existsSync(join(root, '.pmlintcache'))).toBe(true);
    const warm = run(['--cache'], root);
    expect(warm).toEqual(cold);
    expect(warm.code).toBe(1);
    run(['--cache', '--cache-location', 'tmp/lint-cache.json'], root);
    expect(existsSync(join(root, 'tmp', 'lint-cache.json'))).toBe(true);
  });

  it('tells on stderr that a corrupt cache was ignored, and lints as usual', () => {
    const root = tempTree({ 'b.md': INCOMPLETE, '.pmlintcache': '{"format":1,"key":"' });
    const result = run(['--cache'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`pm-lint: the cache file ${join(root, '.pmlintcache')} was not used: it is not valid JSON (truncated or corrupt); it will be rewritten.\n`);
    expect(result.stdout).toContain('Missing required section "Impact"');
    expect(run(['--cache'], root).stderr).toBe('');
  });

  it('exits 2 for --cache-location without --cache, an empty location, or --cache with --stdin', () => {
    const root = tempTree({ 'a.md': COMPLETE });
    expect(run(['a.md', '--cache-location', 'x.json'], root)).toMatchObject({ code: 2, stderr: 'pm-lint: --cache-location needs --cache\n' });
    expect(run(['a.md', '--cache', '--cache-location', ''], root)).toMatchObject({ code: 2, stderr: 'pm-lint: --cache-location expects a file path\n' });
    expect(run(['--stdin', '--cache'], root, COMPLETE)).toMatchObject({ code: 2, stderr: 'pm-lint: --cache applies to files, not to standard input\n' });
  });
});

describe('the bundled command line (scripts/bundle-cli.ts)', () => {
  it('loads a handful of files for a plain run; yargs, the diff, the sub-commands and the language server only when asked for', () => {
    const loaded = staticClosure('bin.js');
    expect(loaded.length).toBeLessThanOrEqual(10);
    expect(loaded.filter((file) => /^(yargs|init|new|explain|list-rules|server)-/.test(file))).toEqual([]);
    const text = loaded.map((file) => readFileSync(join(dirname(bin), file), 'utf8')).join('\n');
    expect(text).not.toContain('function structuredPatch(');
    expect(text).not.toContain('textDocument/publishDiagnostics');
    expect(readFileSync(bin, 'utf8')).toMatch(/import\("\.\/yargs-[\w-]+\.js"\)/);
  });

});

