import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { defineRule } from '../../src/engine/types.js';
import { BUILT_IN_KEY_ALIASES } from '../../src/model/index.js';
import { findDates } from '../../src/model/index.js';
import { normalizeText, stripEmoji } from '../../src/model/index.js';
import { isUnfilledValue } from '../../src/model/index.js';
import type { Field, PostmortemDocument } from '../../src/model/index.js';

interface FieldSpec {
  key: string;
  name?: string;
  aliases?: string[];
  required?: boolean;
}

interface Options {
  fields: FieldSpec[];
  severities: string[];
  statuses: string[];
  schema: Record<string, unknown> | string | null;
}

const DEFAULT_SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5', 'P0', 'P1', 'P2', 'P3', 'P4'];
const DEFAULT_STATUSES = [
  'Draft', 'In Review', 'Under Review', 'Review', 'Reviewed', 'Final', 'Published', 'Approved', 'Complete',
  'Completed', 'Closed', 'Open', 'Resolved', 'Mitigated', 'Monitoring', 'Investigating', 'Identified', 'Ongoing',
  'In Progress', 'Done',
];
/**
 * The default statuses as teams write them in the other languages pm-lint reads, accepted
 * while `statuses` is the default (messages list the English ones).
 */
const DEFAULT_STATUSES_TRANSLATED = [
  'Entwurf', 'In Prüfung', 'Geprüft', 'Veröffentlicht', 'Freigegeben', 'Abgeschlossen', 'Geschlossen', 'Offen', 'Behoben',
  'Gelöst', 'In Bearbeitung', 'Erledigt', 'Brouillon', 'En revue', 'En relecture', 'Finalisé', 'Publié', 'Validé', 'Approuvé',
  'Terminé', 'Clos', 'Fermé', 'Ouvert', 'Résolu', 'En cours', 'Borrador', 'En revisión', 'Publicado', 'Aprobado', 'Completado',
  'Cerrado', 'Abierto', 'Resuelto', 'Mitigado', 'En curso', 'En progreso', 'Terminado', 'Rascunho', 'Em revisão', 'Aprovado',
  'Concluído', 'Fechado', 'Aberto', 'Resolvido', 'Em andamento', '下書き', 'レビュー中', '完了', '解決済み', '対応中', '公開済み',
  '草稿', '审核中', '已完成', '已解决', '已发布', '处理中', '초안', '검토 중', '완료', '해결', '해결됨', '진행 중',
];
const DISPLAY_NAMES: Record<string, string> = { incidentId: 'Incident ID', date: 'Date', severity: 'Severity', status: 'Status' };
/** Keys that hold one value: "SEV-1 | SEV-2" there is a choice not made (no-placeholders reports it). */
const SINGLE_VALUE_KEYS = new Set(['severity', 'priority', 'status']);

/** Per-options work: accepted values as patterns, user schemas compiled once. */
interface Prepared {
  severities: RegExp[];
  statuses: RegExp[];
  /** The team listed its own statuses: they are its words, in whatever language it writes. */
  ownStatuses: boolean;
  aliases: Map<FieldSpec, Set<string>>;
  validate: ValidateFunction | { error: string } | null;
}
let ajv: Ajv2020 | undefined;

/**
 * "SEV-1" accepts "SEV-1", "Sev1", "sev 1", "SEV-1 (Critical)", "**SEV1** – major";
 * "In Review" accepts "in review", "In-Review". Letters and digits must match; spaces,
 * dashes and underscores between them may differ; text after a word boundary is a note.
 */
function valuePattern(accepted: string): RegExp {
  const chunks = accepted.match(/\p{L}+|\p{N}+/gu) ?? [accepted];
  const escaped = chunks.map((chunk) => chunk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s_-]?')}(?![\\p{L}\\p{N}])`, 'iu');
}

function prepare(options: Options): Prepared {
  const ownStatuses = options.statuses.join('\n') !== DEFAULT_STATUSES.join('\n');
  return {
    severities: options.severities.map(valuePattern),
    statuses: [...options.statuses, ...(ownStatuses ? [] : DEFAULT_STATUSES_TRANSLATED)].map(valuePattern),
    ownStatuses,
    aliases: new Map(options.fields.map((spec) => [spec, new Set((spec.aliases ?? []).map(normalizeText))])),
    validate: compileUserSchema(options.schema),
  };
}

function compileUserSchema(schema: Options['schema']): Prepared['validate'] {
  if (schema === null) return null;
  // The configuration loader reads a schema given as a path ("x-pm-lint-file"); a string here was never read.
  if (typeof schema === 'string') return { error: `the path "${schema}" was not read (give the schema inline when calling the API)` };
  // ajv is loaded only when a configuration gives a schema (it costs start-up time otherwise).
  const { Ajv2020: Ajv } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  ajv ??= new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  try {
    return ajv.compile(schema);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The value without emphasis, code ticks, emoji or surrounding punctuation. */
function cleanValue(raw: string): string {
  return stripEmoji(raw.replace(/\*\*|__|`/g, '')).replace(/^[\s:*_~-]+|[\s*_~]+$/g, '');
}

function accepted(value: string, patterns: RegExp[]): boolean {
  return patterns.length === 0 || patterns.some((pattern) => pattern.test(value));
}

function displayName(spec: FieldSpec): string {
  return spec.name ?? DISPLAY_NAMES[spec.key] ?? spec.key;
}

function acceptedLabels(spec: FieldSpec): string {
  const labels = [displayName(spec), ...(spec.aliases ?? []), ...(BUILT_IN_KEY_ALIASES[spec.key] ?? []).slice(0, 4)];
  const seen = new Set<string>();
  return labels
    .filter((label) => {
      const key = normalizeText(label);
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .map((label) => `"${label}"`)
    .join(', ');
}

function findField(document: PostmortemDocument, spec: FieldSpec, aliases: Set<string>): Field | undefined {
  return (
    document.metadata.get(spec.key) ??
    (aliases.size > 0 ? document.metadata.fields.find((field) => aliases.has(normalizeText(field.label))) : undefined) ??
    (spec.key === 'date' ? datedStart(document) : undefined)
  );
}

/** "started_at: 2026-04-02T13:10:00Z", "**Start:** 2 April 2026, 13:10 UTC": a start that states the date states the incident's date. */
function datedStart(document: PostmortemDocument): Field | undefined {
  return document.metadata.all('startTime').find((field) => findDates(field.raw).some((date) => date.valid && date.date.year !== null));
}

/**
 * Whether a field's absence can be told: pm-lint reads its built-in labels in the languages
 * it knows, and the team's own labels (the spec's `aliases`, `settings.metadataAliases`) in
 * any. A Dutch "**Ernst:** SEV2" is a severity pm-lint cannot read.
 */
function readable(document: PostmortemDocument, spec: FieldSpec, aliases: Set<string>): boolean {
  return document.language.readable || aliases.size > 0 || document.metadataKeys.ownKeys.has(spec.key);
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  if (error.keyword === 'required') return `is required`;
  if (error.keyword === 'additionalProperties' || error.propertyName !== undefined) return 'is not allowed';
  return error.message ?? `fails "${error.keyword}"`;
}

export default defineRule<Options, Prepared>({
  id: 'metadata-fields',
  description: 'Requires the incident metadata (incident id, date, severity, status) and checks its values: a real date, a severity of the scale, a known status, and an optional JSON Schema.',
  severity: 'error',
  recommended: false,
  messages: {
    missing: 'Missing metadata "{{name}}": add it to the front matter, as a "**{{name}}:** …" line or as a row of a field table (accepted labels: {{labels}}).',
    empty: 'Metadata "{{name}}" is empty: write its value.',
    notDate: 'Unexpected {{name}} "{{value}}": expected a calendar date such as 2026-03-30 or March 30, 2026.',
    impossibleDate: 'Unexpected {{name}} "{{value}}": there is no such day; expected a real calendar date.',
    severity: 'Unexpected severity "{{value}}", expected one of {{allowed}}.',
    status: 'Unexpected status "{{value}}", expected one of {{allowed}}.',
    schema: 'Metadata "{{field}}" {{reason}} (metadata schema).',
    schemaInvalid: 'The metadata schema cannot be used: {{reason}}.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      fields: {
        type: 'array',
        default: ['incidentId', 'date', 'severity', 'status'].map((key) => ({ key })),
        description:
          'The metadata to look for. `key` is a normalised key (incidentId, title, date, severity, priority, status, authors, duration, commander, …, or a camel-cased label of your own); `aliases` are extra labels; `required: false` checks the value without requiring the field.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['key'],
          properties: {
            key: { type: 'string', minLength: 1, description: 'Normalised metadata key.' },
            name: { type: 'string', minLength: 1, description: 'The name used in messages.' },
            aliases: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Extra labels that count.' },
            required: { type: 'boolean', default: true, description: 'Whether a document must have it.' },
          },
        },
      },
      severities: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: DEFAULT_SEVERITIES,
        description:
          'The severity scale. Values match ignoring case and the spaces or dashes between letters and digits ("Sev1", "SEV 1" and "SEV-1" are one), and may carry a note ("SEV-2 (Major)"). An empty list accepts any value.',
      },
      statuses: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: DEFAULT_STATUSES,
        description: 'Accepted document or incident statuses, matched like severities. An empty list accepts any value.',
      },
      schema: {
        anyOf: [{ type: 'object' }, { type: 'string', minLength: 1 }, { type: 'null' }],
        default: null,
        'x-pm-lint-file': 'json',
        description:
          'A JSON Schema the metadata object must satisfy (keys normalised: incidentId, date, severity, status, authors, …; front matter keeps its YAML types, other values are strings), inline or as a path to a JSON or YAML file relative to the configuration file.',
      },
    },
  },
  prepare,
  check(document, context) {
    const options = context.options;
    const ready = context.prepared;
    const firstLine = { offsets: { start: 0, end: document.lines.lineEnd(1) } };

    for (const spec of options.fields) {
      const field = findField(document, spec, ready.aliases.get(spec)!);
      const name = displayName(spec);
      if (!field) {
        if (spec.required !== false && readable(document, spec, ready.aliases.get(spec)!)) {
          context.report({ ...firstLine, messageId: 'missing', data: { name, labels: acceptedLabels(spec) } });
        }
        continue;
      }
      const value = cleanValue(field.raw);
      if (!value) {
        // "**Date:** __________": an unfilled blank, reported by no-placeholders.
        if (field.raw.trim() === '') context.report({ span: field.keySpan, messageId: 'empty', data: { name } });
        continue;
      }
      if (isUnfilledValue(field.raw, SINGLE_VALUE_KEYS.has(spec.key))) continue;
      if (spec.key === 'date') {
        const dates = findDates(field.raw);
        const impossible = dates.find((date) => !date.valid);
        if (dates.length === 0) context.report({ span: field.span, messageId: 'notDate', data: { name: name.toLowerCase(), value } });
        else if (impossible) {
          const start = field.span.start.offset + impossible.start;
          context.report({ offsets: { start, end: start + impossible.text.length }, messageId: 'impossibleDate', data: { name: name.toLowerCase(), value: impossible.text } });
        }
      } else if (spec.key === 'severity' && !accepted(value, ready.severities)) {
        context.report({ span: field.span, messageId: 'severity', data: { value, allowed: options.severities.join(', ') } });
      } else if (spec.key === 'status' && (document.language.readable || ready.ownStatuses) && !accepted(value, ready.statuses)) {
        // (A status in an unread language, "Definitief", is held only to a team's own list.)
        context.report({ span: field.span, messageId: 'status', data: { value, allowed: options.statuses.join(', ') } });
      }
    }

    const validate = ready.validate;
    if (validate === null) return;
    if (!(typeof validate === 'function')) {
      context.report({ ...firstLine, messageId: 'schemaInvalid', data: { reason: validate.error } });
      return;
    }
    if (validate(document.metadata.toObject())) return;
    for (const error of validate.errors ?? []) {
      const params = error.params as Record<string, unknown>;
      const key =
        error.propertyName !== undefined ? error.propertyName
        : error.keyword === 'required' ? String(params.missingProperty)
        : error.keyword === 'additionalProperties' ? String(params.additionalProperty)
        : error.instancePath.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';
      const field = key ? document.metadata.get(key) : undefined;
      const onKey = error.keyword === 'additionalProperties' || error.propertyName !== undefined;
      const at = field ? { span: onKey ? field.keySpan : field.span } : firstLine;
      const path = error.instancePath.split('/').slice(2).join('.');
      context.report({ ...at, messageId: 'schema', data: { field: path ? `${key}.${path}` : key || '(metadata)', reason: describeError(error) } });
    }
  },
});
