import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/notice";
import { BalanceTable, seminarDate } from "~/components/seminars";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { registrationFormSchema } from "~/modules/seminars/schemas";
import { getSeminarForTeam } from "~/modules/seminars/agenda.server";
import { listRegistrations, registerFromForm, removeRegistration, seminarBalance } from "~/modules/seminars/registrations.server";
import { DETAIL_LABELS, SIDE_CHOICES, SIDE_LABEL_ONE } from "~/modules/seminars/vocabulary";

export const meta: MetaFunction = () => [{ title: "Inscriptions au séminaire — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const seminar = orErrorPage(() => getSeminarForTeam(user, idParam(params.id)));
  return {
    seminar: { id: seminar.id, title: seminar.title, date: seminar.date, workshops: seminar.workshops.map((w) => ({ id: w.id, number: w.number, title: w.title })) },
    registrations: listRegistrations(user, seminar.id),
    balance: seminarBalance(seminar.id),
  };
}

/** The registration form sends no intent. */
export const INTENTS = ["register", "remove"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const id = orErrorPage(() => idParam(params.id));
  const form = await readFormData(request);
  try {
    if (readIntent(form, INTENTS, "register") === "remove") {
      removeRegistration(user, id, parseOrThrow(z.coerce.number().int().positive(), form.get("registrationId")));
      return { ok: true, message: "Inscription retirée." };
    }
    const input = parseOrThrow(registrationFormSchema, { ...Object.fromEntries(form), workshopIds: form.getAll("workshopIds") }, "Inscription invalide.");
    registerFromForm(id, { kind: "team", actor: user }, input);
    return { ok: true, message: `${input.name} est inscrit.` };
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function Registrations() {
  const { seminar, registrations, balance } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={`/equipe/seminaires/${seminar.id}`}>← {seminar.title}</Link>
      </p>
      <h1>Inscriptions — séminaire du {seminarDate(seminar.date)}</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      <h2>Équilibre du triangle</h2>
      <BalanceTable balance={balance.overall} caption={`Ensemble du séminaire : ${balance.overall.total} inscrits`} />
      {balance.workshops.map((w) => (
        <BalanceTable
          key={w.id}
          balance={w.balance}
          caption={`Atelier ${w.number} — ${w.title} : ${w.balance.total} inscrits${w.capacity !== null ? ` sur ${w.capacity} places (${w.placesLeft} restantes)` : ""}`}
        />
      ))}
      <h2>Inscrits</h2>
      <p className="text-sm">Une inscription faite sans compte confirmé ne compte qu'une fois l'adresse confirmée par le lien envoyé ; sans confirmation, elle est effacée au bout de trois jours.</p>
      {registrations.length === 0 ? <p>Aucune inscription.</p> : null}
      {registrations.length ? (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">Inscrits</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Adresse</th>
                <th scope="col">Côté</th>
                <th scope="col">Ateliers</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name}
                    {r.organisation ? <span className="block text-sm font-normal">{r.organisation}</span> : null}
                  </th>
                  <td>{r.email}</td>
                  <td>
                    {SIDE_LABEL_ONE[r.side]}
                    {r.sideDetail ? ` (${DETAIL_LABELS[r.sideDetail]})` : ""}
                    {r.userId ? "" : " · invité"}
                    {r.confirmedAt ? "" : " · en attente de confirmation (non compté)"}
                  </td>
                  <td>{r.workshops.length ? r.workshops.join(", ") : "—"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="registrationId" value={r.id} />
                      <button type="submit" className="btn btn-secondary">
                        Retirer<span className="sr-only"> {r.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>Inscrire quelqu'un</h2>
      <Form method="post" className="card grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="r-name" className="label">
            Nom
          </label>
          <input id="r-name" name="name" className="input" required />
        </div>
        <div>
          <label htmlFor="r-email" className="label">
            Adresse e-mail
          </label>
          <input id="r-email" name="email" type="email" className="input" required />
        </div>
        <div>
          <label htmlFor="r-side" className="label">
            Côté
          </label>
          <select id="r-side" name="sideChoice" className="input" defaultValue="">
            <option value="">Choisir…</option>
            {SIDE_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="r-organisation" className="label">
            Organisation (facultatif)
          </label>
          <input id="r-organisation" name="organisation" className="input" />
        </div>
        <fieldset className="md:col-span-2">
          <legend className="label">Ateliers</legend>
          <div className="flex flex-wrap gap-4">
            {seminar.workshops.map((w) => (
              <div key={w.id} className="flex items-center gap-2">
                <input id={`r-w-${w.id}`} type="checkbox" name="workshopIds" value={w.id} className="size-4" />
                <label htmlFor={`r-w-${w.id}`}>
                  Atelier {w.number} — {w.title}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div>
          <button type="submit" className="btn">
            Inscrire
          </button>
        </div>
      </Form>
    </div>
  );
}
