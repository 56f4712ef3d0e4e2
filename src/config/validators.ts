import type { ValidateFunction } from 'ajv';

/**
 * Option and configuration validators generated at build time. `npm run build` replaces
 * this module in dist with ajv's standalone code for the configuration schema and every
 * built-in rule's schema (scripts/build-validators.ts), so that a run neither loads ajv nor
 * compiles a schema. Run from the sources (tests), it holds none and ajv compiles each.
 */
export const validators: Record<string, ValidateFunction> = {};

/** Each validator's schema as JSON: a validator is used only while its schema is unchanged. */
export const sources: Record<string, string> = {};
