import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConfigError, type ConfigProblem } from '../config/types.js';
import { packageRoot } from '../util/package-root.js';
import type { FileOutcome, LintOptions } from './lint-file.js';

/**
 * Below this many files, lintFiles does not start worker threads. A worker costs CPU before
 * it runs at full speed (loading pm-lint, then running the parser and rules' code slowly until
 * V8 has compiled it again in its own isolate). On two cores (files of 3-25 KB, the CLI's
 * tiering budget), two workers took 1.05 x the time of one thread on 40 files, the same on
 * 80, and 0.88 x on 150.
 */
export const MIN_FILES_FOR_WORKERS = 100;

/** Files sent to a worker at once: large enough to amortise messages, small enough to balance the load. */
const MAX_BATCH = 8;

/**
 * A worker's young generation (V8's default is 48 MiB: two 16 MiB semi-spaces and one for
 * large objects). A file's tree and model live for the few milliseconds it is linted; with
 * the default, many survive two scavenges and are promoted, and the old generation then
 * spends its time collecting them. At 96 MiB, 2,000 files took about 0.8 x the wall and CPU
 * time on two cores (`npm run bench`), for about 50 MiB more peak memory per worker.
 */
const YOUNG_GENERATION_MB = 96;

/** A worker thread crashed or reported an error it could not turn into a result. */
export class WorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerError';
  }
}

/** Messages between lintFiles and its workers (see worker.ts). */
export type ToWorker = { type: 'lint'; batch: number; files: string[] };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'results'; batch: number; outcomes: FileOutcome[] }
  | { type: 'failed'; batch: number | null; error: { name: string; message: string; problems?: ConfigProblem[] } };

export interface PoolOptions {
  /** Worker threads to start (fewer when there are too few files to keep them busy). */
  threads: number;
  /** The worker's script (tests substitute one that crashes). */
  workerScript?: string | URL;
}

/**
 * Lints files on `threads` worker threads, all taking batches from one queue; the outcomes
 * come back in the order of `files`. The calling thread only hands out work and collects
 * results: files are linted where the collector is sized for them (see YOUNG_GENERATION_MB),
 * which a running thread's young generation cannot be.
 *
 * node:worker_threads directly rather than piscina or tinypool: one queue over a fixed
 * set of threads for one run is all lintFiles needs.
 */
export function lintInParallel(files: readonly string[], options: LintOptions, pool: PoolOptions): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(files.length);
  const workerCount = Math.max(1, Math.min(pool.threads, Math.ceil(files.length / MAX_BATCH)));
  const script = pool.workerScript ?? defaultWorkerScript();
  return new Promise((resolve, reject) => {
    if (files.length === 0) return resolve(outcomes);
    let next = 0;
    let done = 0;
    let settled = false;
    const workers: Worker[] = [];
    /** Per worker: its batches in flight (two at most, so that it never waits for the next). */
    const inFlight = new Map<Worker, Map<number, number[]>>();

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const take = (count: number): number[] => {
      const taken: number[] = [];
      while (taken.length < count && next < files.length) taken.push(next++);
      return taken;
    };
    const batchSize = () => {
      const left = files.length - next;
      return Math.max(1, Math.min(MAX_BATCH, Math.floor(left / (2 * workers.length))));
    };
    const feed = (worker: Worker) => {
      const batches = inFlight.get(worker)!;
      while (batches.size < 2 && next < files.length) {
        const indices = take(batchSize());
        const batch = indices[0]!;
        batches.set(batch, indices);
        const message: ToWorker = { type: 'lint', batch, files: indices.map((index) => files[index]!) };
        worker.postMessage(message);
      }
    };
    const record = (index: number, outcome: FileOutcome) => {
      outcomes[index] = outcome;
      if (++done === files.length) finish();
    };

    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(script, { workerData: { options }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.push(worker);
      inFlight.set(worker, new Map());
      worker.on('message', (message: FromWorker) => {
        if (settled) return;
        if (message.type === 'ready') return feed(worker);
        if (message.type === 'failed') return finish(failure(message.error, filesOf(worker, message.batch)));
        const indices = inFlight.get(worker)!.get(message.batch) ?? [];
        inFlight.get(worker)!.delete(message.batch);
        feed(worker);
        message.outcomes.forEach((outcome, i) => record(indices[i]!, outcome));
      });
      worker.on('error', (error) => finish(new WorkerError(`a worker thread crashed${describeFiles(filesOf(worker))}: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!settled) finish(new WorkerError(`a worker thread stopped unexpectedly (exit code ${code})${describeFiles(filesOf(worker))}`));
      });
    }
    const filesOf = (worker: Worker, batch?: number | null): string[] => {
      const batches = inFlight.get(worker)!;
      const indices = batch !== undefined && batch !== null ? (batches.get(batch) ?? []) : [...batches.values()].flat();
      return indices.map((index) => files[index]!);
    };
  });
}

function failure(error: { name: string; message: string; problems?: ConfigProblem[] }, files: string[]): Error {
  if (error.name === 'ConfigError' && error.problems) return new ConfigError(error.problems);
  return new WorkerError(`a worker thread failed${describeFiles(files)}: ${error.message}`);
}

function describeFiles(files: string[]): string {
  if (files.length === 0) return '';
  return ` while linting ${files.length === 1 ? files[0] : `one of ${files.join(', ')}`}`;
}

/** worker.js beside this module; from the TypeScript sources (tests), the built one. */
function defaultWorkerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return join(packageRoot(), 'dist', 'src', 'api', 'worker.js');
  return join(here, '..', 'worker.js');
}
