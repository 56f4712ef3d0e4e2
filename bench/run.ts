/**
 * `npm run bench`: pm-lint against the parse floor and markdownlint-cli2, on one
 * generated corpus, in one run. See README.md, "Performance".
 *
 *   node dist/bench/run.js [--sizes 1,300,2000] [--large] [--runs 3] [--corpus DIR] [--smoke]
 *
 * --large adds a corpus of 10,000 files; --smoke runs everything once on 2 files (a test).
 * Big documents (bench/big-postmortem.ts: 10 MB and its first 2.5 MB) are linted as whole
 * processes, for their time, their peak memory and their cost per byte against the corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot, packageVersion } from '../src/util/package-root.js';
import { bigPostmortem } from './big-postmortem.js';
import { largePostmortem, writeCorpus } from './corpus.js';

/** Bumped whenever the generator's output changes, so that stored corpora are rebuilt. */
const GENERATOR_VERSION = 1;
const SEED = 1;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    large: { type: 'boolean', default: false },
    runs: { type: 'string' },
    corpus: { type: 'string' },
    smoke: { type: 'boolean', default: false },
  },
});
const smoke = values.smoke;
const sizes = smoke ? [2] : (values.sizes ?? '1,300,2000').split(',').map(Number).concat(values.large ? [10_000] : []);
const runs = Number(values.runs ?? (smoke ? 1 : 3));
const root = packageRoot();
const corpusRoot = values.corpus ?? (smoke ? mkdtempSync(join(tmpdir(), 'pm-lint-bench-')) : join(root, 'bench', '.corpus'));
const scratch = mkdtempSync(join(tmpdir(), 'pm-lint-bench-scratch-'));
const node = process.execPath;
const pmLint = join(root, 'dist', 'cli', 'bin.js');
const floorScript = join(root, 'dist', 'bench', 'floor.js');
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const gnuTime = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path));

interface Measurement {
  wall: number[];
  cpu: number[];
  rssKiB: number[];
}

/**
 * Runs a command with its output discarded: wall time and, when GNU time is there, CPU
 * time (user + system, every thread) and peak RSS.
 */
function measure(command: string[], cwd: string): { wall: number; cpu: number | null; rssKiB: number | null } {
  const usageFile = join(scratch, 'usage');
  const argv = gnuTime ? [gnuTime, '-f', '%M %U %S', '-o', usageFile, ...command] : command;
  const start = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - start) / 1000;
  if (result.error) throw result.error;
  // Lint findings exit with 1; anything else is a broken measurement.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command.join(' ')} exited with ${result.status}: ${result.stderr.toString().slice(-2000)}`);
  }
  // GNU time may print "Command exited with non-zero status 1" before its own line.
  const usage = gnuTime ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(usageFile, 'utf8')) : null;
  return { wall, cpu: usage ? Number(usage[2]) + Number(usage[3]) : null, rssKiB: usage ? Number(usage[1]) : null };
}

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} KB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** A corpus of `count` files, generated once and kept (bench/.corpus is ignored by git). */
function corpus(count: number): { directory: string; bytes: number } {
  const directory = join(corpusRoot, String(count));
  const stamp = join(directory, '.stamp.json');
  const wanted = JSON.stringify({ generator: GENERATOR_VERSION, seed: SEED, count });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').startsWith(wanted.slice(0, -1))) {
    return { directory, bytes: (JSON.parse(readFileSync(stamp, 'utf8')) as { bytes: number }).bytes };
  }
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const bytes = writeCorpus(directory, count, SEED);
  // Every rule on, as the issue asks ("all rules").
  writeFileSync(join(directory, '.pmlintrc.json'), JSON.stringify({ root: true, extends: ['pm-lint:strict'] }));
  writeFileSync(stamp, `${wanted.slice(0, -1)},"bytes":${bytes}}`);
  return { directory, bytes };
}

type Tool = 'floor' | 'pm-lint' | 'pm-lint --concurrency 1' | 'pm-lint --cache (warm)' | 'markdownlint-cli2';
const TOOLS: Tool[] = ['floor', 'pm-lint --concurrency 1', 'pm-lint', 'pm-lint --cache (warm)', 'markdownlint-cli2'];

function commandFor(tool: Tool, directory: string, cacheFile: string): string[] {
  switch (tool) {
    case 'floor':
      return [node, floorScript, '.'];
    case 'pm-lint':
      return [node, pmLint, '.'];
    case 'pm-lint --concurrency 1':
      return [node, pmLint, '.', '--concurrency', '1'];
    case 'pm-lint --cache (warm)':
      return [node, pmLint, '.', '--cache', '--cache-location', cacheFile];
    case 'markdownlint-cli2':
      return [node, markdownlint, '**/*.md'];
  }
}

interface Row {
  files: number;
  bytes: number;
  tool: Tool;
  wall: number;
  cpu: number | null;
  rssMiB: number | null;
}

const rows: Row[] = [];
process.stderr.write(`pm-lint ${packageVersion()} on node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}); ${runs} run(s) each\n`);
for (const count of sizes) {
  const { directory, bytes } = corpus(count);
  const cacheFile = join(scratch, `cache-${count}.json`);
  // The warm-cache rows need a cache: one untimed run fills it.
  measure([node, pmLint, '.', '--cache', '--cache-location', cacheFile], directory);
  const measured = new Map<Tool, Measurement>(TOOLS.map((tool) => [tool, { wall: [], cpu: [], rssKiB: [] }]));
  // Round-robin, so that a slow moment of the machine is shared by every tool.
  for (let run = 0; run < runs; run++) {
    for (const tool of TOOLS) {
      const { wall, cpu, rssKiB } = measure(commandFor(tool, directory, cacheFile), directory);
      measured.get(tool)!.wall.push(wall);
      if (cpu !== null) measured.get(tool)!.cpu.push(cpu);
      if (rssKiB !== null) measured.get(tool)!.rssKiB.push(rssKiB);
      process.stderr.write(`${count} files, ${tool}: ${wall.toFixed(2)} s\n`);
    }
  }
  for (const tool of TOOLS) {
    const { wall, cpu, rssKiB } = measured.get(tool)!;
    rows.push({ files: count, bytes, tool, wall: median(wall), cpu: cpu.length > 0 ? median(cpu) : null, rssMiB: rssKiB.length > 0 ? Math.max(...rssKiB) / 1024 : null });
  }
}

// File-size scaling: one realistic postmortem of 20 KB and one of 5 MB, in one process.
const scalingDirectory = join(scratch, 'scaling');
mkdirSync(scalingDirectory);
const scalingSizes = smoke ? [2_000, 20_000] : [20_000, 5_000_000];
const scalingFiles = scalingSizes.map((size) => {
  const path = join(scalingDirectory, `postmortem-${size}.md`);
  writeFileSync(path, largePostmortem(size));
  return path;
});
const scalingRun = spawnSync(node, [join(root, 'dist', 'bench', 'scaling.js'), String(smoke ? 1 : runs), ...scalingFiles], { encoding: 'utf8', maxBuffer: 1 << 20 });
if (scalingRun.status !== 0) throw new Error(`scaling failed: ${scalingRun.stderr}`);
const scaling = JSON.parse(scalingRun.stdout) as Array<{ file: string; bytes: number; pmLintMs: number; floorMs: number }>;

// Big documents: one file of 10 MB (a bad export, a generated log) and its first 2.5 MB,
// each linted as a user would (whole process, every rule on).
const bigDirectory = join(scratch, 'big');
mkdirSync(bigDirectory);
writeFileSync(join(bigDirectory, '.pmlintrc.json'), JSON.stringify({ root: true, extends: ['pm-lint:strict'] }));
const bigSizes = smoke ? [20_000, 80_000] : [2_500_000, 10_000_000];
const bigText = bigPostmortem(Math.max(...bigSizes));
const bigRows = bigSizes.map((bytes) => {
  const name = `big-${bytes}.md`;
  // The smaller document is the first part of the larger one, cut at a section.
  const text = bigText.length <= bytes ? bigText : bigText.slice(0, bigText.lastIndexOf('\n## ', bytes) + 1);
  writeFileSync(join(bigDirectory, name), text);
  const measured: Measurement = { wall: [], cpu: [], rssKiB: [] };
  for (let run = 0; run < runs; run++) {
    const { wall, cpu, rssKiB } = measure([node, pmLint, name], bigDirectory);
    measured.wall.push(wall);
    if (cpu !== null) measured.cpu.push(cpu);
    if (rssKiB !== null) measured.rssKiB.push(rssKiB);
    process.stderr.write(`${size(text.length)} document: ${wall.toFixed(2)} s\n`);
  }
  return { bytes: text.length, wall: median(measured.wall), cpu: measured.cpu.length > 0 ? median(measured.cpu) : null, rssMiB: measured.rssKiB.length > 0 ? Math.max(...measured.rssKiB) / 1024 : null };
});

// The editor: from a change sent to `pm-lint lsp` to its diagnostics, for a 30 KB postmortem, on one core.
const editorFile = join(scratch, 'postmortem-30k.md');
writeFileSync(editorFile, largePostmortem(30_000));
const editorRun = spawnSync(node, [join(root, 'dist', 'bench', 'lsp.js'), String(smoke ? 3 : 30), editorFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
if (editorRun.status !== 0) throw new Error(`lsp failed: ${editorRun.stderr}`);
const editor = JSON.parse(editorRun.stdout) as { bytes: number; changes: number; medianMs: number; p90Ms: number; cpuMs: number | null; rssMiB: number | null; pinned: boolean };

// The report.
const floorOf = (files: number) => rows.find((row) => row.files === files && row.tool === 'floor')!.wall;
const rowOf = (files: number, tool: Tool) => rows.find((row) => row.files === files && row.tool === tool);
const lines = [
  '| files | MB | tool | median wall (s) | files/s | MB/s | CPU (s) | peak RSS (MiB) | × floor |',
  '|------:|---:|------|----------------:|--------:|-----:|--------:|---------------:|--------:|',
];
for (const row of rows) {
  const mb = row.bytes / 1e6;
  lines.push(
    `| ${row.files} | ${mb.toFixed(1)} | ${row.tool} | ${row.wall.toFixed(2)} | ${(row.files / row.wall).toFixed(0)} | ${(mb / row.wall).toFixed(2)} | ${row.cpu === null ? 'n/a' : row.cpu.toFixed(2)} | ${row.rssMiB === null ? 'n/a' : row.rssMiB.toFixed(0)} | ${(row.wall / floorOf(row.files)).toFixed(2)} |`,
  );
}
lines.push('', '| file size | pm-lint (ms) | floor (ms) | pm-lint × floor |', '|----------:|-------------:|-----------:|----------------:|');
for (const row of scaling) {
  lines.push(`| ${size(row.bytes)} | ${row.pmLintMs.toFixed(1)} | ${row.floorMs.toFixed(1)} | ${(row.pmLintMs / row.floorMs).toFixed(2)} |`);
}
// Seconds per MB of the typical postmortems: the largest corpus on one thread.
const typical = rowOf(Math.max(...sizes), 'pm-lint --concurrency 1')!;
const typicalSecondsPerMB = typical.wall / (typical.bytes / 1e6);
lines.push('', '| document | median wall (s) | CPU (s) | peak RSS (MiB) | s per MB | × typical per byte |', '|---------:|---------------:|--------:|---------------:|---------:|-------------------:|');
for (const row of bigRows) {
  const perMB = row.wall / (row.bytes / 1e6);
  lines.push(
    `| ${size(row.bytes)} | ${row.wall.toFixed(2)} | ${row.cpu === null ? 'n/a' : row.cpu.toFixed(2)} | ${row.rssMiB === null ? 'n/a' : row.rssMiB.toFixed(0)} | ${perMB.toFixed(2)} | ${(perMB / typicalSecondsPerMB).toFixed(2)} |`,
  );
}
lines.push(`| typical (${typical.files} files, --concurrency 1) | ${typical.wall.toFixed(2)} | ${typical.cpu === null ? 'n/a' : typical.cpu.toFixed(2)} | ${typical.rssMiB === null ? 'n/a' : typical.rssMiB.toFixed(0)} | ${typicalSecondsPerMB.toFixed(2)} | 1.00 |`);
lines.push(
  '',
  '| editor (pm-lint lsp) | file size | changes | median (ms) | 90th percentile (ms) | server CPU per change (ms) | server peak RSS (MiB) |',
  '|----------------------|----------:|--------:|------------:|---------------------:|---------------------------:|----------------------:|',
  `| change → diagnostics${editor.pinned ? ', one core' : ''} | ${size(editor.bytes)} | ${editor.changes} | ${editor.medianMs.toFixed(1)} | ${editor.p90Ms.toFixed(1)} | ${editor.cpuMs === null ? 'n/a' : editor.cpuMs.toFixed(1)} | ${editor.rssMiB === null ? 'n/a' : editor.rssMiB.toFixed(0)} |`,
);

// The targets, each as measured ratio against its limit.
const targets: Array<[string, number, number]> = [];
const largest = Math.max(...sizes.filter((size) => size > 1));
const ratio = (files: number, tool: Tool, against: Tool | 'floor') => {
  const a = rowOf(files, tool);
  const b = against === 'floor' ? floorOf(files) : rowOf(files, against)?.wall;
  return a && b ? a.wall / b : NaN;
};
targets.push([`all rules, --concurrency 1, ${largest} files: × floor`, ratio(largest, 'pm-lint --concurrency 1', 'floor'), 1.15]);
targets.push([`all rules, default concurrency, ${largest} files: × floor`, ratio(largest, 'pm-lint', 'floor'), 0.65]);
for (const files of sizes.filter((size) => size >= 300)) {
  targets.push([`all rules, default concurrency, ${files} files: × markdownlint-cli2`, ratio(files, 'pm-lint', 'markdownlint-cli2'), 0.5]);
}
targets.push([`warm cache, ${largest} files: × cold run (default concurrency)`, ratio(largest, 'pm-lint --cache (warm)', 'pm-lint'), 0.05]);
if (sizes.includes(1)) targets.push(['one file: × markdownlint-cli2', ratio(1, 'pm-lint', 'markdownlint-cli2'), 0.8]);
if (sizes.includes(10_000)) {
  const rss = rowOf(10_000, 'pm-lint')?.rssMiB ?? NaN;
  targets.push(['peak RSS at 10,000 files (MiB, all threads of the process)', rss, 300]);
}
const [small, big] = scaling;
if (small && big) targets.push([`${size(big.bytes)} file ÷ ${size(small.bytes)} file (in bytes: × ${(big.bytes / small.bytes).toFixed(0)})`, big.pmLintMs / small.pmLintMs, 250]);
const growth = sizes.filter((size) => size >= 200);
if (growth.length >= 2) {
  const [a, b] = [growth[0]!, growth.at(-1)!];
  const perFile = (files: number) => rowOf(files, 'pm-lint --concurrency 1')!.wall / files;
  targets.push([`cost per file, ${b} files ÷ ${a} files (--concurrency 1; linear: about 1)`, perFile(b) / perFile(a), 1.15]);
}
if (!smoke) {
  const [prefix, whole] = bigRows as [(typeof bigRows)[0], (typeof bigRows)[0]];
  targets.push([`${size(whole.bytes)} document: wall (s)`, whole.wall, 20]);
  targets.push([`${size(whole.bytes)} document: peak RSS (MiB)`, whole.rssMiB ?? NaN, 1024]);
  targets.push([`its first ${size(prefix.bytes)}: wall (s)`, prefix.wall, 5]);
  targets.push([`its first ${size(prefix.bytes)}: peak RSS (MiB)`, prefix.rssMiB ?? NaN, 400]);
  for (const row of bigRows) targets.push([`${size(row.bytes)} document: cost per byte × typical postmortems'`, row.wall / (row.bytes / 1e6) / typicalSecondsPerMB, 2]);
}
targets.push([`pm-lint lsp: change → diagnostics, ${size(editor.bytes)} postmortem${editor.pinned ? ', one core' : ''} (median ms)`, editor.medianMs, 50]);
lines.push('', '| target | measured | limit | met |', '|--------|---------:|------:|-----|');
for (const [name, measuredValue, limit] of targets) {
  lines.push(`| ${name} | ${measuredValue.toFixed(2)} | ${limit} | ${measuredValue <= limit ? 'yes' : 'NO'} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
writeFileSync(join(scratch, 'results.json'), JSON.stringify({ rows, scaling, big: bigRows, editor, targets }, null, 2));
if (!smoke) {
  mkdirSync(corpusRoot, { recursive: true });
  writeFileSync(join(corpusRoot, 'results.json'), JSON.stringify({ node: process.version, cores: availableParallelism(), rows, scaling, big: bigRows, editor, targets }, null, 2));
}
rmSync(scratch, { recursive: true, force: true });
if (smoke) rmSync(corpusRoot, { recursive: true, force: true });
