import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/api/lint.js';
import { reportFiles, summarize, today, type PostmortemReport } from '../src/api/report/report.js';
import { main, type CliIo } from '../src/cli/cli.js';
import { markdownReport } from '../src/reporters/report-markdown.js';
import { packageRoot } from '../src/util/package-root.js';
import { tempTree } from './helpers.js';
import { mermaidBlocks, mermaidParser } from './helpers/mermaid.js';

const documents = join(packageRoot(), 'test', 'documents', 'report');
const expectedJson = JSON.parse(readFileSync(join(packageRoot(), 'test', 'documents', 'report-expected.json'), 'utf8')) as PostmortemReport;
const expectedMarkdown = readFileSync(join(packageRoot(), 'test', 'documents', 'report-expected.md'), 'utf8');
const config = { root: true, extends: 'pm-lint:recommended' } as const;
const corpus = join(packageRoot(), '..', 'shared', 'real-postmortems');

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => Buffer.alloc(0), cwd, isTTY: false, env: {} };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Each table of a Markdown text: its rows, each split into cells (escaped pipes kept in their cell). */
function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());
      (current ??= []).push(cells);
      if (current.length === 1) found.push(current);
    } else current = null;
  }
  return found;
}

/** A table's lines under a heading of the report. */
function tableUnder(markdown: string, heading: string): string[] {
  const section = markdown.slice(markdown.indexOf(`\n${heading}\n`) + heading.length + 2);
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rest = lines.slice(start);
  return rest.slice(0, rest.findIndex((line) => !line.startsWith('|')));
}

describe('pm-lint report', () => {
  it('JSON: the report on the fixtures, exact', async () => {
    const { report } = await reportFiles(['.'], { cwd: documents, asOf: '2026-03-20', config });
    expect(report).toEqual(expectedJson);
    const { code, stdout } = await cli(['report', '.', '--format', 'json', '--as-of', '2026-03-20'], documents);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as PostmortemReport & { generator: string };
    expect(printed.generator).toMatch(/^pm-lint \d+\.\d+\.\d+/);
    const { generator: _generator, ...rest } = printed;
    expect(rest).toEqual(expectedJson);
  });

  it('Markdown: the report on the fixtures, exact, its tables well formed', async () => {
    const { report } = await reportFiles(['.'], { cwd: documents, asOf: '2026-03-20', config });
    const markdown = markdownReport(report, { version: '9.9.9' });
    expect(markdown).toBe(expectedMarkdown);
    for (const table of tables(markdown)) {
      const [header, separator, ...rows] = table;
      expect(separator!.every((cell) => /^-{3}:?$/.test(cell)), header!.join(' | ')).toBe(true);
      for (const row of [separator!, ...rows]) expect(row, header!.join(' | ')).toHaveLength(header!.length);
    }
    expect(tableUnder(markdown, '## Incidents by month')).toEqual([
      '| Month | SEV-1 | SEV-2 | Total |',
      '| --- | ---: | ---: | ---: |',
      '| 2026-01 | 1 | 1 | 2 |',
      '| 2026-03 | 0 | 1 | 1 |',
      '| **Total** | 1 | 2 | 3 |',
    ]);
    expect(tableUnder(markdown, '## Time to detect, mitigate and resolve')).toEqual([
      '| Metric | Incidents | Median | 90th percentile |',
      '| --- | ---: | ---: | ---: |',
      '| Time to detect | 3 | 4 min | 3 h |',
      '| Time to mitigate | 1 | 18 min | 18 min |',
      '| Time to resolve | 3 | 1 h 15 min | 5 h 30 min |',
    ]);
    expect(tableUnder(markdown, '## Open action items by owner and priority')).toEqual([
      '| Owner | P1 | P2 | P3 | No priority | Open |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      '| @netops | 1 | 0 | 1 | 0 | 2 |',
      '| @data | 0 | 1 | 0 | 0 | 1 |',
      '| @identity | 1 | 0 | 0 | 0 | 1 |',
      '| *No owner* | 2 | 0 | 0 | 1 | 3 |',
    ]);
    expect(tableUnder(markdown, '## Overdue action items (due before 2026-03-20)').map((line) => line.split(' | ').slice(0, 4).join(' | '))).toEqual([
      '| Due | Days overdue | Action | Owner',
      '| --- | ---: | --- | ---',
      '| 2026-02-01 | 47 | Add request coalescing (owner: [name], due: 2026-02-01) | *none*',
      '| 2026-02-15 | 33 | Automate the session-store failover | @identity',
      '| 2026-03-01 | 19 | Alert on session-store disk health | *none*',
      '| 2026-03-15 | 5 | Alert when the export runs more than an hour late (priority: P1, due: 2026-03-15) | *none*',
    ]);
    expect(tableUnder(markdown, '## Lint health')).toEqual([
      '| Postmortem | Incident date | Errors | Warnings |',
      '| --- | --- | ---: | ---: |',
      '| [2026-01-08-login-errors.md](2026-01-08-login-errors.md) | 2026-01-08 | 1 | 0 |',
      '| [2026-01-27-billing-export.md](2026-01-27-billing-export.md) | 2026-01-27 | 0 | 1 |',
      '| [2026-03-14-dns-outage.md](2026-03-14-dns-outage.md) | 2026-03-14 | 0 | 0 |',
      '| [draft-cache-stampede.md](draft-cache-stampede.md) |  | 7 | 1 |',
    ]);
  });

  it('Mermaid: every chart parses with Mermaid\'s own parser, and its series match its axis', async () => {
    const parse = await mermaidParser();
    const blocks = mermaidBlocks(expectedMarkdown);
    expect(blocks.map((block) => block.split('\n')[0])).toEqual(['xychart-beta', 'pie title Incidents by severity', 'xychart-beta', 'xychart-beta']);
    for (const block of blocks) {
      const { diagramType } = await parse(block);
      expect(['xychart', 'pie']).toContain(diagramType);
      if (diagramType !== 'xychart') continue;
      const labels = JSON.parse(/^ {2}x-axis (\[.*\])$/m.exec(block)![1]!) as string[];
      const values = JSON.parse(/^ {2}bar (\[.*\])$/m.exec(block)![1]!) as number[];
      expect(values).toHaveLength(labels.length);
    }
    expect(blocks[0]).toBe(['xychart-beta', '  title "Incidents per month"', '  x-axis ["2026-01", "2026-02", "2026-03"]', '  y-axis "Incidents" 0 --> 2', '  bar [2, 0, 1]'].join('\n'));
    // A diagram Mermaid refuses is caught: the check is not vacuous.
    await expect(parse('xychart-beta\n  x-axis ["a", "b"\n  bar [1, 2]')).rejects.toThrow();
    await expect(parse('pie title X\n  SEV-1 : 2')).rejects.toThrow();
  });

  it('--as-of sets the day overdue items are counted from; today by default; an impossible day is a usage error', async () => {
    const overdue = async (asOf: string) =>
      (JSON.parse((await cli(['report', '.', '-f', 'json', '--as-of', asOf], documents)).stdout) as PostmortemReport).actionItems.overdue.map(
        (item) => `${item.due} ${item.daysOverdue}`,
      );
    expect(await overdue('2026-02-16')).toEqual(['2026-02-01 15', '2026-02-15 1']);
    expect(await overdue('2026-02-15')).toEqual(['2026-02-01 14']);
    expect(await overdue('2027-01-01')).toHaveLength(7);
    const byDefault = JSON.parse((await cli(['report', '.', '-f', 'json'], documents)).stdout) as PostmortemReport;
    expect(byDefault.asOf).toBe(today());
    const bad = await cli(['report', '.', '--as-of', '2026-02-30'], documents);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--as-of expects a real day written YYYY-MM-DD, got "2026-02-30"');
    expect((await cli(['report', '.', '--format', 'sarif'], documents)).code).toBe(2);
    expect((await cli(['report', '--stdin'], documents)).code).toBe(2);
  });

  it('-o writes the report atomically, its links relative to where it is written; a path that cannot be written leaves nothing', async () => {
    const root = tempTree({});
    cpSync(documents, join(root, 'docs'), { recursive: true });
    mkdirSync(join(root, 'reports'));
    writeFileSync(join(root, 'reports', 'postmortems.md'), 'old report\n');
    chmodSync(join(root, 'reports', 'postmortems.md'), 0o640);
    const written = await cli(['report', 'docs', '-o', 'reports/postmortems.md', '--as-of', '2026-03-20'], root);
    expect(written).toEqual({ code: 0, stdout: '', stderr: 'Wrote reports/postmortems.md.\n' });
    const text = readFileSync(join(root, 'reports', 'postmortems.md'), 'utf8');
    expect(text).toContain('| [docs/2026-01-08-login-errors.md](../docs/2026-01-08-login-errors.md) | 2026-01-08 | 1 | 0 |');
    expect(text.endsWith('</sub>\n')).toBe(true);
    expect(statSync(join(root, 'reports', 'postmortems.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(root, 'reports'))).toEqual(['postmortems.md']);
    const failed = await cli(['report', 'docs', '-o', 'missing/report.md'], root);
    expect(failed.code).toBe(2);
    expect(existsSync(join(root, 'missing'))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['docs', 'reports']);
  });

  it('leaves the README that indexes the postmortems out of every figure', async () => {
    const root = tempTree({
      'README.md': '# Postmortems\n\n- [Checkout](2026-03-02-checkout.md)\n- [Search](2026-03-09-search.md)\n',
      '2026-03-02-checkout.md': '# Checkout errors\n\n**Date:** 2026-03-02\n\n## Summary\n\nCheckout failed.\n',
      '2026-03-09-search.md': '# Search errors\n\n**Date:** 2026-03-09\n\n## Summary\n\nSearch failed.\n',
    });
    const { report } = await reportFiles(['.'], { cwd: root, asOf: '2026-03-20', config });
    expect(report.documents.map((document) => document.path)).toEqual(['2026-03-02-checkout.md', '2026-03-09-search.md']);
    expect(report.health.documents).toBe(2);
  });

  it('summarises times: the median (the mean of the middle two for an even count) and the 90th percentile by nearest rank', () => {
    expect(summarize([])).toEqual({ incidents: 0, medianSeconds: null, p90Seconds: null });
    expect(summarize([60])).toEqual({ incidents: 1, medianSeconds: 60, p90Seconds: 60 });
    expect(summarize([300, 60, 120, 600])).toEqual({ incidents: 4, medianSeconds: 210, p90Seconds: 600 });
    expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ incidents: 10, medianSeconds: 6, p90Seconds: 9 });
  });

  it.skipIf(!existsSync(corpus))('on ../shared/real-postmortems: finishes, its counts agree with a lint run, its charts parse', async () => {
    const options = { cwd: corpus, ignore: false, plugins: false, config };
    const { report } = await reportFiles(['.'], { ...options, asOf: '2026-06-01' });
    const { results } = await lintFiles(['.'], options);
    expect(report.health.documents).toBe(results.length);
    expect(report.health.errors).toBe(results.reduce((sum, result) => sum + result.errorCount, 0));
    expect(report.health.warnings).toBe(results.reduce((sum, result) => sum + result.warningCount, 0));
    expect(report.health.clean).toBe(results.filter((result) => result.messages.length === 0).length);
    expect(report.documents.map((document) => [document.errors, document.warnings])).toEqual(results.map((result) => [result.errorCount, result.warningCount]));
    const dated = report.documents.filter((document) => document.date !== null).length;
    expect(report.incidents.byMonth.reduce((sum, month) => sum + month.total, 0)).toBe(dated);
    expect(report.actionItems.open + report.actionItems.completed).toBe(report.actionItems.total);
    const parse = await mermaidParser();
    const markdown = markdownReport(report);
    for (const block of mermaidBlocks(markdown)) await parse(block);
    for (const table of tables(markdown)) for (const row of table) expect(row).toHaveLength(table[0]!.length);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');

  it('shows real output: its terminal excerpt is what pm-lint prints at 100 columns', async () => {
    const excerpt = /```text\n(examples\/[\s\S]*?)```/.exec(readme)![1]!.split('\n').filter((line) => line !== '' && line !== '…' && line !== '  …');
    let stdout = '';
    const io: CliIo = { stdout: (text) => (stdout += text), stderr: () => {}, readStdin: () => Buffer.alloc(0), cwd: packageRoot(), isTTY: true, columns: 100, env: {} };
    await main(['examples', '--no-color'], io);
    const lines = stdout.split('\n');
    for (const line of excerpt) expect(lines, line).toContain(line);
  });

  it('shows real output: its excerpt of the Markdown report is what `pm-lint report examples` writes', async () => {
    const excerpt = /````markdown\n([\s\S]*?)````/.exec(readme)![1]!;
    const { code, stdout } = await cli(['report', 'examples', '--as-of', '2026-04-10'], packageRoot());
    expect(code).toBe(0);
    // Each table of the excerpt is a table of the report, whole.
    for (const table of excerpt.split('\n\n').filter((block) => block.startsWith('|'))) expect(stdout).toContain(`${table.trimEnd()}\n`);
    for (const line of excerpt.split('\n').filter((line) => line !== '')) expect(stdout.split('\n'), line).toContain(line);
  });
});
