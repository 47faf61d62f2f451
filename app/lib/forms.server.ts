import "./zod-french";
import { data } from "@remix-run/node";
import type { Submission as ConformSubmission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { errorSentence, HttpError } from "./errors";

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
