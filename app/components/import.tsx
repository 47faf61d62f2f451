import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { FieldError, fieldProps, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { TableRegion } from "~/components/table-region";

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

/** What an import page's action answers: a preview sends the text back (`csv`), a refused file its line errors. */
type CsvImportReply = { ok: boolean; message: string; csv?: string; result?: SubmissionResult<string[]>; intent?: string | null } | undefined;

/** What an import would do, line by line: the page's columns after the line number. */
type PreviewTable<Row extends { line: number }> = {
  rows: readonly Row[];
  caption: string;
  columns: readonly { header: string; cell: (row: Row) => ReactNode }[];
  /** The scrolling region's name (default « Aperçu de l'import »). */
  label?: string;
  tableClassName?: string;
};

/** An import's preview table: one row a line of the file, its number first. */
export function ImportPreviewTable<Row extends { line: number }>({ rows, caption, columns, label = "Aperçu de l'import", tableClassName = "mb-4" }: PreviewTable<Row>) {
  const all = [{ header: "Ligne", cell: (row: Row) => row.line }, ...columns];
  return (
    <TableRegion label={label}>
      <table className={tableClassName}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {all.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              {all.map((c) => (
                <td key={c.header}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The preview of a `CsvImportPage`: its table, and whether the action's message is said above it. */
type ImportPreview<Row extends { line: number }> = PreviewTable<Row> & { withMessage?: boolean };

/**
 * The page of a two-step CSV import: the file form previews (intent "preview", field `fichier`); the preview shows
 * what the import would do (`preview`, the page's columns) above the form that applies the previewed text.
 */
export function CsvImportPage<Row extends { line: number }>({
  back,
  title,
  intro,
  schema,
  result,
  preview,
}: {
  back: { to: string; label: string };
  title: string;
  intro: ReactNode;
  schema: z.ZodType;
  result: CsvImportReply;
  preview: ImportPreview<Row> | null;
}) {
  const [form, fields] = useActionForm(schema, { actionData: result, intent: "preview" });
  const lineErrors = (result as { errors?: { line: number; message: string }[] } | undefined)?.errors ?? [];
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1>{title}</h1>
      {intro}
      {result && !result.ok ? (
        <div role="alert" className="fr-alert fr-alert--error fr-alert--sm mb-6">
          <p className="mb-0 font-bold">{result.message}</p>
          <LineErrorList errors={lineErrors} />
        </div>
      ) : null}
      {result?.ok && !result.csv ? <Notice ok message={result.message} /> : null}
      {result?.ok && result.csv && preview ? (
        <section aria-labelledby="apercu">
          <h2 id="apercu">Aperçu</h2>
          {preview.withMessage ? <p>{result.message}</p> : null}
          <ImportPreviewTable {...preview} />
          <ApplyImportForm csv={result.csv} />
        </section>
      ) : null}
      <h2>Fichier</h2>
      <Form method="post" encType="multipart/form-data" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <CsvFileField field={fields.fichier} />
        <button type="submit" className="fr-btn">
          Voir l'aperçu
        </button>
      </Form>
    </div>
  );
}
