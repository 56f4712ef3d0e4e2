import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory of pm-lint's own package.json, from source (tests) or from dist (installed). */
export function packageRoot(): string {
  if (root) return root;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'pm-lint') {
          root = directory;
          return root;
        }
      } catch {
        // Not ours; keep walking up.
      }
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error('pm-lint cannot find its own package.json');
    directory = parent;
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
