import type { Rule } from '../engine/types.js';
import type { ConfigLayer } from './types.js';

export const PRESET_NAMES = ['pm-lint:recommended', 'pm-lint:strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * pm-lint:recommended turns on the rules marked `recommended` (what most teams want,
 * with few false positives); pm-lint:strict turns on every rule. Both at each rule's
 * default severity.
 */
export function presetLayer(name: PresetName, rules: ReadonlyArray<Rule<any>>): ConfigLayer {
  const layer: ConfigLayer = { source: name, directory: process.cwd(), rules: {}, overrides: [], ignores: [], settings: {}, scaffold: {} };
  for (const rule of rules) {
    const on = name === 'pm-lint:strict' || rule.recommended;
    layer.rules[rule.id] = { severity: on ? rule.severity : 'off' };
  }
  return layer;
}
