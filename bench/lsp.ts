/**
 * The editor's wait: the time from a change sent to `pm-lint lsp` to the diagnostics of
 * that change, for one postmortem. The server is the bundled binary, started as editors
 * start it and pinned to one core (taskset, where there is one); the debounce is set to 0,
 * so what is measured is the server's work (an editor adds the debounce, 100 ms by default,
 * after the last keystroke). Every rule is on.
 *
 *   node dist/bench/lsp.js <changes> <file>   prints JSON: { bytes, changes, medianMs, p90Ms, cpuMs, rssMiB }
 *
 * cpuMs is the server's CPU time per change (from /proc, on Linux): on a busy machine the
 * wall times include waiting for the core, this does not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { packageRoot } from '../src/util/package-root.js';

const [changesArgument, file] = process.argv.slice(2);
const changes = Number(changesArgument);
const text = readFileSync(file!, 'utf8');
const directory = mkdtempSync(join(tmpdir(), 'pm-lint-bench-lsp-'));
writeFileSync(join(directory, '.pmlintrc.json'), JSON.stringify({ root: true, extends: ['pm-lint:strict'] }));
const path = join(directory, 'postmortem.md');
writeFileSync(path, text);
const uri = pathToFileURL(path).href;

const bin = join(packageRoot(), 'dist', 'cli', 'bin.js');
const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((candidate) => existsSync(candidate));
const command = taskset ? [taskset, '-c', '0', process.execPath, bin, 'lsp'] : [process.execPath, bin, 'lsp'];
const server = spawn(command[0]!, command.slice(1), { cwd: directory, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map<number, (at: number) => void>();
connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number }) => {
  if (params.uri === uri && params.version !== undefined) waiting.get(params.version)?.(performance.now());
});
connection.onRequest('client/registerCapability', () => null);
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(directory).href, capabilities: {}, initializationOptions: { debounce: 0 } });
await connection.sendNotification('initialized', {});

const published = (version: number) => new Promise<number>((resolve) => waiting.set(version, resolve));
const opened = published(1);
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
await opened;

// A word typed in the middle of the document, then taken back: the document stays the same size.
const lines = text.split('\n');
const line = Math.floor(lines.length / 2);
const column = lines[line]!.length;
const times: number[] = [];
let cpuBefore: number | null = null;
// The first changes warm the server up (its code is compiled on first use); they are not counted.
const warmUp = 3;
for (let version = 2; version < 2 + warmUp + changes; version++) {
  const typing = version % 2 === 0;
  const range = typing
    ? { start: { line, character: column }, end: { line, character: column } }
    : { start: { line, character: column }, end: { line, character: column + 5 } };
  if (version === 2 + warmUp) cpuBefore = cpuTicks(server.pid);
  const done = published(version);
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typing ? ' word' : '' }] });
  const end = await done;
  if (version >= 2 + warmUp) times.push(end - start);
}
const cpuAfter = cpuTicks(server.pid);
const rssMiB = peakRss(server.pid);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await new Promise((resolve) => server.on('exit', resolve));
connection.dispose();
rmSync(directory, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
const cpuMs = cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) / ticksPerSecond / times.length) * 1000 : null;
process.stdout.write(`${JSON.stringify({ bytes: Buffer.byteLength(text), changes: times.length, medianMs: at(0.5), p90Ms: at(0.9), cpuMs, rssMiB, pinned: taskset !== undefined })}\n`);

/** The largest peak RSS (MiB) of a process and its children, from /proc; null elsewhere. */
function peakRss(pid: number | undefined): number | null {
  try {
    const own = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return Math.max(own, ...children.map((child) => peakRss(Number(child)) ?? 0));
  } catch {
    return null;
  }
}

/**
 * The CPU time so far (user and system) of a process and its children, in clock ticks,
 * from /proc (`pm-lint lsp` runs the server in a child process); null elsewhere.
 */
function cpuTicks(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    let ticks = Number(fields[11]) + Number(fields[12]);
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
      ticks += cpuTicks(Number(child)) ?? 0;
    }
    return ticks;
  } catch {
    return null;
  }
}
