import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonSchema } from '../engine/types.js';

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** One ajv instance: all errors, defaults filled in. Schemas are compiled once. */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  ajv ??= new Ajv2020({ allErrors: true, useDefaults: true, strict: false, allowUnionTypes: true });
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
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
