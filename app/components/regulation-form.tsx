import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ChoiceGroup, FormErrors, useActionForm } from "~/components/forms";
import { obligationLinksSchema } from "~/modules/regulation";

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
