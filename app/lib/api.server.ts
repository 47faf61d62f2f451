import "./zod-french";
import { z } from "zod";
import { HttpError } from "./errors";

/** zod issues as `{field: [messages]}`, the `fields` of the API error shape. */
function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, message = "Données invalides."): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(422, message, fieldErrors(result.error));
  return result.data;
}

/** Parses a JSON body with a zod schema: 400 when it is not JSON, 422 with field messages when it does not fit. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new HttpError(400, "Le corps de la requête n'est pas du JSON valide.");
  }
  return parseOrThrow(schema, body);
}

/** The query string as a plain object, parsed by a schema (422 on bad values). */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return parseOrThrow(schema, Object.fromEntries(new URL(request.url).searchParams), "Paramètres de requête invalides.");
}

export function created(body: unknown) {
  return Response.json(body, { status: 201 });
}

/** Path ids: anything but a positive integer is simply not found. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw new HttpError(404, "Ressource introuvable.");
  return id;
}

/** Whether the request sends a multipart body (files) rather than JSON. */
export const isMultipart = (request: Request) => (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/**
 * A multipart body's fields as a plain object (a repeated field as a list, `files` always a list) for a zod schema;
 * 400 when it is not readable multipart.
 */
export async function readMultipart(request: Request): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new HttpError(400, "Envoyez un corps multipart/form-data lisible (les fichiers dans le champ « files »).");
  }
  const fields: Record<string, unknown> = { files: form.getAll("files") };
  for (const name of new Set(form.keys())) if (name !== "files") fields[name] = form.getAll(name).length > 1 ? form.getAll(name) : form.get(name);
  return fields;
}
