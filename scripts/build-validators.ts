/**
 * Generates dist/src/config/validators.cjs at build time: ajv's standalone code for the
 * configuration schema and every built-in rule's option schema, so that a run neither
 * loads ajv nor compiles a schema before it can lint (about 0.15 s of start-up).
 * src/config/ajv.ts uses a generated validator only while its schema is unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { rules } from '../rules/index.js';
import { AJV_OPTIONS, PRECOMPILED_FILE } from '../src/config/ajv.js';
import { CONFIG_SCHEMA } from '../src/config/validate.js';
import { packageRoot } from '../src/util/package-root.js';

const schemas: Record<string, object> = { config: CONFIG_SCHEMA };
for (const rule of rules) schemas[`rule:${rule.id}`] = rule.schema;

const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, name);
const code = standalone.default(ajv, Object.fromEntries(Object.keys(schemas).map((name) => [name, name])));
// Each validator's schema as JSON, so that a schema changed since the build is compiled instead.
const sources = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, JSON.stringify(schema)]));
writeFileSync(
  join(packageRoot(), 'dist', 'src', 'config', PRECOMPILED_FILE),
  `${code}\nexports[${JSON.stringify('$sources')}] = ${JSON.stringify(sources)};\n`,
);
