
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { lintFiles } from '../src/api/lint.js';
import { lintInParallel, MIN_FILES_FOR_WORKERS, WorkerError } from '../src/api/pool.js';
import { getParseCount } from '../src/model/parse/parse.js';
import { tempTree } from './helpers.js';

const STRICT = JSON.stringify({ root: true, extends: ['pm-lint:strict'] });

/** Generated postmortems (the benchmark's generator), every rule on. */
function corpus(count: number): string {
  const root = tempTree({ '.pmlintrc.json': STRICT });
  writeCorpus(root, count);
  return root;
}

describe('lintFiles on worker threads', () => {
  it('parses each file exactly once with every rule on', async () => {
    const root = corpus(12);
    const before = getParseCount();
    const { results } = await lintFiles(['.'], { cwd: root, concurrency: 1 });
    expect(results).toHaveLength(12);
    expect(getParseCount() - before).toBe(12);
  });

});

describe('plugins on worker threads', () => {
  it('loads the plugins a configuration names in every worker, and their rules report there too', async () => {
    const files: Record<string, string> = {
      '.pmlintrc.json': JSON.stringify({ extends: [], plugins: ['./acme.mjs'], rules: { 'acme/no-foo': 'error' } }),
      'acme.mjs': [
        "export default { name: 'acme', rules: [{ id: 'no-foo', description: 'Reports foo.', severity: 'error', recommended: false,",
        "  messages: { foo: 'Unexpected foo.' }, schema: { type: 'object', additionalProperties: false, properties: {} },",
        "  check(doc, context) { const i = doc.text.indexOf('foo'); if (i >= 0) context.report({ offsets: { start: i, end: i + 3 }, messageId: 'foo' }); } }] };",
      ].join('\n'),
    };
    for (let i = 0; i < MIN_FILES_FOR_WORKERS + 20; i++) files[`docs/f${String(i).padStart(3, '0')}.md`] = `# T${i}\n\nfoo\n`;
    const root = tempTree(files);
    const paths = Object.keys(files).filter((path) => path.endsWith('.md')).map((path) => join(root, path));
    const outcomes = await lintInParallel(paths, { cwd: root }, { threads: 2 });
    expect(outcomes).toHaveLength(paths.length);
    for (const outcome of outcomes) {
      expect(outcome.result.messages).toEqual([expect.objectContaining({ ruleId: 'acme/no-foo', line: 3, column: 1, message: 'Unexpected foo.' })]);
    }
    const { results } = await lintFiles(['docs'], { cwd: root, concurrency: 2 });
    expect(results.every((result) => result.messages.length === 1 && result.messages[0]!.ruleId === 'acme/no-foo')).toBe(true);
  });
});

describe('a crashing worker', () => {
  it('fails the run with a clear WorkerError, naming the files, instead of hanging', async () => {
    const root = tempTree({
      'throws.mjs': "throw new Error('cannot load');\n",
      'exits.mjs': "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\nparentPort.postMessage({ type: 'ready' });\n",
    });
    const files = Array.from({ length: 40 }, (_, i) => join(root, `missing-${String(i).padStart(2, '0')}.md`));
    const thrown = lintInParallel(files, { cwd: root }, { threads: 2, workerScript: join(root, 'throws.mjs') });
    await expect(thrown).rejects.toThrow(WorkerError);
    await expect(thrown).rejects.toThrow(/^a worker thread crashed: cannot load$/);
    const exited = lintInParallel(files, { cwd: root }, { threads: 2, workerScript: join(root, 'exits.mjs') });
    await expect(exited).rejects.toThrow(/^a worker thread stopped unexpectedly \(exit code 3\) while linting one of .*missing-\d\d\.md/);
  });
});
