import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { ChoiceGroup, FormErrors, useActionForm } from "~/components/forms";
import { TableRegion } from "~/components/table-region";
import { CHANNEL_LABELS, obligationLinksSchema, OBLIGATION_STATUS_LABELS, type ObligationStatus } from "~/modules/regulation";

type Linked = { slug: string; title: string; status: ObligationStatus; effectiveLabel: string };

/** "Projet" badge for a draft text; nothing for a text in force. */
export function ObligationStatusBadge({ status }: { status: ObligationStatus }) {
  return status === "projet" ? <span className="fr-badge fr-badge--sm fr-badge--warning ml-2">{OBLIGATION_STATUS_LABELS.projet}</span> : null;
}

/** The entries of the regulatory register an irritant or an action links to (its public page). */
export function LinkedObligations({ obligations, what }: { obligations: readonly Linked[]; what: string }) {
  if (!obligations.length) return null;
  return (
    <section aria-labelledby="reglementation-liee">
      <h2 id="reglementation-liee">Réglementation concernée</h2>
      <p className="text-sm">
        Les obligations du <Link to="/reglementation">référentiel réglementaire</Link> qui concernent {what}.
      </p>
      <ul className="list-disc pl-6">
        {obligations.map((o) => (
          <li key={o.slug}>
            <Link to={`/reglementation/${o.slug}`}>{o.title}</Link>
            {o.effectiveLabel ? ` (${o.effectiveLabel})` : ""}
            <ObligationStatusBadge status={o.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}

type ActionData = Parameters<typeof useActionForm>[1]["actionData"];

/**
 * The team's form that sets which entries of the register an irritant or an action links to: checkboxes, one
 * intent ("obligations") the page's action hands to the regulation module. Works without JavaScript.
 */
export function ObligationLinksForm({ actionData, choices, linked }: { actionData: ActionData; choices: readonly { slug: string; title: string }[]; linked: readonly string[] }) {
  const [form, fields] = useActionForm(obligationLinksSchema, { actionData, intent: "obligations", defaultValue: { obligations: [...linked] } });
  return (
    <section aria-labelledby="obligations-liees">
      <h2 id="obligations-liees">Réglementation concernée</h2>
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="obligations" />
        <ChoiceGroup
          field={fields.obligations}
          legend="Obligations du référentiel"
          hint="Cochez celles que ce sujet concerne ; décocher retire le lien."
          type="checkbox"
          options={choices.map((c) => ({ value: c.slug, label: c.title }))}
        />
        <button type="submit" className="fr-btn fr-btn--secondary">
          Enregistrer les obligations liées
        </button>
      </Form>
    </section>
  );
}

const mark = (yes: boolean) => (yes ? "Oui" : "Non");

type Row = { documentType: string; dmp: boolean; mssProfessionals: boolean; mssPatient: boolean; effectiveLabel: string };

/** The document types × channels × dates table, in a named region that scrolls sideways on a phone. */
export function DocumentTable({ rows, caption }: { rows: readonly Row[]; caption: string }) {
  return (
    <TableRegion label={caption}>
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">{CHANNEL_LABELS.dmp}</th>
            <th scope="col">{CHANNEL_LABELS.mssProfessionals}</th>
            <th scope="col">{CHANNEL_LABELS.mssPatient}</th>
            <th scope="col">Date d'entrée en vigueur de l'obligation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.documentType}>
              <th scope="row" className="font-normal">
                {r.documentType}
              </th>
              <td>{mark(r.dmp)}</td>
              <td>{mark(r.mssProfessionals)}</td>
              <td>{mark(r.mssPatient)}</td>
              <td>{r.effectiveLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
