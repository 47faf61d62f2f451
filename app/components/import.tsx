import { Form } from "@remix-run/react";

/** The second step of a CSV import: sends back the previewed text, with the fields that say where it goes. */
export function ApplyImportForm({ csv, fields = {} }: { csv: string; fields?: Record<string, string> }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="apply" />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="csv" value={csv} />
      <button type="submit" className="btn">
        Appliquer l'import
      </button>
    </Form>
  );
}
