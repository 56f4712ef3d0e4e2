import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import type { JsonSchema } from '../engine/types.js';
import { sources, validators } from './validators.js';

/** All errors, defaults filled in: how every configuration and option schema is checked. */
export const AJV_OPTIONS: Options = { allErrors: true, useDefaults: true, strict: false, allowUnionTypes: true, verbose: true };

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
/** Generated validators by their schema's JSON. */
let generated: Map<string, ValidateFunction> | undefined;

/**
 * The validator of a schema, compiled once. Built-in schemas use the validators generated
 * at build time (validators.ts); ajv itself is loaded only for a schema that has none (one
 * changed since the build, or given by a user).
 */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    generated ??= new Map(Object.entries(sources).map(([name, source]) => [source, validators[name]!]));
    validate = generated.get(JSON.stringify(schema));
    if (!validate) {
      const { Ajv2020: Ajv } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv ??= new Ajv(AJV_OPTIONS);
      validate = ajv.compile(schema);
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/** "/sections/0/kind" → "sections[0].kind", prefixed. */
export function instancePathToKey(prefix: string, instancePath: string): string {
  let key = prefix;
  for (const part of instancePath.split('/').slice(1)) {
    const decoded = part.replace(/~1/g, '/').replace(/~0/g, '~');
    key += /^\d+$/.test(decoded) ? `[${decoded}]` : key ? `.${decoded}` : decoded;
  }
  return key;
}

/** A plain-English message for one ajv error, saying what was expected. */
export function describeAjvError(error: ErrorObject, suggest?: (unknown: string, known: string[]) => string | undefined): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as Record<string, unknown>) ?? {});
      const hint = suggest?.(name, known);
      return `unknown property "${name}"${hint ? ` (did you mean "${hint}"?)` : known.length > 0 ? ` (expected one of: ${known.join(', ')})` : ''}`;
    }
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'type':
      return `must be of type ${String(params.type).replace(/,/g, ' or ')}`;
    case 'required':
      return `must have the property "${String(params.missingProperty)}"`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/**
 * Errors as (instancePath, message) pairs in plain English. Alternatives that each
 * require a property ("kind" or "name") become one message.
 */
export function describeErrors(
  errors: ErrorObject[],
  suggest?: (unknown: string, known: string[]) => string | undefined,
): Array<{ instancePath: string; message: string }> {
  const described: Array<{ instancePath: string; message: string }> = [];
  const alternatives = new Map<string, string[]>();
  for (const error of usefulErrors(errors)) {
    if (error.keyword === 'required' && /\/(anyOf|oneOf)\/\d+\/required$/.test(error.schemaPath)) {
      const names = alternatives.get(error.instancePath);
      const name = `"${String((error.params as { missingProperty: string }).missingProperty)}"`;
      if (names) {
        names.push(name);
        continue;
      }
      alternatives.set(error.instancePath, [name]);
      described.push({ instancePath: error.instancePath, message: '' });
      continue;
    }
    described.push({ instancePath: error.instancePath, message: describeAjvError(error, suggest) });
  }
  for (const entry of described) {
    if (entry.message === '') {
      const names = alternatives.get(entry.instancePath)!;
      entry.message = names.length === 1 ? `must have the property ${names[0]}` : `must have one of the properties ${names.join(' or ')}`;
    }
  }
  return described;
}

/**
 * Ajv reports every branch of an anyOf/oneOf; keep the errors that explain the most
 * specific failure (deepest path), and drop the "must match a schema in anyOf" summary
 * when a branch explains itself.
 */
export function usefulErrors(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'oneOf');
  const chosen = specific.length > 0 ? specific : errors;
  const seen = new Set<string>();
  return chosen.filter((error) => {
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
