// The official Open Referral UK 3.0 JSON schemas (spec/schema, unchanged copies, BSD-3), compiled
// with ajv as JSON Schema 2020-12 and made strict: every object refuses properties its schema
// does not name. The files compose list answers with allOf (the paging header in one branch,
// contents beside it), where a plain additionalProperties:false would refuse the other branch's
// fields; so each allOf is merged into its parent first and then closed. Used by the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const ORUK_SCHEMA_DIR = join(import.meta.dirname, 'spec', 'schema');
export const ORUK_SCHEMA_BASE = 'https://openreferraluk.org/specifications/3.0/schema/';

/** Keywords the files carry for their data-package and documentation tools: annotations only. */
const ANNOTATIONS = [
  'name',
  'path',
  'datapackage_metadata',
  'datapackage_type',
  'constraints',
  'core',
  'example',
  'tabular_required',
  'summary',
];

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value.map((item: unknown) => item) : [];
}

/** The schema with allOf merged in and every object closed to properties it does not name. */
export function closeSchema(schema: Schema): Schema {
  const out: Schema = { ...schema };
  const allOf = listOf(out.allOf).filter(isSchema).map(closeSchema);
  if (allOf.length > 0) {
    delete out.allOf;
    const properties: Schema = {};
    const required: unknown[] = [];
    for (const part of [...allOf, out]) {
      if (isSchema(part.properties)) Object.assign(properties, part.properties);
      required.push(...listOf(part.required));
    }
    out.properties = properties;
    if (required.length > 0) out.required = [...new Set(required)];
    out.type ??= 'object';
  }
  if (isSchema(out.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, isSchema(v) ? closeSchema(v) : v]),
    );
  }
  if (isSchema(out.items)) out.items = closeSchema(out.items);
  if (isSchema(out.properties)) out.type ??= 'object';
  if (out.type === 'object') out.additionalProperties = false;
  return out;
}

export type OrukSchemaName =
  | 'api_details'
  | 'service'
  | 'service_list'
  | 'service_at_location'
  | 'service_at_location_list'
  | 'organization'
  | 'organization_list'
  | 'taxonomy'
  | 'taxonomy_list'
  | 'taxonomy_term'
  | 'taxonomy_term_list';

export interface OrukValidators {
  validate(name: OrukSchemaName, data: unknown): string[];
  /** A list whose items are fully nested records (what `full=true` answers). */
  validateFullList(item: 'service' | 'service_at_location', data: unknown): string[];
}

function errorsOf(fn: ValidateFunction, data: unknown): string[] {
  if (fn(data)) return [];
  return (fn.errors ?? []).map(
    (e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

export function createOrukValidators(): OrukValidators {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  for (const file of readdirSync(ORUK_SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
    if (file === 'open_api.json' || file === 'service_with_definitions.json') continue;
    const raw = JSON.parse(readFileSync(join(ORUK_SCHEMA_DIR, file), 'utf8')) as Schema;
    ajv.addSchema({ ...closeSchema(raw), $id: `${ORUK_SCHEMA_BASE}${file}` });
  }
  const compiled = new Map<string, ValidateFunction>();
  function get(id: string, make?: () => Schema): ValidateFunction {
    let fn = compiled.get(id);
    if (fn === undefined) {
      fn = make === undefined ? ajv.getSchema(id) : ajv.compile(make());
      if (fn === undefined) throw new Error(`No schema ${id}`);
      compiled.set(id, fn);
    }
    return fn;
  }
  const paging = (
    JSON.parse(readFileSync(join(ORUK_SCHEMA_DIR, 'service_list.json'), 'utf8')) as {
      allOf: Schema[];
    }
  ).allOf;
  return {
    validate: (name, data) => errorsOf(get(`${ORUK_SCHEMA_BASE}${name}.json`), data),
    validateFullList: (item, data) =>
      errorsOf(
        get(`full:${item}`, () =>
          closeSchema({
            allOf: paging,
            properties: {
              contents: { type: 'array', items: { $ref: `${ORUK_SCHEMA_BASE}${item}.json` } },
            },
          }),
        ),
        data,
      ),
  };
}
