import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../src/util/package-root.js';

/** The bundled binary, as npm links it (npm test builds first; scripts/bundle-cli.ts). */
export const bin = join(packageRoot(), 'dist', 'cli', 'bin.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the pm-lint binary (or another build of it, `script`) without colour; `as` runs it as
 * another user (root can give its privileges away).
 */
export function runCli(args: string[], cwd: string, options: { input?: string; as?: { uid: number; gid: number }; script?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, [options.script ?? bin, ...args], {
    cwd,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(options.as ?? {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON report's entries: path relative to `root`, and each message as "line:col severity ruleId message". */
export function jsonReport(stdout: string, root: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number; column: number; severity: number; ruleId: string | null; message: string }> }>;
  return Object.fromEntries(
    results.map((result) => [
      result.filePath.slice(root.length + 1),
      result.messages.map((message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId ?? '-'} ${message.message}`),
    ]),
  );
}

const NOBODY = { uid: 65534, gid: 65534 };

/**
 * Who to run the binary as so that file permissions apply: root ignores them, so as root
 * the binary runs as "nobody" (which must be able to run node and read pm-lint). Returns
 * the reason when that is impossible, for the test to report itself skipped.
 */
export function unprivileged(): { as?: { uid: number; gid: number }; skip?: string } {
  if (typeof process.getuid !== 'function') return { skip: 'file permissions are POSIX-only' };
  if (process.getuid() !== 0) return {};
  const probe = spawnSync(process.execPath, [bin, '--version'], { ...NOBODY, encoding: 'utf8' });
  if (probe.status !== 0) return { skip: `running as root, and the user "nobody" cannot run pm-lint (${probe.error?.message ?? probe.stderr.trim()})` };
  return { as: NOBODY };
}

/** Lets any user traverse and read a tree (mkdtemp makes directories 0700). */
export function openToEveryone(root: string): void {
  chmodSync(root, 0o755);
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) continue;
    chmodSync(path, entry.isDirectory() ? 0o777 : (statSync(path).mode & 0o777) | 0o644);
  }
}

/** SHA-256 of every file under a directory (symbolic links as their target text), by relative path. */
export function hashTree(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = entry.isSymbolicLink() ? `link to ${readlinkSync(path)}` : readFileSync(path);
    hashes[path.slice(root.length + 1)] = createHash('sha256').update(content).digest('hex');
  }
  return hashes;
}

/**
 * Runs pm-lint's command line in this process (the same `main` the binary calls), without
 * starting a process: for tests that run it many times. Output is captured, not written.
 */
export async function runCliInProcess(args: string[], cwd: string): Promise<RunResult> {
  const { main } = await import('../../src/cli/cli.js');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => Buffer.alloc(0),
    cwd,
    isTTY: false,
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}

/** The files node loads before a bundled entry (bin.js, worker.js) runs: its static imports, transitively. */
export function staticClosure(entry: string): string[] {
  const seen = new Set<string>([entry]);
  for (const file of seen) {
    const text = readFileSync(join(dirname(bin), file), 'utf8');
    for (const [, imported] of text.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) seen.add(imported!);
  }
  return [...seen];
}
