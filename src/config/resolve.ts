import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ConfiguredRule } from '../engine/engine.js';
import type { Rule, SeverityOrOff } from '../engine/types.js';
import { directoryOf, findConfigInDirectory, readConfigFile } from './load.js';
import { isPresetName, presetLayer, type PresetName } from './presets.js';
import { checkRuleOptions, mergeSettings, ruleOptionsWithDefaults, validateConfig, validateRules } from './validate.js';
import { instancePathToKey } from './ajv.js';
import { loadedPlugin, loadPlugins, type PluginReference } from './plugins.js';
import { closest } from '../model/text/normalize.js';
import { ConfigError, type ConfigInput, type ConfigLayer, type ConfigProblem, type RuleSetting, type Settings } from './types.js';
import { loadTemplate, TemplateReadError, type LoadedTemplate } from './template.js';

export interface ResolverOptions {
  rules: ReadonlyArray<Rule<any>>;
  cwd?: string;
  /** Use only this file (and what it extends) instead of searching (`--config`). */
  configFile?: string;
  /** A configuration given as an object (API), used like a `--config` file. */
  config?: ConfigInput;
  /** Rule settings that win over every file (`--rule id:severity`). */
  ruleOverrides?: Record<string, unknown>;
  /**
   * Load the plugins configurations name (default true). When false (`--no-plugins`), no
   * plugin code runs: their rules' settings are skipped and `pluginNotices` says so.
   */
  plugins?: boolean;
}

/** The configuration that applies to one file. */
export interface FileConfig {
  rules: ConfiguredRule[];
  /** Every rule's effective setting, "off" included (for --print-config). */
  ruleSettings: Record<string, { severity: SeverityOrOff; options: Record<string, unknown> }>;
  settings: Settings;
  /** The files the configuration came from, farthest first. */
  sources: string[];
  /** `scaffold` of the nearest configuration that sets each key (absolute paths). */
  scaffold: { directory?: string; template?: string };
  /** The team's template of the nearest configuration that names one, read once per run. */
  template?: LoadedTemplate;
  /**
   * Overrides that apply only to documents whose metadata matches their `when` (the engine
   * reads the metadata, then asks `withConditions` for the configuration that applies).
   */
  conditional?: ConditionalOverride[];
  /** The configuration of a document that matches the conditional overrides marked true (by index). */
  withConditions?(matched: readonly boolean[]): FileConfig;
}

export interface ConditionalOverride {
  when: Record<string, string[]>;
  rules: Record<string, RuleSetting>;
  /** The configuration file it comes from. */
  source: string;
}

type LayerOverride = ConfigLayer['overrides'][number];

/** Whether an override's files take in a file: an override with only `when` takes in every file. */
function overrideTakes(override: LayerOverride, layer: ConfigLayer, absolute: string): boolean {
  if (override.files.length === 0 && override.when) return true;
  return matchesAny(override.files, layer.directory, absolute);
}

/**
 * Finds and merges configuration for each linted file: the configuration files found
 * walking up from the file's directory (nearest wins; `root: true` stops the walk), what
 * they extend, their overrides that match the file, then `--rule`. When no file in the
 * chain says `extends`, the chain starts from pm-lint:recommended.
 */
export class ConfigResolver {
  private readonly rules: ReadonlyArray<Rule<any>>;
  private readonly rulesById: Map<string, Rule<any>>;
  private readonly cwd: string;
  private readonly explicit: ConfigLayer[] | null;
  private readonly overrideLayer: ConfigLayer | null;
  private readonly fileLayers = new Map<string, { layers: ConfigLayer[]; root: boolean; hasExtends: boolean }>();
  private readonly chains = new Map<string, ConfigLayer[]>();
  private readonly configuredCache = new Map<string, ConfiguredRule[]>();
  private readonly pluginsEnabled: boolean;
  private readonly pluginRuleCache = new WeakMap<ConfigLayer[], Array<Rule<any>>>();
  private readonly notices = new Map<string, string>();
  private readonly chainIds = new WeakMap<ConfigLayer[], number>();
  private nextChainId = 0;
  private readonly fileConfigs = new Map<string, FileConfig>();
  private readonly templates = new Map<string, LoadedTemplate>();

  constructor(options: ResolverOptions) {
    this.rules = options.rules;
    this.pluginsEnabled = options.plugins !== false;
    this.rulesById = new Map(options.rules.map((rule) => [rule.id, rule]));
    this.cwd = resolve(options.cwd ?? process.cwd());
    if (options.configFile) {
      const path = resolve(this.cwd, options.configFile);
      const loaded = this.loadFile(path, []);
      this.explicit = this.withImplicitBase([loaded]);
    } else if (options.config) {
      const loaded = this.loadInput(options.config, '<config>', this.cwd, []);
      this.explicit = this.withImplicitBase([loaded]);
    } else {
      this.explicit = null;
    }
    this.overrideLayer = options.ruleOverrides ? this.cliLayer(options.ruleOverrides) : null;
  }

  /** Every layer that applies to files in a directory, in the order they apply. */
  layersFor(filePath: string): ConfigLayer[] {
    const base = this.baseLayers(filePath);
    return this.overrideLayer ? [...base, this.overrideLayer] : base;
  }

  private baseLayers(filePath: string): ConfigLayer[] {
    return this.explicit ?? this.chainFor(directoryOf(filePath));
  }

  /**
   * The configuration of a file. Files under the same configuration files that match the
   * same overrides share one FileConfig object (so that it is built, and its options
   * validated, once per run rather than once per file).
   */
  configFor(filePath: string): FileConfig {
    const absolute = resolve(this.cwd, filePath);
    const base = this.baseLayers(absolute);
    let chainId = this.chainIds.get(base);
    if (chainId === undefined) this.chainIds.set(base, (chainId = this.nextChainId++));
    const layers = this.layersFor(absolute);
    let key = String(chainId);
    for (const layer of layers) {
      key += '|';
      for (const override of layer.overrides) key += overrideTakes(override, layer, absolute) ? '1' : '0';
    }
    let config = this.fileConfigs.get(key);
    if (!config) {
      const pluginRules = this.pluginRulesFor(base);
      const rules = pluginRules.length > 0 ? [...this.rules, ...pluginRules] : this.rules;
      config = this.buildConfig(absolute, layers, rules);
      this.fileConfigs.set(key, config);
    }
    return config;
  }

  private buildConfig(absolute: string, layers: ConfigLayer[], rules: ReadonlyArray<Rule<any>>, selected?: ReadonlySet<LayerOverride>): FileConfig {
    const settingsByRule: Record<string, RuleSetting> = {};
    let settings: Settings = {};
    const conditional: ConditionalOverride[] = [];
    const conditionalOverrides: LayerOverride[] = [];
    const apply = (rules: Record<string, RuleSetting>) => {
      for (const [id, setting] of Object.entries(rules)) {
        const previous = settingsByRule[id] ?? {};
        settingsByRule[id] = { severity: setting.severity ?? previous.severity, options: setting.options ?? previous.options };
      }
    };
    for (const layer of layers) {
      apply(layer.rules);
      settings = mergeSettings(settings, layer.settings);
      for (const override of layer.overrides) {
        if (!overrideTakes(override, layer, absolute)) continue;
        if (override.when) {
          // Applied (in its place, so that later overrides still win) only for documents whose metadata matches.
          conditional.push({ when: override.when, rules: override.rules, source: layer.source });
          conditionalOverrides.push(override);
          if (selected?.has(override)) apply(override.rules);
          continue;
        }
        apply(override.rules);
        settings = mergeSettings(settings, override.settings);
      }
    }
    const ruleSettings: FileConfig['ruleSettings'] = {};
    for (const rule of rules) {
      const setting = settingsByRule[rule.id];
      ruleSettings[rule.id] = {
        severity: setting?.severity ?? 'off',
        options: ruleOptionsWithDefaults(rule, setting?.options),
      };
    }
    const scaffold: FileConfig['scaffold'] = {};
    for (const layer of layers) Object.assign(scaffold, layer.scaffold);
    let templateLayer: ConfigLayer | undefined;
    for (const layer of layers) if (layer.template) templateLayer = layer;
    const config: FileConfig = {
      rules: this.configuredRules(ruleSettings, rules),
      ruleSettings,
      settings,
      sources: layers.map((layer) => layer.source),
      scaffold,
    };
    if (templateLayer) config.template = this.templateOf(templateLayer, settings);
    if (conditional.length > 0 && !selected) {
      config.conditional = conditional;
      const variants = new Map<string, FileConfig>();
      config.withConditions = (matched) => {
        const key = matched.map((value) => (value ? '1' : '0')).join('');
        let variant = variants.get(key);
        if (!variant) {
          variant = this.buildConfig(absolute, layers, rules, new Set(conditionalOverrides.filter((_override, i) => matched[i])));
          variants.set(key, variant);
        }
        return variant;
      };
    }
    return config;
  }

  /** The template a layer names, read once per run and per settings (aliases shape what its titles name). */
  private templateOf(layer: ConfigLayer, settings: Settings): LoadedTemplate {
    const { path, written } = layer.template!;
    const key = `${path}\0${JSON.stringify(settings)}`;
    let loaded = this.templates.get(key);
    if (!loaded) {
      try {
        loaded = loadTemplate(path, written, settings);
      } catch (error) {
        if (error instanceof TemplateReadError) throw new ConfigError([{ source: layer.source, path: 'template', message: error.message }]);
        throw error;
      }
      this.templates.set(key, loaded);
    }
    return loaded;
  }

  /** What to tell the user about the templates read so far: mis-encoded text repaired, bytes that are not UTF-8. */
  get templateNotices(): string[] {
    return [...new Set([...this.templates.values()].flatMap((template) => template.notes))];
  }

  /** Whether a configuration's `ignores` exclude a file. */
  isIgnored(filePath: string): boolean {
    const absolute = resolve(this.cwd, filePath);
    return this.layersFor(absolute).some((layer) => matchesAny(layer.ignores, layer.directory, absolute));
  }

  /**
   * Loads the plugins named by the configurations of some files (what configFor needs
   * before those files are linted). Throws a ConfigError for plugins that cannot be loaded.
   * With plugins off, loads nothing and notes each plugin in `pluginNotices`.
   */
  async loadPlugins(filePaths: Iterable<string>): Promise<void> {
    const references = new Map<string, PluginReference>();
    const bases = new Set<ConfigLayer[]>();
    for (const filePath of filePaths) bases.add(this.explicit ?? this.chainFor(directoryOf(resolve(this.cwd, filePath))));
    for (const base of bases) {
      for (const reference of base.flatMap((layer) => layer.plugins ?? [])) references.set(`${reference.source}\0${reference.key}`, reference);
    }
    if (!this.pluginsEnabled) {
      for (const reference of references.values()) this.noteDisabled(reference);
      return;
    }
    const problems = await loadPlugins([...references.values()]);
    if (problems.length > 0) throw new ConfigError(problems);
  }

  /** One line per plugin that was not loaded because plugins are off. */
  get pluginNotices(): string[] {
    return [...this.notices.values()];
  }

  private noteDisabled(reference: PluginReference): void {
    this.notices.set(
      `${reference.source}\0${reference.key}`,
      `plugins are disabled: the plugin "${reference.specifier}" (${reference.source}: ${reference.key}) was not loaded, and its rules were not run.`,
    );
  }

  /**
   * The rules of the plugins a chain of configurations names, loaded before (see
   * loadPlugins), with the settings of plugin rules checked against them.
   */
  private pluginRulesFor(base: ConfigLayer[]): Array<Rule<any>> {
    let rules = this.pluginRuleCache.get(base);
    if (rules) return rules;
    const layers = this.overrideLayer ? [...base, this.overrideLayer] : base;
    const references = base.flatMap((layer) => layer.plugins ?? []);
    const problems: ConfigProblem[] = [];
    rules = [];
    if (!this.pluginsEnabled) {
      for (const reference of references) this.noteDisabled(reference);
    } else {
      for (const reference of references) {
        const loaded = 'path' in reference.resolved ? loadedPlugin(reference.resolved.path) : undefined;
        if (loaded) {
          for (const rule of loaded.rules) if (!rules.includes(rule)) rules.push(rule);
          continue;
        }
        const message =
          'problem' in reference.resolved
            ? reference.resolved.problem
            : `the plugin "${reference.specifier}" is not loaded: loading is asynchronous, so call "await loadPlugins(...)" before lintText or loadConfig (lintFiles loads plugins itself)`;
        problems.push({ source: reference.source, path: reference.key, message });
      }
      const names = new Map<string, string>();
      for (const rule of rules) {
        const other = names.get(rule.plugin!.name);
        if (other !== undefined && other !== rule.plugin!.specifier) {
          problems.push({ source: references[0]!.source, path: 'plugins', message: `the plugins "${other}" and "${rule.plugin!.specifier}" are both named "${rule.plugin!.name}"; give one a different "name"` });
          break;
        }
        names.set(rule.plugin!.name, rule.plugin!.specifier);
      }
      problems.push(...this.checkPluginRuleSettings(layers, rules));
    }
    if (problems.length > 0) throw new ConfigError(problems);
    this.pluginRuleCache.set(base, rules);
    return rules;
  }

  /** Plugin rule ids must name a rule of a loaded plugin, and their options must fit its schema. */
  private checkPluginRuleSettings(layers: ConfigLayer[], rules: Array<Rule<any>>): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const check = (settings: Record<string, RuleSetting>, path: string, layer: ConfigLayer) => {
      for (const [id, setting] of Object.entries(settings)) {
        if (this.rulesById.has(id)) continue;
        const key = `${path}.${id}`;
        const rule = byId.get(id);
        if (!rule) {
          const plugins = [...new Set(rules.map((known) => known.plugin!.name))];
          const hint = closest(id, byId.keys());
          problems.push({
            source: layer.source,
            path: key,
            message: `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}: ${plugins.length > 0 ? `the plugins loaded here are ${plugins.map((name) => `"${name}"`).join(', ')}` : 'no plugin is loaded for this file (add it to "plugins")'}`,
          });
          continue;
        }
        if (setting.options === undefined) continue;
        for (const problem of checkRuleOptions(rule, setting.options)) {
          problems.push({ source: layer.source, path: instancePathToKey(`${key}[1]`, problem.instancePath), message: problem.message });
        }
      }
    };
    for (const layer of layers) {
      check(layer.rules, 'rules', layer);
      layer.overrides.forEach((override, i) => check(override.rules, `overrides[${i}].rules`, layer));
    }
    return problems;
  }

  private configuredRules(ruleSettings: FileConfig['ruleSettings'], rules: ReadonlyArray<Rule<any>>): ConfiguredRule[] {
    const key = JSON.stringify(ruleSettings);
    let configured = this.configuredCache.get(key);
    if (!configured) {
      configured = [];
      for (const rule of rules) {
        const { severity, options } = ruleSettings[rule.id]!;
        if (severity !== 'off') configured.push({ rule, severity, options });
      }
      this.configuredCache.set(key, configured);
    }
    return configured;
  }

  private chainFor(directory: string): ConfigLayer[] {
    const cached = this.chains.get(directory);
    if (cached) return cached;
    const found: Array<{ layers: ConfigLayer[]; hasExtends: boolean }> = [];
    for (let current = directory; ; ) {
      const path = findConfigInDirectory(current);
      if (path) {
        const loaded = this.loadFileEntry(path);
        found.unshift(loaded);
        if (loaded.root) break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    const chain = this.withImplicitBase(found);
    this.chains.set(directory, chain);
    return chain;
  }

  private withImplicitBase(found: Array<{ layers: ConfigLayer[]; hasExtends: boolean }>): ConfigLayer[] {
    const layers = found.flatMap((entry) => entry.layers);
    if (found.some((entry) => entry.hasExtends)) return layers;
    return [presetLayer('pm-lint:recommended', this.rules), ...layers];
  }

  private loadFileEntry(path: string) {
    let entry = this.fileLayers.get(path);
    if (!entry) {
      entry = this.loadFile(path, []);
      this.fileLayers.set(path, entry);
    }
    return entry;
  }

  private loadFile(path: string, seen: string[]): { layers: ConfigLayer[]; root: boolean; hasExtends: boolean } {
    if (seen.includes(path)) {
      throw new ConfigError([{ source: path, path: 'extends', message: `circular extends: ${[...seen, path].join(' → ')}` }]);
    }
    const input = readConfigFile(path);
    return this.loadInput(input, path, dirname(path), [...seen, path]);
  }

  private loadInput(input: unknown, source: string, directory: string, seen: string[]) {
    const validated = validateConfig(input ?? {}, source, directory, this.rulesById);
    const problems: ConfigProblem[] = [...validated.problems];
    const layers: ConfigLayer[] = [];
    for (const [i, name] of validated.extends.entries()) {
      if (isPresetName(name)) {
        layers.push(presetLayer(name as PresetName, this.rules));
      } else if (name.startsWith('pm-lint:')) {
        problems.push({ source, path: `extends[${i}]`, message: `unknown preset "${name}" (expected "pm-lint:recommended" or "pm-lint:strict")` });
      } else {
        const target = isAbsolute(name) ? name : resolve(directory, name);
        try {
          layers.push(...this.loadFile(target, seen).layers);
        } catch (error) {
          if (error instanceof ConfigError) problems.push(...error.problems);
          else throw error;
        }
      }
    }
    if (problems.length > 0) throw new ConfigError(problems);
    layers.push(validated.layer);
    const hasExtends = typeof input === 'object' && input !== null && 'extends' in input;
    return { layers, root: validated.root, hasExtends };
  }

  private cliLayer(rules: Record<string, unknown>): ConfigLayer {
    const problems: ConfigProblem[] = [];
    const validated = validateRules(rules, 'rules', '--rule', this.rulesById, problems, this.cwd);
    if (problems.length > 0) throw new ConfigError(problems);
    return { source: '--rule', directory: this.cwd, rules: validated, overrides: [], ignores: [], settings: {}, scaffold: {} };
  }
}

const matcherCache = new Map<string, (path: string) => boolean>();

/** Gitignore-like globs relative to a directory: a pattern without "/" matches at any depth. */
export function matchesAny(patterns: readonly string[], directory: string, absolute: string): boolean {
  if (patterns.length === 0) return false;
  const path = relative(directory, absolute).split(sep).join('/');
  if (path.startsWith('../') || path === '..') return false;
  return patterns.some((pattern) => matcher(pattern)(path));
}

function matcher(pattern: string): (path: string) => boolean {
  let compiled = matcherCache.get(pattern);
  if (!compiled) {
    let glob = pattern.replace(/^\.\//, '');
    if (glob.endsWith('/')) glob += '**';
    const anchored = glob.includes('/') && !glob.startsWith('**/');
    const test = picomatch(anchored ? glob.replace(/^\//, '') : glob, { dot: true });
    const anywhere = anchored ? null : picomatch(`**/${glob}`, { dot: true });
    const under = picomatch(`${glob.replace(/^\//, '')}/**`, { dot: true });
    compiled = (path: string) => test(path) || (anywhere?.(path) ?? false) || under(path);
    matcherCache.set(pattern, compiled);
  }
  return compiled;
}
