import { isAbsolute, resolve } from 'node:path';
import type { Rule } from '../engine/types.js';
import { readConfigFile } from './load.js';
import { ConfigError } from './types.js';

/**
 * Marks a rule option that may be given as the path of a JSON (or YAML) file instead of
 * its value, such as a JSON Schema: `"x-pm-lint-file": "json"` in the option's schema.
 * Rules never read files; the configuration loader reads the file, relative to the
 * configuration that names it, and passes its content on.
 */
export const FILE_OPTION_KEYWORD = 'x-pm-lint-file';

/** The options with every file option that names a path replaced by the file's content. */
export function resolveFileOptions(
  rule: Rule<any>,
  options: Record<string, unknown>,
  directory: string,
): { options: Record<string, unknown>; problems: Array<{ key: string; message: string }> } {
  const properties = (rule.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const problems: Array<{ key: string; message: string }> = [];
  let resolved = options;
  for (const [name, property] of Object.entries(properties)) {
    const value = options[name];
    if (property[FILE_OPTION_KEYWORD] !== 'json' || typeof value !== 'string') continue;
    const path = isAbsolute(value) ? value : resolve(directory, value);
    try {
      const content = readConfigFile(path);
      if (typeof content !== 'object' || content === null || Array.isArray(content)) {
        problems.push({ key: name, message: `"${value}" must hold a JSON object` });
      } else resolved = { ...resolved, [name]: content };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push({ key: name, message: `cannot use "${value}": ${error.problems.map((problem) => problem.message).join('; ')}` });
    }
  }
  return { options: resolved, problems };
}
