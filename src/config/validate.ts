import { resolve } from 'node:path';
import type { Rule, SeverityOrOff } from '../engine/types.js';
import { closest } from '../model/text/normalize.js';
import { compileSchema, describeAjvError, describeErrors, instancePathToKey, usefulErrors } from './ajv.js';
import { GENERIC_RULE_SETTINGS, configSchema } from './schema.js';
import { resolveFileOptions } from './file-options.js';
import { resolvePlugin } from './plugins.js';
import type { ConfigInput, ConfigLayer, ConfigProblem, RuleSetting, Settings } from './types.js';

export const CONFIG_SCHEMA = configSchema(GENERIC_RULE_SETTINGS);
const SEVERITY_NAMES: Record<string, SeverityOrOff> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

const suggest = (name: string, known: string[]) => closest(name, known);

/**
 * Checks a configuration file's content: its shape with ajv, then each rule id (an unknown
 * id suggests the nearest known one) and each rule's options against that rule's schema.
 * Every problem is collected; none stops the others from being found.
 */
export function validateConfig(
  input: unknown,
  source: string,
  directory: string,
  rulesById: ReadonlyMap<string, Rule<any>>,
): { layer: ConfigLayer; extends: string[]; root: boolean; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const empty: ConfigLayer = { source, directory, rules: {}, overrides: [], ignores: [], settings: {}, scaffold: {} };
  const validate = compileSchema(CONFIG_SCHEMA);
  if (!validate(input)) {
    for (const error of describeErrors(validate.errors ?? [], suggest)) {
      problems.push({ source, path: instancePathToKey('', error.instancePath), message: error.message });
    }
  }
  // Rule entries are checked one by one (ids, severities, options) even when the shape
  // has other problems, so that one run lists everything that is wrong.
  const config = (isObject(input) ? input : {}) as ConfigInput;
  const overrides = Array.isArray(config.overrides) ? config.overrides.filter(isObject) : [];
  const layer: ConfigLayer = {
    ...empty,
    rules: validateRules(isObject(config.rules) ? config.rules : {}, 'rules', source, rulesById, problems, directory),
    overrides: overrides.map((override, i) => {
      const layerOverride: ConfigLayer['overrides'][number] = {
        files: typeof override.files === 'string' ? [override.files] : Array.isArray(override.files) ? override.files : [],
        rules: validateRules(isObject(override.rules) ? override.rules : {}, `overrides[${i}].rules`, source, rulesById, problems, directory),
        settings: override.settings ?? {},
      };
      if (isObject(override.when)) {
        layerOverride.when = Object.fromEntries(
          Object.entries(override.when).map(([key, values]) => [key, (Array.isArray(values) ? values : [values]).filter((value): value is string => typeof value === 'string')]),
        );
        // The model reads the metadata with the settings: they cannot depend on it.
        if (override.settings !== undefined) problems.push({ source, path: `overrides[${i}].settings`, message: 'an override with "when" may set rules, not settings (the metadata it tests is read with the settings)' });
      }
      return layerOverride;
    }),
    ignores: Array.isArray(config.ignores) ? config.ignores : [],
    settings: isObject(config.settings) ? config.settings : {},
    ...(typeof config.template === 'string' && config.template !== '' ? { template: { path: resolve(directory, config.template), written: config.template } } : {}),
    scaffold: {
      ...(typeof config.scaffold?.directory === 'string' ? { directory: resolve(directory, config.scaffold.directory) } : {}),
      ...(typeof config.scaffold?.template === 'string' ? { template: resolve(directory, config.scaffold.template) } : {}),
    },
  };
  if (Array.isArray(config.plugins)) {
    layer.plugins = config.plugins
      .map((specifier, i) => ({ specifier, key: `plugins[${i}]` }))
      .filter(({ specifier }) => typeof specifier === 'string' && specifier !== '')
      .map(({ specifier, key }) => resolvePlugin(specifier, directory, source, key));
  }
  const extendsList = config.extends === undefined ? [] : typeof config.extends === 'string' ? [config.extends] : config.extends;
  return { layer, extends: extendsList, root: config.root === true, problems };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateRules(
  rules: Record<string, unknown>,
  path: string,
  source: string,
  rulesById: ReadonlyMap<string, Rule<any>>,
  problems: ConfigProblem[],
  /** Where file options (paths) are relative to; they are read only when given. */
  directory?: string,
): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(rules)) {
    const rule = rulesById.get(id);
    const key = `${path}.${id}`;
    // "<plugin>/<rule>" names a plugin's rule: checked when the configuration's plugins are loaded.
    const pluginRule = !rule && id.includes('/');
    if (!rule && !pluginRule) {
      const hint = closest(id, rulesById.keys());
      problems.push({ source, path: key, message: `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
      continue;
    }
    if (Array.isArray(value) && (value.length === 0 || value.length > 2)) {
      problems.push({ source, path: key, message: 'must be a severity or [severity, options]' });
      continue;
    }
    const [severityValue, options] = Array.isArray(value) ? value : [value, undefined];
    if (options !== undefined && !isObject(options)) {
      problems.push({ source, path: `${key}[1]`, message: 'must be an object of options' });
      continue;
    }
    const severity = SEVERITY_NAMES[String(severityValue)];
    if (!severity) {
      problems.push({ source, path: Array.isArray(value) ? `${key}[0]` : key, message: 'must be "off", "warn" or "error"' });
      continue;
    }
    const setting: RuleSetting = { severity };
    if (options !== undefined && !rule) setting.options = options as Record<string, unknown>;
    else if (options !== undefined && rule) {
      const optionProblems = checkRuleOptions(rule, options as Record<string, unknown>);
      for (const problem of optionProblems) {
        problems.push({ source, path: instancePathToKey(`${key}[1]`, problem.instancePath), message: problem.message });
      }
      setting.options = options as Record<string, unknown>;
      if (optionProblems.length === 0 && directory !== undefined) {
        const files = resolveFileOptions(rule, setting.options, directory);
        for (const problem of files.problems) problems.push({ source, path: `${key}[1].${problem.key}`, message: problem.message });
        setting.options = files.options;
      }
    }
    settings[id] = setting;
  }
  return settings;
}

/** Validates a rule's options without changing them; returns what is wrong. */
export function checkRuleOptions(
  rule: Rule<any>,
  options: Record<string, unknown>,
): Array<{ instancePath: string; message: string }> {
  const validate = compileSchema(rule.schema);
  const copy = structuredClone(options);
  if (validate(copy)) return [];
  return describeErrors(validate.errors ?? [], suggest);
}

/** The options a rule runs with: the user's, validated, with every default filled in. */
export function ruleOptionsWithDefaults(rule: Rule<any>, options: Record<string, unknown> | undefined): Record<string, unknown> {
  const copy = structuredClone(options ?? {});
  const validate = compileSchema(rule.schema);
  if (!validate(copy)) {
    const problem = usefulErrors(validate.errors ?? [])[0];
    throw new Error(`invalid options for rule "${rule.id}": ${problem ? describeAjvError(problem) : 'unknown problem'}`);
  }
  return copy;
}

export function mergeSettings(base: Settings, next: Settings): Settings {
  const merged: Settings = {};
  for (const key of ['sectionAliases', 'metadataAliases'] as const) {
    const combined: Record<string, string[]> = { ...(base[key] ?? {}) };
    for (const [name, aliases] of Object.entries(next[key] ?? {})) combined[name] = [...(combined[name] ?? []), ...aliases];
    if (Object.keys(combined).length > 0) merged[key] = combined;
  }
  return merged;
}
