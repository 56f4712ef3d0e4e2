import { createRequire } from 'node:module';

let loaded: typeof import('yaml') | undefined;

/**
 * The yaml package, loaded on first use: most runs read neither front matter nor a YAML
 * configuration, and loading it costs a one-file run about 30 ms.
 */
export function yaml(): typeof import('yaml') {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return loaded;
}
