// The OpenAPI 3.1 document for our own API, built from the route table (api-routes.ts): every
// schema is the zod schema the route validates with (or the shared contract's answer) turned into
// JSON Schema 2020-12, which is OpenAPI 3.1's own dialect.
import { z } from 'zod';
import { LOGIN_COOKIE } from '../auth/login.ts';
import { ApiErrorSchema } from '@fiveways/shared';
import { ORUK_OPENAPI_URL } from '../openreferral/openreferral.routes.ts';
import { API_ROUTES, type Named, type RouteDoc } from './api-routes.ts';

export type JsonSchema = Record<string, unknown>;

// A type, not an interface, so it passes where any JSON object is asked for.
export type OpenApiDocument = {
  openapi: '3.1.1';
  info: Record<string, unknown>;
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
};

/**
 * A zod schema as JSON Schema, as a client sends it or reads it off the wire (the input side:
 * the contract's answers are parsed by the same schemas on the client). Checks run in code
 * (refinements) are not expressible and are left out; the routes still apply them.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  delete json.$schema;
  if ('$defs' in json) throw new Error('A documented schema refers to itself: give it a name');
  return json;
}

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

function jsonContent(ref: JsonSchema, example?: unknown) {
  return {
    'application/json': example === undefined ? { schema: ref } : { schema: ref, example },
  };
}

/** Query or path parameters, one per property of the route's zod object. */
function parametersOf(
  where: 'query' | 'path',
  schema: z.ZodObject | undefined,
  example: Record<string, string> | undefined,
) {
  if (schema === undefined) return [];
  const json = toJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const value = example?.[name];
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: property,
      ...(value === undefined ? {} : { example: value }),
    };
  });
}

function operationOf(route: RouteDoc, refOf: (n: Named) => JsonSchema) {
  const { answer, example } = route;
  const answerContent: Record<string, { schema: JsonSchema }> = {
    ...(answer.json === undefined ? {} : jsonContent(refOf(answer.json))),
  };
  for (const media of answer.media ?? []) {
    answerContent[media] = { schema: { type: media === 'application/json' ? 'object' : 'string' } };
  }
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    ...(route.externalDocs === undefined ? {} : { externalDocs: route.externalDocs }),
    ...(route.access === 'public' ? {} : { security: [{ staffSession: [] }] }),
    ...(route.access === 'admin' ? { 'x-requires-role': 'admin' } : {}),
    parameters: [
      ...parametersOf('path', route.params, example?.params),
      ...parametersOf('query', route.query, example?.query),
    ],
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: jsonContent(refOf(route.body), example?.body),
          },
        }),
    responses: {
      [String(answer.status)]: {
        description: answer.description,
        ...(Object.keys(answerContent).length === 0 ? {} : { content: answerContent }),
      },
      '4XX': {
        description: 'Refused: the error says which field and why, in plain English',
        content: jsonContent(ERROR_REF),
      },
    },
  };
}

/** The whole document; `publicUrl` is the service's own origin. */
export function buildOpenApiDocument(
  publicUrl: string,
  routes: readonly RouteDoc[] = API_ROUTES,
): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = { ApiError: toJsonSchema(ApiErrorSchema) };
  const byName = new Map<string, z.ZodType>();
  const refOf = ({ name, schema }: Named): JsonSchema => {
    const seen = byName.get(name);
    if (seen !== undefined && seen !== schema) throw new Error(`Two schemas are named ${name}`);
    if (seen === undefined) {
      byName.set(name, schema);
      schemas[name] = toJsonSchema(schema);
    }
    return { $ref: `#/components/schemas/${name}` };
  };
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (route.method in item) throw new Error(`${route.method} ${route.path} is described twice`);
    item[route.method] = operationOf(route, refOf);
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Five Ways Worcester API',
      version: '1',
      summary: 'Community groups and sessions in Worcester, by the five ways to wellbeing',
      description:
        'Reads are public. ' +
        'Staff writes need the session cookie set by POST /api/auth/login and must come from ' +
        'the service’s own origin. Errors are one JSON envelope naming the field at fault.',
    },
    servers: [{ url: publicUrl }],
    tags: [
      { name: 'Service' },
      { name: 'Directory', description: 'Areas, venues, organisations, groups and sessions' },
      { name: 'Open data', description: 'Downloads for spreadsheets' },
      { name: 'Calendar feeds', description: 'iCalendar feeds to subscribe to' },
      {
        name: 'Open Referral UK',
        description: `Open Referral UK 3.0; its full description is ${ORUK_OPENAPI_URL}`,
      },
      { name: 'Accounts', description: 'Logging in and staff accounts' },
      { name: 'Staff', description: 'Staff tools' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: LOGIN_COOKIE,
          description: 'Set by POST /api/auth/login',
        },
      },
    },
  };
}
