import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { displayGenerated, generatedFiles } from './docs.js';

/** Writes the generated documentation; `npm run docs`. */
for (const file of generatedFiles()) {
  const current = existsSync(file.path) ? readFileSync(file.path, 'utf8') : null;
  if (current === file.content) continue;
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.content);
  process.stdout.write(`updated ${displayGenerated(file.path)}\n`);
}
