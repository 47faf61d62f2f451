import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { seminarDate } from "~/components/seminars";
import { ChoiceGroup, TextField, useActionForm, FormErrors } from "~/components/forms";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { getUser } from "~/lib/permissions.server";
import { SIDE_CHOICES, memberRegistrationSchema, registrationFormSchema } from "~/modules/seminars";
import { getPublicSeminar, isRegistered, registerFromForm } from "~/modules/seminars/index.server";
import { crumbFrom } from "~/components/breadcrumb";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Inscription — ${data?.seminar.title ?? "Séminaire"} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const seminar = orErrorPage(() => getPublicSeminar(params.slug ?? "", viewer));
  return {
    seminar: { slug: seminar.slug, title: seminar.title, date: seminar.date, registrationOpen: seminar.registrationOpen, workshops: seminar.workshops },
    viewer: viewer ? { name: viewer.displayName, email: viewer.email, registered: isRegistered(seminar.id, viewer.email) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await getUser(request);
  const seminar = orErrorPage(() => getPublicSeminar(params.slug ?? "", viewer));
  return formAction(request, viewer ? memberRegistrationSchema : registrationFormSchema, (input) => {
    const result = registerFromForm(seminar.id, viewer ? { kind: "user", user: viewer } : { kind: "guest" }, input);
    // The same answer whatever the address (new, an account's, already registered): the e-mail tells the rest.
    const message =
      result.status === "confirmed"
        ? `Inscription enregistrée pour le ${seminarDate(seminar.date)}. À bientôt !`
        : "Vérifiez votre messagerie pour confirmer votre inscription : elle ne compte qu'une fois le lien reçu ouvert.";
    // Nothing typed comes back in the page: it must not differ from one address to another.
    return { message, resetForm: true };
  });
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <div id={id} className="field-error">
      {messages.map((m) => (
        <p key={m} className="mb-0">
          {m}
        </p>
      ))}
    </div>
  );
}

export const handle = crumbFrom<{ seminar?: { slug: string; title: string } }>(
  () => undefined,
  (data) => (data.seminar ? { label: data.seminar.title, to: `/seminaires/${data.seminar.slug}` } : undefined),
);

export default function Registration() {
  const { seminar, viewer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useActionForm(viewer ? memberRegistrationSchema : registrationFormSchema, { actionData: result });
  // A guest also gives a name and an address (the member's schema has neither; Conform's proxy names any field).
  const guestFields = fields as typeof fields & Record<"name" | "email", (typeof fields)["organisation"]>;
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={`/seminaires/${seminar.slug}`}>← {seminar.title}</Link>
      </p>
      <h1>S'inscrire au séminaire du {seminarDate(seminar.date)}</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      {!seminar.registrationOpen ? (
        <p>Les inscriptions à ce séminaire ne sont pas ouvertes.</p>
      ) : viewer?.registered ? (
        <p>Vous êtes inscrit ({viewer.email}).</p>
      ) : result?.ok ? null : (
        <Form method="post" className="card" {...getFormProps(form)}>
          <FormErrors form={form} />
          {viewer ? (
            <p>
              Vous vous inscrivez en tant que <strong>{viewer.name}</strong> ({viewer.email}).
            </p>
          ) : (
            <>
              <p>
                Vous avez un compte ? <Link to={`/connexion?redirectTo=/seminaires/${seminar.slug}/inscription`}>Connectez-vous</Link> ; sinon, indiquez votre nom et votre adresse.
              </p>
              <TextField field={guestFields.name} label="Nom et prénom" autoComplete="name" required />
              <TextField
                field={guestFields.email}
                label="Adresse e-mail"
                hint="Pour vous envoyer les informations pratiques et le questionnaire après le séminaire."
                type="email"
                autoComplete="email"
                required
              />
            </>
          )}
          <ChoiceGroup field={fields.sideChoice} legend="Vous participez en tant que" type="radio" options={SIDE_CHOICES} />
          <TextField field={fields.organisation} label="Organisation (facultatif)" autoComplete="organization" />
          {seminar.workshops.length ? (
            <fieldset className="mb-4" aria-describedby={fields.workshopIds.errors?.length ? fields.workshopIds.errorId : undefined}>
              <legend className="label">Ateliers auxquels vous souhaitez participer</legend>
              <div className="mt-2 grid gap-2">
                {seminar.workshops.map((w) => {
                  const full = w.placesLeft === 0;
                  return (
                    <div key={w.id} className="flex items-start gap-2">
                      <input id={`workshop-${w.id}`} type="checkbox" name={fields.workshopIds.name} value={w.id} className="mt-1 size-4" disabled={full} />
                      <label htmlFor={`workshop-${w.id}`}>
                        Atelier {w.number} — {w.title}
                        {w.placesLeft !== null ? (full ? " (complet)" : ` (${w.placesLeft} ${plural(w.placesLeft, "place", "places")} ${plural(w.placesLeft, "restante", "restantes")})`) : ""}
                      </label>
                    </div>
                  );
                })}
              </div>
              <FieldError id={fields.workshopIds.errorId} messages={fields.workshopIds.errors} />
            </fieldset>
          ) : null}
          <button type="submit" className="fr-btn">
            M'inscrire
          </button>
        </Form>
      )}
    </div>
  );
}
