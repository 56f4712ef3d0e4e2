import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api/lint.js';
import { PostmortemDocument } from '../../src/model/index.js';
import { MAX_NESTING } from '../../src/model/parse/parse.js';
import { packageRoot } from '../../src/util/package-root.js';
import { tempTree } from '../helpers.js';
import { expectLinearGrowth } from '../helpers/linear.js';

/**
 * Size: each input finishes in time linear in its size, without a stack overflow, with
 * memory bounded. Linearity is checked against the same input at a quarter of the size,
 * in this process (growth well under the 16× a quadratic cost would show); full-size
 * inputs run in a child process whose heap is capped, so that unbounded memory fails
 * rather than swaps. Timing goals belong in the benchmark, not here.
 */

const root = packageRoot();
const STRICT = { config: { extends: ['pm-lint:strict'] } } as const;
/** The project's own documents (examples and fixtures), the material of large postmortems. */
const corpus = [join(root, 'examples'), ...readdirSync(join(root, 'fixtures')).map((name) => join(root, 'fixtures', name))]
  .flatMap((directory) => readdirSync(directory).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(directory, name), 'utf8')))
  .join('\n\n');

function postmortemOf(size: number): string {
  let text = '# A very long postmortem\n\n';
  while (text.length < size) text += `${corpus}\n\n`;
  return text;
}

function timelineTable(rows: number): string {
  const lines = ['# Outage', '', '## Timeline', '', '| Time (UTC) | Event |', '| --- | --- |'];
  for (let i = 0; i < rows; i++) lines.push(`| 2026-03-${String(1 + Math.floor(i / 1440) % 28).padStart(2, '0')} ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | Event ${i} on **db-${i % 7}** |`);
  return `${lines.join('\n')}\n`;
}

function longLine(size: number): string {
  // Markup now and then, as in prose: under the parser's limit of emphasis and link markers.
  const plain = 'the replica in us-east-1b answered reads while the primary database was failing over and the queue drained, ';
  const words = `The *primary* database failed over at 14:02 UTC, see [the graph](https://grafana.test/d/1); ${plain.repeat(5)}`;
  return `# Outage\n\n## Summary\n\n${words.repeat(Math.ceil(size / words.length)).slice(0, size)}\n`;
}

/** The median time of three lint runs of a text. */
function lintTime(text: string): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    lintText(text, { filePath: 'big.md', ...STRICT });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

function expectLinear(make: (size: number) => string, size: number): { small: number; large: number } {
  lintText(make(size), { filePath: 'warm-up.md', ...STRICT });
  const small = lintTime(make(size));
  const large = lintTime(make(size * 4));
  // Linear is 4×; quadratic would be 16×. The margin absorbs noise on a shared machine.
  expect(large, `${Math.round(small)} ms for ${size}, ${Math.round(large)} ms for ${size * 4}`).toBeLessThan(small * 10 + 50);
  return { small, large };
}

/** Lints a file in a child process whose heap is capped (asynchronously: the test runner must stay responsive). */
async function lintCapped(text: string, heapMb: number) {
  const directory = tempTree({});
  const file = join(directory, 'big.md');
  writeFileSync(file, text);
  const started = performance.now();
  const child = await promisify(execFile)(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--input-type=module', '-e', `
      const { lintFiles } = await import(${JSON.stringify(join(root, 'dist', 'src', 'api', 'lint.js'))});
      const { results } = await lintFiles([${JSON.stringify(file)}], { config: { extends: ['pm-lint:strict'] } });
      const messages = results[0].messages;
      process.stdout.write(JSON.stringify({ count: messages.length, order: messages.filter((m) => m.ruleId === 'timeline-order').map((m) => m.line + ':' + m.column + ' ' + m.message), fatal: messages.filter((m) => m.fatal || m.message.startsWith('Internal error')).map((m) => m.message), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    `],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(child.stderr, 'the child process must not crash').toBe('');
  return { ...(JSON.parse(child.stdout) as { count: number; order: string[]; fatal: string[]; maxRssMb: number }), ms: performance.now() - started };
}

describe('large inputs', () => {
  it('a 10 MB postmortem: linear time, and linted within a 1 GB heap', async () => {
    const { small, large } = expectLinear(postmortemOf, 300_000);
    const text = postmortemOf(10_000_000);
    const run = await lintCapped(text, 1024);
    expect(run.fatal).toEqual([]);
    expect(run.count).toBeGreaterThan(1_000);
    console.info(`10 MB postmortem: ${Math.round(small)} ms for 300 kB, ${Math.round(large)} ms for 1.2 MB; full size ${Math.round(run.ms)} ms, peak RSS ${run.maxRssMb} MB`);
  }, 600_000);

  it('a 100,000-row timeline table: linear time, every row in the model at its line, within a 1 GB heap', async () => {
    const { small, large } = expectLinear(timelineTable, 2_500);
    const text = timelineTable(100_000);
    const run = await lintCapped(text, 1024);
    expect(run.fatal).toEqual([]);
    // The dates wrap from the 28th to the 1st at rows 40,320 and 80,640 (lines 40,327 and 80,647).
    expect(run.order).toEqual([
      '40327:3 Timeline entry 2026-03-01 00:00 is earlier than the entry before it (2026-03-28 23:59 on line 40326); expected times in order.',
      '80647:3 Timeline entry 2026-03-01 00:00 is earlier than the entry before it (2026-03-28 23:59 on line 80646); expected times in order.',
    ]);
    console.info(`100,000-row table: ${Math.round(small)} ms for 2,500 rows, ${Math.round(large)} ms for 10,000; full size ${Math.round(run.ms)} ms, peak RSS ${run.maxRssMb} MB`);
  }, 600_000);

  it('an export of thousands of dated incidents: their timelines and incidents in linear time', () => {
    // Each section is an incident of its own (its own date and timeline): the model finds
    // which incident holds each of tens of thousands of entries.
    const incidents = (count: number) =>
      Array.from({ length: count }, (_, n) => `## Incident ${n + 1}\n\n**Date:** 2026-03-${String(1 + (n % 28)).padStart(2, '0')}\n\n### Timeline\n\n- 09:00 Alert fires\n- 09:10 Engineer acknowledges\n- 09:40 Resolved\n`).join('\n');
    // Parsed outside the measure: each measured call reads the facts of a fresh document.
    expectLinearGrowth(
      (document: PostmortemDocument) => {
        expect(document.timelines.length).toBeGreaterThan(0);
        expect(document.incidents.length).toBeGreaterThan(1000);
      },
      'incidents',
      (scale) => new PostmortemDocument(`# Export\n\n${incidents(2500 * scale)}`),
    );
  });

  it('a single 1 MB line: linear time', () => {
    const { small, large } = expectLinear(longLine, 250_000);
    const result = lintText(longLine(1_000_000), { filePath: 'line.md', ...STRICT });
    expect(result.messages.filter((message) => message.fatal)).toEqual([]);
    // A 1 MB line of markup is refused at once with one message, in time linear in its length.
    expectLinearGrowth((scale) => lintText(`# Outage\n\n${'*a '.repeat(87_500 * scale)}\n`, { filePath: 'stars.md', ...STRICT }), 'markup line');
    const markup = lintText(`# Outage\n\n${'*a '.repeat(350_000)}\n`, { filePath: 'stars.md', ...STRICT });
    expect(markup.messages.map((message) => message.message)).toEqual([
      'Cannot lint this file: line 3 holds 350000 emphasis and link markers (*, _, ~, [, ]) without a blank line between them; pm-lint parses at most 10000 in one paragraph (more makes Markdown parsing quadratic and never occurs in a postmortem).',
    ]);
    console.info(`1 MB line: ${Math.round(small)} ms for 250 kB, ${Math.round(large)} ms for 1 MB`);
  });

  it(`5,000 levels of nested lists or block quotes: one fatal message in linear time (the limit is ${MAX_NESTING})`, () => {
    const forms: Record<string, (depth: number) => string> = {
      indented: (depth) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'),
      'markers on one line': (depth) => `${'- '.repeat(depth)}x`,
      'quotes on one line': (depth) => `${'> '.repeat(depth)}x`,
      'quotes, one more a line': (depth) => Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
      'mixed': (depth) => Array.from({ length: depth / 2 }, (_, i) => `${'  '.repeat(i)}- > level ${i + 1}`).join('\n'),
    };
    for (const [name, make] of Object.entries(forms)) {
      const result = lintText(`# Outage\n\n${make(5_000)}\n`, { filePath: 'deep.md', ...STRICT });
      expect(result.messages, name).toHaveLength(1);
      expect(result.messages[0]!.message, name).toMatch(/^Cannot lint this file: line \d+ nests lists or block quotes about \d+ levels deep; pm-lint parses at most 100 levels/);
    }
    // The indented form is quadratic in size (line i has 2i spaces): linear in its size is 16× for 4× the depth.
    const time = (depth: number) => lintTime(`# Outage\n\n${forms.indented!(depth)}\n`);
    time(500);
    const small = time(1_250);
    const large = time(5_000);
    expect(large, `${Math.round(small)} ms, ${Math.round(large)} ms`).toBeLessThan(small * 40 + 100);
    console.info(`5,000 nested lists: ${Math.round(small)} ms for 1,250 levels, ${Math.round(large)} ms for 5,000`);
  });
});

