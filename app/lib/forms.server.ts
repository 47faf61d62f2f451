import "./zod-french";
import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { errorSentence, HttpError } from "./errors";
import { intentOf } from "./intents";

/** The posted form, or a 400 when the body is not a form at all. */
export async function readFormData(request: Request) {
  try {
    return await request.formData();
  } catch {
    throw new Response("Le formulaire envoyé est illisible.", { status: 400 });
  }
}

/**
 * Runs a module call inside a page's command; a refusal it throws carries `extra` to the page (what the page must still
 * show beside the refusal, e.g. what was masked in the draft it just saved).
 */
export function withRefusalExtra<T>(extra: (refusal: HttpError) => Record<string, unknown>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof HttpError) throw new HttpError(error.status, error.message, error.fields, error.code, error.headers, { ...error.extra, ...extra(error) });
    throw error;
  }
}

/**
 * What every page action answers, so every page reads its action data one way: Conform's `result` for the form that
 * was posted (`intent` says which, on pages with several), `ok`, and one French sentence for the notice.
 */
export type ActionReply<Extra = unknown> = {
  result: SubmissionResult<string[]>;
  intent: string | null;
  ok: boolean;
  message: string;
} & Partial<Extra>;

/** A command's success: the notice's sentence, and anything the page shows once (a new token, say). */
type CommandSuccess = { message: string; resetForm?: boolean };

type CommandResult = Response | CommandSuccess;
type ExtraOf<Result> = Omit<Exclude<Result, Response>, keyof CommandSuccess>;

function mergedHeaders(...sources: (HeadersInit | undefined)[]) {
  const headers = new Headers();
  for (const source of sources) new Headers(source).forEach((value, name) => headers.append(name, value));
  return headers;
}

function reply<Extra>(body: ActionReply<Extra>, init?: ResponseInit) {
  return data(body, init);
}

/**
 * The one shape of a page action, once the guard has passed: parse the form with the module's schema → run the
 * module's command → reply. Invalid input answers 422 with field messages and writes nothing; a module's
 * `HttpError` answers its status with its message on the form (and its `extra` data); a `Response` the command returns (a redirect) is
 * returned as it is. A schema that is a discriminated union on `intent` refuses an intent it does not declare
 * with 400, before anything is parsed (`defaultIntent` is taken when the form sends none). `everyReply` adds what
 * every answer of the page carries, refusals included (the questionnaire editor's draft, which travels with its forms).
 * `headers` go on every reply that is not the command's own Response (a cookie the guard issued, say).
 */
export async function formAction<Schema extends z.ZodType, Result extends CommandResult>(
  request: Request | FormData,
  schema: Schema,
  command: (value: z.output<Schema>, formData: FormData) => Result | Promise<Result>,
  options: { defaultIntent?: string; everyReply?: (formData: FormData) => Partial<ExtraOf<Result>>; headers?: HeadersInit } = {},
) {
  const formData = request instanceof FormData ? request : await readFormData(request);
  if (options.defaultIntent && !formData.has("intent")) formData.set("intent", options.defaultIntent);
  const intent = intentOf(schema, formData);
  // Module schemas are plain zod, shared with the JSON API: they handle form strings themselves (blank → absent).
  const submission = parseWithZod(formData, { schema, disableAutoCoercion: true });
  // A password is never sent back to be shown again.
  const hideFields = [...formData.keys()].filter((name) => /password/i.test(name));
  if (submission.status !== "success") {
    const result = submission.reply({ hideFields }) as SubmissionResult<string[]>;
    const messages = [...(result.error ? Object.values(result.error).flat() : [])].filter((m): m is string => typeof m === "string");
    return reply<ExtraOf<Result>>(
      { ...options.everyReply?.(formData), result, intent, ok: false, message: messages.length ? messages.join(" ") : "Le formulaire contient des erreurs." } as ActionReply<ExtraOf<Result>>,
      { status: 422, headers: options.headers },
    );
  }
  try {
    const outcome = await command(submission.value, formData);
    if (outcome instanceof Response) return outcome as Extract<Result, Response>;
    const { message, resetForm, ...extra } = outcome as CommandSuccess;
    const result = submission.reply({ resetForm, hideFields }) as SubmissionResult<string[]>;
    return reply<ExtraOf<Result>>({ ...(extra as Partial<ExtraOf<Result>>), result, intent, ok: true, message }, { headers: options.headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    if (!(error instanceof HttpError)) throw error;
    const result = submission.reply({ formErrors: error.fields ? [] : [error.message], fieldErrors: error.fields, hideFields }) as SubmissionResult<string[]>;
    return reply<ExtraOf<Result>>({ ...options.everyReply?.(formData), ...error.extra, result, intent, ok: false, message: errorSentence(error) } as ActionReply<ExtraOf<Result>>, {
      status: error.status,
      headers: mergedHeaders(options.headers, error.headers),
    });
  }
}
