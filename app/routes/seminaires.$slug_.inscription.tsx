import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { seminarDate } from "~/components/seminars";
import { parseOrThrow } from "~/lib/api.server";
import { errorSentence, HttpError, orErrorPage } from "~/lib/errors";
import { readFormData } from "~/lib/forms.server";
import { getUser } from "~/lib/permissions.server";
import { memberRegistrationSchema, registrationFormSchema } from "~/modules/seminars/schemas";
import { getPublicSeminar } from "~/modules/seminars/public.server";
import { isRegistered, registerFromForm } from "~/modules/seminars/registrations.server";
import { SIDE_CHOICES } from "~/modules/seminars/vocabulary";

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
  const form = await readFormData(request);
  const values = { ...Object.fromEntries(form), workshopIds: form.getAll("workshopIds") };
  try {
    const result = viewer
      ? registerFromForm(seminar.id, { kind: "user", user: viewer }, parseOrThrow(memberRegistrationSchema, values, "Inscription incomplète."))
      : registerFromForm(seminar.id, { kind: "guest" }, parseOrThrow(registrationFormSchema, values, "Inscription incomplète."));
    // The same answer whatever the address (new, an account's, already registered): the e-mail tells the rest.
    const message =
      result.status === "confirmed"
        ? `Inscription enregistrée pour le ${seminarDate(seminar.date)}. À bientôt !`
        : "Vérifiez votre messagerie pour confirmer votre inscription : elle ne compte qu'une fois le lien reçu ouvert.";
    return { ok: true, message, fields: {} as Record<string, string[]> };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return data({ ok: false, message: errorSentence(error), fields: error.fields ?? {} }, { status: error.status });
  }
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

export default function Registration() {
  const { seminar, viewer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fields = result?.fields ?? {};
  const invalid = (name: string) => (fields[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {});
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
        <Form method="post" className="card">
          {viewer ? (
            <p>
              Vous vous inscrivez en tant que <strong>{viewer.name}</strong> ({viewer.email}).
            </p>
          ) : (
            <>
              <p>
                Vous avez un compte ? <Link to={`/connexion?redirectTo=/seminaires/${seminar.slug}/inscription`}>Connectez-vous</Link> ; sinon, indiquez votre nom et votre adresse.
              </p>
              <div className="mb-4">
                <label htmlFor="name" className="label">
                  Nom et prénom
                </label>
                <input id="name" name="name" className="input" autoComplete="name" required {...invalid("name")} />
                <FieldError id="name-error" messages={fields.name} />
              </div>
              <div className="mb-4">
                <label htmlFor="email" className="label">
                  Adresse e-mail
                  <span className="hint">Pour vous envoyer les informations pratiques et le questionnaire après le séminaire.</span>
                </label>
                <input id="email" name="email" type="email" className="input" autoComplete="email" required {...invalid("email")} />
                <FieldError id="email-error" messages={fields.email} />
              </div>
            </>
          )}
          <fieldset className="mb-4" {...(fields.sideChoice?.length ? { "aria-describedby": "sideChoice-error" } : {})}>
            <legend className="label">Vous participez en tant que</legend>
            <div className="mt-2 grid gap-2">
              {SIDE_CHOICES.map((c) => (
                <div key={c.value} className="flex items-start gap-2">
                  <input id={`side-${c.value}`} type="radio" name="sideChoice" value={c.value} className="mt-1 size-4" />
                  <label htmlFor={`side-${c.value}`}>{c.label}</label>
                </div>
              ))}
            </div>
            <FieldError id="sideChoice-error" messages={fields.sideChoice} />
          </fieldset>
          <div className="mb-4">
            <label htmlFor="organisation" className="label">
              Organisation (facultatif)
            </label>
            <input id="organisation" name="organisation" className="input" autoComplete="organization" />
          </div>
          {seminar.workshops.length ? (
            <fieldset className="mb-4" {...(fields.workshopIds?.length ? { "aria-describedby": "workshopIds-error" } : {})}>
              <legend className="label">Ateliers auxquels vous souhaitez participer</legend>
              <div className="mt-2 grid gap-2">
                {seminar.workshops.map((w) => {
                  const full = w.placesLeft === 0;
                  return (
                    <div key={w.id} className="flex items-start gap-2">
                      <input id={`workshop-${w.id}`} type="checkbox" name="workshopIds" value={w.id} className="mt-1 size-4" disabled={full} />
                      <label htmlFor={`workshop-${w.id}`}>
                        Atelier {w.number} — {w.title}
                        {w.placesLeft !== null ? (full ? " (complet)" : ` (${w.placesLeft} place${w.placesLeft > 1 ? "s" : ""} restante${w.placesLeft > 1 ? "s" : ""})`) : ""}
                      </label>
                    </div>
                  );
                })}
              </div>
              <FieldError id="workshopIds-error" messages={fields.workshopIds} />
            </fieldset>
          ) : null}
          <button type="submit" className="btn">
            M'inscrire
          </button>
        </Form>
      )}
    </div>
  );
}
