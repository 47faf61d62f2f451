import "./zod-french";
import { data } from "@remix-run/node";
import type { Submission as ConformSubmission, SubmissionResult } from "@conform-to/react";
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

/** Reads and validates a form post with the same zod schema the page renders. */
export async function parseForm<Schema extends z.ZodType>(request: Request | FormData, schema: Schema) {
  const formData = request instanceof FormData ? request : await readFormData(request);
  return { formData, submission: parseWithZod(formData, { schema }) };
}

type Submission = ConformSubmission<unknown, string[], unknown>;

/** The action's answer to invalid input: field messages, status 422, nothing written. */
export function invalidForm(submission: Submission, status = 422) {
  return data({ result: submission.reply() as SubmissionResult<string[]> }, { status });
}

/** Turns a module's HttpError into form messages; anything else is rethrown. */
export function formErrorReply(submission: Submission, error: unknown) {
  if (!(error instanceof HttpError)) throw error;
  const result = submission.reply({ formErrors: error.fields ? [] : [error.message], fieldErrors: error.fields });
  return data({ result: result as SubmissionResult<string[]> }, { status: error.status });
}

/** A notice-style action's answer to a module's refusal: `{ok: false, message}` with the refusal's status. */
export function refusalNotice(error: unknown) {
  if (!(error instanceof HttpError)) throw error;
  return data({ ok: false as const, message: errorSentence(error) }, { status: error.status });
}

/**
 * The form's `intent`: one of the intents the action declares (each multi-intent action exports them as `INTENTS`,
 * which the permission matrix reads from the build so no intent escapes it), else a 400. A form without an intent
 * gets `fallback` when the action has a default one.
 */
export function readIntent<const T extends readonly string[]>(form: FormData, intents: T, fallback?: T[number]): T[number] {
  const intent = form.get("intent") ?? fallback;
  if (typeof intent === "string" && intents.includes(intent)) return intent;
  throw new Response("Action inconnue.", { status: 400 });
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
