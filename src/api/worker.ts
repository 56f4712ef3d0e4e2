/**
 * A worker thread of lintFiles: builds its own session (configuration resolver, rules)
 * from the run's LintOptions, then lints the batches of files it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../config/types.js';
import { createSession, lintFile, type LintOptions } from './lint-file.js';
import type { FromWorker, ToWorker } from './pool.js';

const port = parentPort!;
const session = createSession((workerData as { options: LintOptions }).options);

port.on('message', async (message: ToWorker) => {
  let reply: FromWorker;
  try {
    // Plugins the files' configurations name load here too (once per configuration chain).
    await session.resolver.loadPlugins(message.files);
    reply = { type: 'results', batch: message.batch, outcomes: message.files.map((file) => lintFile(file, session)) };
  } catch (error) {
    const problems = error instanceof ConfigError ? error.problems : undefined;
    reply = {
      type: 'failed',
      batch: message.batch,
      error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error), problems },
    };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
