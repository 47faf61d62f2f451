/** The one error shape of the JSON API: `{error: {code, message, fields?}}`. */
type ApiErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]> };
};

const ERROR_CODES = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  410: "gone",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "invalid",
  429: "rate_limited",
} as const;

export type ErrorStatus = keyof typeof ERROR_CODES;

/** Thrown by modules and guards; routes turn it into a page error or a JSON error. */
export class HttpError extends Error {
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly code: string = ERROR_CODES[status],
    /** Headers the answer must carry, e.g. `Retry-After` on a 429. */
    readonly headers?: Record<string, string>,
    /** What a page needs to show with the refusal (the digit sequences to review, the CSV's line errors…). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function apiError(status: ErrorStatus, message: string, fields?: Record<string, string[]>, code?: string) {
  const body: ApiErrorBody = { error: { code: code ?? ERROR_CODES[status], message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status });
}

/** 405 in the API error shape, with the `Allow` header HTTP requires. */
export function methodNotAllowed(allow: string, message = "Méthode non autorisée.") {
  const response = apiError(405, message);
  response.headers.set("Allow", allow);
  return response;
}

/** Runs a module call for a page: an HttpError becomes the matching French error page. */
export function orErrorPage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof HttpError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

/**
 * Runs a module call whose refusal a loader shows in place (a wrong workshop code gets the join form with its message,
 * not an error page): the value, or the refusal.
 */
export function orRefusal<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: HttpError } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof HttpError) return { ok: false, error };
    throw error;
  }
}

/** The first message of a refusal for one field (else its first field message, else its sentence). */
export function refusalMessage(error: HttpError, field: string) {
  return error.fields?.[field]?.[0] ?? Object.values(error.fields ?? {}).flat()[0] ?? error.message;
}

/** Wraps an API handler: module errors become `{error}` JSON with their status. */
export async function withApiErrors(fn: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof HttpError) {
      const response = apiError(error.status, error.message, error.fields, error.code);
      for (const [name, value] of Object.entries(error.headers ?? {})) response.headers.set(name, value);
      return response;
    }
    throw error;
  }
}

/** One sentence for a page notice: the field messages when there are some, else the message. */
export function errorSentence(error: HttpError) {
  return error.fields ? Object.values(error.fields).flat().join(" ") : error.message;
}
