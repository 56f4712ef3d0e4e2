import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { yaml } from '../util/lazy-yaml.js';
import { ConfigError } from './types.js';

/** Looked for in this order in each directory; the first present is that directory's configuration. */
export const CONFIG_FILE_NAMES = ['.pmlintrc.json', '.pmlintrc.yaml', '.pmlintrc.yml', 'pm-lint.config.json', 'package.json'];

/** The configuration file of a directory, if it has one (a package.json counts only with a "pm-lint" key). */
export function findConfigInDirectory(directory: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(directory, name);
    if (!existsSync(path)) continue;
    try {
      if (!statSync(path).isFile()) continue;
    } catch {
      continue;
    }
    if (name === 'package.json' && !packageJsonHasConfig(path)) continue;
    return path;
  }
  return null;
}

function packageJsonHasConfig(path: string): boolean {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && 'pm-lint' in data;
  } catch {
    return false;
  }
}

/** Reads and parses a configuration file; a missing file or a syntax error is a ConfigError. */
export function readConfigFile(path: string): unknown {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(error)})`;
    throw new ConfigError([{ source: path, path: '', message: reason }]);
  }
  text = text.replace(/^\uFEFF/, '');
  if (absolute.endsWith('.yaml') || absolute.endsWith('.yml')) {
    try {
      return yaml().parse(text, { prettyErrors: true }) ?? {};
    } catch (error) {
      throw new ConfigError([{ source: path, path: '', message: `invalid YAML: ${firstLine(error)}` }]);
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([{ source: path, path: '', message: `invalid JSON: ${jsonErrorWithLine(text, error)}` }]);
  }
  if (absolute.endsWith('package.json')) {
    return (data as Record<string, unknown>)['pm-lint'];
  }
  return data;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function jsonErrorWithLine(text: string, error: unknown): string {
  const message = firstLine(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

export function directoryOf(path: string): string {
  return dirname(resolve(path));
}
