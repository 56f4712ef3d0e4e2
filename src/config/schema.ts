import type { JsonSchema, Rule } from '../engine/types.js';

const SEVERITY_SCHEMA: JsonSchema = {
  description: 'Off, warn or error (0, 1 or 2 are accepted too).',
  enum: ['off', 'warn', 'error', 0, 1, 2],
};

const SETTINGS_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Settings that shape the postmortem model for every rule.',
  additionalProperties: false,
  properties: {
    sectionAliases: {
      type: 'object',
      description: 'Extra heading titles per section kind, e.g. { "timeline": ["Chronologie"] }.',
      additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    metadataAliases: {
      type: 'object',
      description: 'Extra labels per metadata key, e.g. { "incidentId": ["Ticket #"] }.',
      additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
};

function globs(description: string): JsonSchema {
  return { type: 'array', description, items: { type: 'string', minLength: 1 } };
}

/**
 * The shape of a configuration file. `ruleSettings` is either a generic schema (any rule
 * id) or one property per rule, for the schema editors use.
 */
export function configSchema(ruleSettings: JsonSchema): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file, for editors.' },
      root: { type: 'boolean', description: 'Stop looking for configuration files in parent directories.' },
      extends: {
        description: 'Presets ("pm-lint:recommended", "pm-lint:strict") or paths of configuration files this one builds on.',
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      rules: ruleSettings,
      overrides: {
        type: 'array',
        description: 'Rules and settings for the files that match some globs.',
        items: {
          type: 'object',
          additionalProperties: false,
          anyOf: [{ required: ['files'] }, { required: ['when'] }],
          properties: {
            files: {
              description: 'Globs, relative to this configuration file.',
              anyOf: [{ type: 'string', minLength: 1 }, globs('Globs, relative to this configuration file.')],
            },
            when: {
              type: 'object',
              minProperties: 1,
              description:
                'Metadata a document must have for the override to apply, e.g. { "severity": ["SEV-1", "SEV-2"] }: each key (a metadata key or label) must have one of its values, compared ignoring case and the spaces or dashes between letters and digits ("Sev1" is "SEV-1"). Such an override may set rules, not settings.',
              additionalProperties: { type: ['string', 'array'], minLength: 1, minItems: 1, items: { type: 'string', minLength: 1 } },
            },
            rules: ruleSettings,
            settings: SETTINGS_SCHEMA,
          },
        },
      },
      ignores: globs('Files not to lint: globs relative to this configuration file.'),
      plugins: {
        type: 'array',
        description:
          'Modules of custom rules to load (this runs their code): paths relative to this configuration file (starting with "./" or "../") or package names. Their rules are named "<plugin>/<rule>" and are off until turned on in "rules". --no-plugins refuses them.',
        items: { type: 'string', minLength: 1 },
      },
      settings: SETTINGS_SCHEMA,
      template: {
        type: 'string',
        minLength: 1,
        description:
          'Your team\'s postmortem template (Markdown), relative to this file: every document must have its sections (those marked "(optional)" aside), and text or values left from it are reported. "pm-lint new" starts new postmortems from it.',
      },
      scaffold: {
        type: 'object',
        description: 'Where "pm-lint new" creates postmortems, and from which template.',
        additionalProperties: false,
        properties: {
          directory: { type: 'string', minLength: 1, description: 'Directory for new postmortems, relative to this file (default: docs/postmortems).' },
          template: { type: 'string', minLength: 1, description: 'A Markdown template, relative to this file; {{title}} and {{date}} are filled in.' },
        },
      },
    },
  };
}

/** Rule settings for the shape check: an object; each entry is checked per rule (id, severity, options). */
export const GENERIC_RULE_SETTINGS: JsonSchema = {
  type: 'object',
  description: 'Rule ids with "off", "warn", "error", or [severity, options].',
};

/** The schema published as schema/pmlintrc.schema.json: every rule with its own options. */
export function publishedConfigSchema(rules: ReadonlyArray<Rule<any>>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    properties[rule.id] = {
      description: `${rule.description} Default severity: ${rule.severity}.`,
      anyOf: [
        SEVERITY_SCHEMA,
        { type: 'array', minItems: 1, maxItems: 2, prefixItems: [SEVERITY_SCHEMA, rule.schema], items: false },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/pm-lint/pm-lint/raw/main/schema/pmlintrc.schema.json',
    title: 'pm-lint configuration',
    ...configSchema({
      type: 'object',
      description: 'Rule ids with "off", "warn", "error", or [severity, options].',
      additionalProperties: false,
      properties,
    }),
  };
}
