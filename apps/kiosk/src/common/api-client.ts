// The front end's one way to the API: same-origin JSON, every failure an ApiError with a
// plain-English message, and every answer checked against the shared schemas. The schemas (with
// zod) load in a chunk of their own while the first request is out, so a page's own code stays
// small and the kiosk's first screen never loads them.
import type * as SchemasModule from '@fiveways/shared/schemas';
import type { ApiIssue } from '@fiveways/shared';

export type Schemas = typeof SchemasModule;

/** A shared schema, as far as the client needs one. */
export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** Picks, from the shared module, the schema an answer must match. */
export type SchemaOf<T> = (schemas: Schemas) => Parser<T>;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const CONNECTION_MESSAGE = 'Could not reach the server. Check the connection and try again.';

/** A request the server refused, an answer that breaks the contract, or one that never came. */
export class ApiError extends Error {
  /** The HTTP status, or 0 when there was no usable answer. */
  readonly status: number;
  readonly code: string;
  /** Problems with single fields, as the server names them ('contact.email'). */
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

let schemas: Promise<Schemas> | undefined;

/** The shared schemas, loaded once (and tried again after a failed load). */
export function loadSchemas(): Promise<Schemas> {
  schemas ??= import('@fiveways/shared/schemas').catch((error: unknown) => {
    schemas = undefined;
    console.error('The shared schemas did not load', error);
    throw new ApiError(0, 'network', CONNECTION_MESSAGE);
  });
  return schemas;
}

/** Plain-English fallbacks when the server sends no error envelope. */
function messageForStatus(status: number): string {
  if (status === 401) return 'Please log in again.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'That could not be found. It may have been removed.';
  if (status === 429) return 'Too many attempts. Please wait a few minutes and try again.';
  if (status >= 500) return 'Something went wrong on the server. Please try again in a moment.';
  return 'That did not work. Please check the form and try again.';
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const [body, shared] = await Promise.all([response.json() as Promise<unknown>, loadSchemas()]);
    const parsed = shared.ApiErrorSchema.safeParse(body);
    if (parsed.success) {
      const { code, message, issues } = parsed.data.error;
      return new ApiError(response.status, code, message, issues);
    }
  } catch {
    // Not JSON, or the schemas could not load: fall back to a message for the status.
  }
  const status = response.status;
  return new ApiError(status, `http-${status}`, messageForStatus(status));
}

/** Sends a request and resolves with the response once it is a success; else throws ApiError. */
export async function request(
  method: Method,
  path: string,
  options: { body?: unknown; signal?: AbortSignal | undefined } = {},
): Promise<Response> {
  const { body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    // A cancelled request is not a failure to report: whoever cancelled it has moved on.
    if (signal?.aborted === true) throw error;
    throw new ApiError(0, 'network', CONNECTION_MESSAGE);
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** The JSON body of an answer. */
export async function readJson(response: Response, path: string): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    throw unexpectedAnswer(path, 'it is not JSON');
  }
}

/** The error for an answer that does not match the contract; the details go to the console. */
export function unexpectedAnswer(path: string, detail: unknown): ApiError {
  console.error(`The answer to ${path} does not match the contract`, detail);
  return new ApiError(0, 'bad-response', 'The server sent something unexpected. Please reload.');
}

/** Checks an answer against a shared schema, so a contract mismatch shows as a clear error. */
export function parseAnswer<T>(parser: Parser<T>, data: unknown, path: string): T {
  const parsed = parser.safeParse(data);
  if (!parsed.success) throw unexpectedAnswer(path, parsed.error);
  return parsed.data;
}

/** GETs a path and returns its answer, checked against the schema `pick` names. */
export async function getParsed<T>(
  path: string,
  pick: SchemaOf<T>,
  signal?: AbortSignal,
): Promise<T> {
  const [response, shared] = await Promise.all([request('GET', path, { signal }), loadSchemas()]);
  return parseAnswer(pick(shared), await readJson(response, path), path);
}

/** Sends a write; the answer's body, if any, is not needed. */
export async function write(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
): Promise<void> {
  await request(method, path, { body });
}

/** Sends a write and returns its answer, checked against the schema `pick` names. */
export async function writeParsed<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body: unknown,
  pick: SchemaOf<T>,
): Promise<T> {
  const [response, shared] = await Promise.all([request(method, path, { body }), loadSchemas()]);
  return parseAnswer(pick(shared), await readJson(response, path), path);
}

/** A sentence for any thrown value, for places that only need one. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
