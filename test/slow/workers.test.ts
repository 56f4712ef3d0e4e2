import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { lintFiles } from '../../src/api/lint.js';
import { lintInParallel, MIN_FILES_FOR_WORKERS } from '../../src/api/pool.js';
import { reportFiles } from '../../src/api/report/report.js';
import { ConfigError } from '../../src/config/types.js';
import { getParseCount } from '../../src/model/parse/parse.js';
import { packageRoot } from '../../src/util/package-root.js';
import { tempTree } from '../helpers.js';
import { bin, runCli, staticClosure } from '../helpers/cli.js';

/**
 * Worker threads, with the hundreds of files it takes to start them: the same results on
 * one thread and on several, from the library, the bundled command line and the report.
 */
const STRICT = JSON.stringify({ root: true, extends: ['pm-lint:strict'] });
const run = (args: string[], cwd: string, input?: string) => runCli(args, cwd, { input });
const config = { root: true, extends: 'pm-lint:recommended' } as const;

/** Generated postmortems (the benchmark's generator), every rule on. */
function corpus(count: number): string {
  const root = tempTree({ '.pmlintrc.json': STRICT });
  writeCorpus(root, count);
  return root;
}

describe('lintFiles on worker threads', () => {
  it('gives the same results, in the same (path) order, with 1 and 2 threads', async () => {
    const root = corpus(MIN_FILES_FOR_WORKERS + 16);
    const one = await lintFiles(['.'], { cwd: root, concurrency: 1 });
    const two = await lintFiles(['.'], { cwd: root, concurrency: 2 });
    const three = await lintFiles(['.'], { cwd: root, concurrency: 3 });
    expect(one.results).toHaveLength(MIN_FILES_FOR_WORKERS + 16);
    const paths = one.results.map((result) => result.filePath);
    expect(paths).toEqual([...paths].sort());
    // Realistic documents, some with defects: the comparison is not one of empty lists.
    expect(one.results.some((result) => result.messages.length > 0)).toBe(true);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });

  it('lints every file on the workers, none on the calling thread, with a larger young generation', async () => {
    const root = corpus(MIN_FILES_FOR_WORKERS);
    const before = getParseCount();
    const { results } = await lintFiles(['.'], { cwd: root, concurrency: 2 });
    expect(results).toHaveLength(MIN_FILES_FOR_WORKERS);
    expect(getParseCount() - before).toBe(0);
    // A stand-in worker that answers each file with the resource limits it was started with.
    writeFileSync(join(root, 'limits.mjs'), [
      "import { parentPort, resourceLimits } from 'node:worker_threads';",
      "parentPort.on('message', ({ batch, files }) => parentPort.postMessage({ type: 'results', batch,",
      "  outcomes: files.map((filePath) => ({ result: { filePath, limits: resourceLimits }, unreadable: false })) }));",
      "parentPort.postMessage({ type: 'ready' });",
    ].join('\n'));
    const outcomes = await lintInParallel(['a.md', 'b.md'], { cwd: root }, { threads: 2, workerScript: join(root, 'limits.mjs') });
    expect(outcomes.map((outcome) => (outcome.result as unknown as { limits: object }).limits)).toEqual([
      expect.objectContaining({ maxYoungGenerationSizeMb: 96 }), expect.objectContaining({ maxYoungGenerationSizeMb: 96 }),
    ]);
  });

  it('reports a configuration error met in a worker as a ConfigError', async () => {
    const root = corpus(MIN_FILES_FOR_WORKERS);
    const files = (await lintFiles(['.'], { cwd: root, concurrency: 1 })).results.map((result) => result.filePath);
    // Workers resolve configuration themselves: one written after the run started is theirs to find.
    writeFileSync(join(root, 'teams', '.pmlintrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    const run = lintInParallel(files, { cwd: root }, { threads: 2 });
    await expect(run).rejects.toBeInstanceOf(ConfigError);
    await expect(run).rejects.toThrow(/rules\.no-such-rule: unknown rule "no-such-rule"/);
  });
});

describe('the command line on worker threads', () => {
  it('prints the same report with one thread and with several', () => {
    const root = tempTree({ '.pmlintrc.json': JSON.stringify({ root: true, extends: ['pm-lint:strict'] }) });
    writeCorpus(root, MIN_FILES_FOR_WORKERS + 8);
    const one = run(['--concurrency', '1'], root);
    const two = run(['--concurrency=2'], root);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    expect(one.stdout).toMatch(/\d+ problems? \(/);
  });

  it('starts its worker threads from the bundle, with the same reports as the unbundled build', () => {
    const root = tempTree({ 'wide.md': '# 근본 원인 🔥\n\n## Summary\n\n\tTBD — 未定\n' });
    writeCorpus(root, MIN_FILES_FOR_WORKERS + 2);
    const unbundledBin = join(packageRoot(), 'dist', 'src', 'cli', 'bin.js');
    // stylish with and without colour: the bundle measures columns with src/util/fast-string-width.ts.
    for (const args of [['-f', 'json'], [], ['--color']]) {
      const bundled = run([...args, '--concurrency', '2'], root);
      const unbundled = runCli([...args, '--concurrency', '2'], root, { script: unbundledBin });
      expect(bundled.code, args.join(' ')).toBe(1);
      expect(bundled.stdout, args.join(' ')).toBe(unbundled.stdout);
    }
    expect(staticClosure('worker.js').every((file) => existsSync(join(dirname(bin), file)))).toBe(true);
  });
});

describe('pm-lint report on worker threads', () => {
  it('reads the facts on worker threads as on one thread; files it cannot read or parse are listed with why', async () => {
    const root = tempTree({ 'binary.md': Buffer.from([0, 1, 2, 0, 0, 3]), 'deep.md': `${'> '.repeat(120)}deep\n` });
    writeCorpus(root, MIN_FILES_FOR_WORKERS + 4);
    const options = { cwd: root, asOf: '2026-03-20', config };
    const one = await reportFiles(['.'], { ...options, concurrency: 1 });
    const two = await reportFiles(['.'], { ...options, concurrency: 2 });
    expect(two.report).toEqual(one.report);
    expect(one.report.documents.length).toBe(MIN_FILES_FOR_WORKERS + 6);
    expect(one.report.documents.filter((document) => document.responseTimes.resolve !== null).length).toBeGreaterThan(0);
    const unreadable = one.report.documents.filter((document) => document.fatal);
    expect(unreadable.map((document) => [document.path, document.errors, document.title])).toEqual([
      ['binary.md', 1, null],
      ['deep.md', 1, null],
    ]);
    expect(unreadable[0]!.fatal).toMatch(/^Cannot lint this file: /);
  });
});
