import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/types.js';
import { compileSchema } from './ajv.js';
import type { ConfigProblem } from './types.js';

/**
 * Plugins: modules of custom rules that a configuration names in `plugins`. Loading one
 * runs its code, so pm-lint loads only what a configuration names (never a file it
 * merely finds), and not at all with `--no-plugins` (see the README's trust model).
 *
 * A plugin's default export is an array of rules, or `{ name?, rules }`. Its rules get ids
 * `<name>/<rule id>`: the plugin's `name`, or one taken from its file or package name
 * ("pm-lint-plugin-acme", "pm-lint-acme.mjs" → "acme"). They are off until a
 * configuration turns them on; presets never do.
 */

/** A plugin as a configuration names it. */
export interface PluginReference {
  /** As written in the configuration. */
  specifier: string;
  /** The configuration file (or "<config>") that names it. */
  source: string;
  /** Its key path there: "plugins[0]". */
  key: string;
  /** The module's absolute path, or why it could not be found. */
  resolved: { path: string } | { problem: string };
}

export interface LoadedPlugin {
  name: string;
  path: string;
  specifier: string;
  rules: Array<Rule<any>>;
}

/** Loaded plugins by absolute path: a process loads each module once (as `import` would). */
const registry = new Map<string, LoadedPlugin | { problems: ConfigProblem[] }>();

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Finds the module a specifier names: a path relative to the configuration's directory, or a package installed there. */
export function resolvePlugin(specifier: string, directory: string, source: string, key: string): PluginReference {
  const reference = { specifier, source, key };
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const path = resolve(directory, specifier);
    return { ...reference, resolved: existsSync(path) ? { path } : { problem: `cannot find the plugin "${specifier}" (no file ${path})` } };
  }
  try {
    return { ...reference, resolved: { path: createRequire(join(directory, 'package.json')).resolve(specifier) } };
  } catch {
    const path = packageEntry(specifier, directory);
    return {
      ...reference,
      resolved: path ? { path } : { problem: `cannot find the plugin package "${specifier}" (install it where the configuration is, or give a path starting with "./")` },
    };
  }
}

/** An ESM-only package's entry, which require.resolve does not find: its "exports" import or default, or "main". */
function packageEntry(name: string, directory: string): string | null {
  for (let current = directory; ; current = dirname(current)) {
    const root = join(current, 'node_modules', name);
    const manifest = join(root, 'package.json');
    if (existsSync(manifest)) {
      try {
        const data = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown; main?: string };
        const exported = entryOf(data.exports);
        const entry = exported ?? data.main ?? 'index.js';
        const path = resolve(root, entry);
        return existsSync(path) ? path : null;
      } catch {
        return null;
      }
    }
    if (dirname(current) === current) return null;
  }
}

function entryOf(exports: unknown): string | null {
  if (typeof exports === 'string') return exports;
  if (typeof exports !== 'object' || exports === null) return null;
  const record = exports as Record<string, unknown>;
  if ('.' in record) return entryOf(record['.']);
  for (const condition of ['import', 'node', 'default']) {
    if (condition in record) return entryOf(record[condition]);
  }
  return null;
}

/** Loads plugins not loaded yet; returns the problems of those that cannot be used (each also kept for later calls). */
export async function loadPlugins(references: readonly PluginReference[]): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  for (const reference of references) {
    if ('problem' in reference.resolved) {
      problems.push({ source: reference.source, path: reference.key, message: reference.resolved.problem });
      continue;
    }
    const { path } = reference.resolved;
    let entry = registry.get(path);
    if (!entry) {
      entry = await importPlugin(path, reference);
      registry.set(path, entry);
    }
    if ('problems' in entry) problems.push(...entry.problems.map((problem) => ({ ...problem, source: reference.source, path: reference.key })));
  }
  return problems;
}

/** A plugin loaded before, by its absolute path; undefined when it was not loaded (or could not be). */
export function loadedPlugin(path: string): LoadedPlugin | undefined {
  const entry = registry.get(path);
  return entry && !('problems' in entry) ? entry : undefined;
}

/** Every rule of every plugin loaded in this process (for reporters that describe rules). */
export function loadedPluginRules(): Array<Rule<any>> {
  return [...registry.values()].flatMap((entry) => ('rules' in entry ? entry.rules : []));
}

async function importPlugin(path: string, reference: PluginReference): Promise<LoadedPlugin | { problems: ConfigProblem[] }> {
  const problem = (message: string) => ({ problems: [{ source: reference.source, path: reference.key, message }] });
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    return problem(`cannot load the plugin "${reference.specifier}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const exported = 'default' in module ? module.default : module;
  const declared = Array.isArray(exported) ? { rules: exported } : (exported as { name?: unknown; rules?: unknown } | null);
  if (typeof declared !== 'object' || declared === null || !Array.isArray(declared.rules)) {
    return problem(`the plugin "${reference.specifier}" must export (as default) an array of rules or { name, rules: [...] }`);
  }
  const name = declared.name ?? nameFromSpecifier(reference.specifier);
  if (typeof name !== 'string' || !NAME.test(name)) {
    return problem(`the plugin "${reference.specifier}" needs a kebab-case "name" (got ${JSON.stringify(name)})`);
  }
  const problems: string[] = [];
  const rules: Array<Rule<any>> = [];
  const seen = new Set<string>();
  for (const [index, rule] of (declared.rules as unknown[]).entries()) {
    const reasons = ruleProblems(rule);
    const id = (rule as { id?: unknown } | null)?.id;
    const label = typeof id === 'string' ? `rule "${id}"` : `rule ${index}`;
    if (reasons.length > 0) {
      problems.push(`${label}: ${reasons.join('; ')}`);
      continue;
    }
    const valid = rule as Rule<any>;
    if (seen.has(valid.id)) {
      problems.push(`${label}: two rules have this id`);
      continue;
    }
    seen.add(valid.id);
    rules.push({ ...valid, id: `${name}/${valid.id}`, recommended: false, plugin: { name, specifier: reference.specifier } });
  }
  if (problems.length > 0) return problem(`the plugin "${reference.specifier}" has invalid rules: ${problems.join('; ')}`);
  return { name, path, specifier: reference.specifier, rules };
}

/** "pm-lint-plugin-acme", "@corp/pm-lint-acme", "./tools/pm-lint-acme.mjs" → "acme". */
export function nameFromSpecifier(specifier: string): string {
  const last = basename(specifier.replace(/\\/g, '/'));
  const withoutExtension = specifier.startsWith('.') || isAbsolute(specifier) ? last.slice(0, last.length - extname(last).length) : last;
  return withoutExtension.replace(/^pm-lint-plugin-|^pm-lint-/, '').toLowerCase();
}

/** What is wrong with a rule a plugin exports, checked against the Rule interface. */
function ruleProblems(rule: unknown): string[] {
  if (typeof rule !== 'object' || rule === null) return ['is not an object'];
  const candidate = rule as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof candidate.id !== 'string' || !NAME.test(candidate.id)) problems.push('"id" must be kebab-case, such as "no-foo"');
  if (typeof candidate.description !== 'string' || candidate.description.trim() === '') problems.push('"description" must be a sentence');
  if (candidate.severity !== 'error' && candidate.severity !== 'warn') problems.push('"severity" must be "error" or "warn"');
  const messages = candidate.messages;
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages) || Object.keys(messages).length === 0) {
    problems.push('"messages" must map message ids to templates');
  } else if (!Object.values(messages).every((template) => typeof template === 'string')) {
    problems.push('every message template must be a string');
  }
  if (typeof candidate.schema !== 'object' || candidate.schema === null || Array.isArray(candidate.schema)) {
    problems.push('"schema" must be a JSON Schema object for the options');
  } else {
    try {
      compileSchema(candidate.schema as Record<string, unknown>);
    } catch (error) {
      problems.push(`"schema" is not a valid JSON Schema (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (typeof candidate.check !== 'function') problems.push('"check" must be a function');
  const supersedes = candidate.supersedes;
  if (supersedes !== undefined && !(Array.isArray(supersedes) && supersedes.every((id) => typeof id === 'string'))) {
    problems.push('"supersedes" must be a list of rule ids');
  }
  return problems;
}
