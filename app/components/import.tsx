import type { FieldMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FieldError, fieldProps } from "~/components/forms";

/** The file input of an import's first step, wired to its form's `fichier` field (see `csvFileField`). */
export function CsvFileField({ field }: { field: FieldMetadata<unknown> }) {
  // A file input never takes a default value: the browser refuses to set one.
  const { defaultValue: _, ...props } = fieldProps(field);
  return (
    <div className="mb-4">
      <label htmlFor={field.id} className="label">
        Fichier CSV
      </label>
      <input {...props} type="file" accept=".csv,text/csv" className="block max-w-full" />
      <FieldError field={field} />
    </div>
  );
}

/** A refused file's errors, line by line. */
export function LineErrorList({ errors }: { errors: readonly { line: number; message: string }[] }) {
  if (!errors.length) return null;
  return (
    <ul className="mt-2 mb-0 list-disc pl-6">
      {errors.map((e) => (
        <li key={`${e.line}-${e.message}`}>
          Ligne {e.line} : {e.message}
        </li>
      ))}
    </ul>
  );
}

/** The second step of a CSV import: sends back the previewed text, with the fields that say where it goes. */
export function ApplyImportForm({ csv, fields = {} }: { csv: string; fields?: Record<string, string> }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="apply" />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="csv" value={csv} />
      <button type="submit" className="fr-btn">
        Appliquer l'import
      </button>
    </Form>
  );
}
