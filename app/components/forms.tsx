import type { FieldMetadata, SubmissionResult } from "@conform-to/react";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import type { z } from "zod";

type Field = FieldMetadata<unknown>;

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-error">
      {errors.map((e) => (
        <p key={e} className="mb-0">
          {e}
        </p>
      ))}
    </div>
  );
}

/** The fields' accessible wiring: error messages are announced with the field. */
function describedBy(field: Field, hintId?: string) {
  return [field.errors?.length ? field.errorId : null, hintId].filter(Boolean).join(" ") || undefined;
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  required,
  multiline,
  rows = 6,
}: {
  field: Field;
  label: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number";
  autoComplete?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const common = {
    id: field.id,
    name: field.name,
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
    "aria-invalid": field.errors?.length ? true : undefined,
    "aria-describedby": describedBy(field, hintId),
    required,
    className: "fr-input",
  };
  return (
    <div className="mb-6">
      <label htmlFor={field.id} className="label">
        {label}
        {hint ? (
          <span id={hintId} className="hint">
            {hint}
          </span>
        ) : null}
      </label>
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} type={type} autoComplete={autoComplete} />}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
  placeholder = "Choisir…",
  required,
}: {
  field: Field;
  label: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <div className="mb-6">
      <label htmlFor={field.id} className="label">
        {label}
      </label>
      <select
        id={field.id}
        name={field.name}
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field)}
        required={required}
        className="fr-select"
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A group of radios or checkboxes, in a fieldset whose legend names it. */
export function ChoiceGroup({
  field,
  legend,
  options,
  type,
  hint,
  checked,
  tiles,
}: {
  field: Field;
  legend: string;
  options: readonly { value: string; label: string }[];
  type: "radio" | "checkbox";
  hint?: string;
  /** Each choice drawn as a tile the whole of which can be clicked (a few things to choose from, such as a subject). */
  tiles?: boolean;
  /** Ticked at first instead of the field's initial value (the themes the platform suggests, say). */
  checked?: readonly string[];
}) {
  const initial = checked ?? field.initialValue;
  const selected = new Set(Array.isArray(initial) ? initial.map(String) : typeof initial === "string" ? [initial] : []);
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <fieldset id={field.id} tabIndex={-1} className="mb-6" aria-describedby={describedBy(field, hintId)}>
      <legend className="label">
        {legend}
        {hint ? (
          <span id={hintId} className="hint">
            {hint}
          </span>
        ) : null}
      </legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((o) => {
          const id = `${field.id}-${o.value}`;
          return (
            <div
              key={o.value}
              className={
                tiles
                  ? "relative flex items-start gap-3 border border-gris-200 p-4 has-checked:border-bleu has-checked:bg-bleu-clair has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-[#0a76f6]"
                  : "flex items-start gap-2"
              }
            >
              <input
                id={id}
                type={type}
                name={field.name}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                // Above the label's whole-tile click area, so the box itself stays clickable too.
                className={tiles ? "relative z-10 mt-1 size-4 shrink-0" : "mt-1 size-4 shrink-0"}
              />
              <label htmlFor={id} className={tiles ? "font-medium after:absolute after:inset-0 after:content-['']" : undefined}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

/** What `FormErrors` reads of a Conform form (its metadata, the first item `useActionForm` returns). */
type FormSummary = { id: string; name: string; errorId: string; errors?: string[]; allErrors: Record<string, string[]> };

/**
 * The error summary (a DSFR alert) at the top of a form: the form's own errors, then one link per invalid field
 * that takes the focus to it (#field-id; fields' ids are Conform's `${form.id}-${name}`).
 */
export function FormErrors({ form, absentFields = [] }: { form: FormSummary; absentFields?: readonly string[] }) {
  const formErrors = [...new Set([...(form.errors ?? []), ...(form.allErrors[""] ?? []), ...(form.allErrors[form.name] ?? [])])];
  const fieldErrors = Object.entries(form.allErrors)
    .filter(([name, errors]) => name !== "" && name !== form.name && errors.length > 0)
    // A field this form does not show (a patient's form has no software fields) gets its message without a link.
    .map(([name, errors]) => ({ href: absentFields.includes(name) ? null : `#${form.id}-${name}`, message: errors.join(" ") }));
  const count = formErrors.length + fieldErrors.length;
  if (!count) return null;
  return (
    <div id={form.errorId} role="alert" className="fr-alert fr-alert--error fr-alert--sm col-span-full mb-6 w-full">
      {fieldErrors.length ? (
        <>
          <p className="fr-alert__title">{count > 1 ? `Le formulaire contient ${count} erreurs` : "Le formulaire contient une erreur"}</p>
          {formErrors.map((e) => (
            <p key={e}>{e}</p>
          ))}
          <ul>
            {fieldErrors.map((e) => (
              <li key={e.href ?? e.message}>{e.href ? <a href={e.href}>{e.message}</a> : e.message}</li>
            ))}
          </ul>
        </>
      ) : (
        formErrors.map((e) => <p key={e}>{e}</p>)
      )}
    </div>
  );
}

/** What a page action answers (see `formAction`); only what the form needs. */
type ActionData = { result?: SubmissionResult<string[]>; intent?: string | null } | undefined;

/**
 * Conform's form, validated in the browser with the very schema the action parses with (the server validates
 * again, so the form works without JavaScript). On a page with several forms, `intent` names this one: it only
 * takes the action's result when that form was the one posted.
 */
export function useActionForm<Schema extends z.ZodType>(
  schema: Schema,
  { actionData, intent, id, defaultValue }: { actionData: ActionData; intent?: string; id?: string; defaultValue?: Record<string, unknown> },
) {
  const mine = actionData && (intent === undefined || actionData.intent === intent);
  return useForm<z.input<Schema> & Record<string, unknown>, z.output<Schema>, string[]>({
    id: id ?? intent,
    lastResult: mine ? actionData.result : undefined,
    defaultValue: defaultValue as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema, disableAutoCoercion: true }),
  });
}

/** The accessible wiring of a field laid out by hand (a compact row, a select without placeholder, a datalist…). */
export function fieldProps(field: Field, fallback?: string) {
  return {
    id: field.id,
    name: field.name,
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : fallback,
    "aria-invalid": field.errors?.length ? true : undefined,
    "aria-describedby": describedBy(field),
  };
}

/** A hand-laid field's error messages (see `fieldProps`). */
export function FieldError({ field }: { field: Field }) {
  return <FieldErrors id={field.errorId} errors={field.errors} />;
}
