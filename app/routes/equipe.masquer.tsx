import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { getFormProps } from "@conform-to/react";
import { useActionForm, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/lib/dates";
import { HttpError, orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { irritantTexts, maskIrritantPassage } from "~/modules/irritants/index.server";
import { PASSAGE_PLACEHOLDER } from "~/lib/text/passage";
import { maskPassageSchema, maskScopeSchema } from "~/modules/irritants";
import { getFacilitatorBoard, maskCardPassage } from "~/modules/seminars/index.server";
import { maskTicketMessagePassage, ticketMessagesOfIrritant } from "~/modules/tickets/index.server";

export const meta: MetaFunction = () => [{ title: "Masquer un passage — Sentinelle" }];

/** ?signalement=<id> (title, body, comments, ticket messages) or ?atelier=<id> (cards). */
function scopeOf(request: Request) {
  const parsed = maskScopeSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Choisissez un signalement ou un atelier.", { status: 404 });
  return parsed.data.signalement !== undefined ? ({ kind: "irritant", id: parsed.data.signalement } as const) : ({ kind: "workshop", id: parsed.data.atelier! } as const);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "content:redact");
  const scope = scopeOf(request);
  if (scope.kind === "irritant") {
    const irritant = orErrorPage(() => irritantTexts(user, scope.id));
    return { scope: "irritant" as const, irritant, messages: ticketMessagesOfIrritant(user, scope.id) };
  }
  const board = orErrorPage(() => getFacilitatorBoard(user, scope.id));
  return { scope: "workshop" as const, workshop: board.workshop, cards: board.cards.map((c) => ({ id: c.id, text: c.text, hidden: c.hidden })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content:redact");
  const scope = scopeOf(request);
  return formAction(request, maskPassageSchema, ({ target, passage }) => {
    const fits = scope.kind === "workshop" ? target.kind === "card" : target.kind !== "card";
    if (!fits) throw new HttpError(422, "Choisissez le texte où masquer un passage.");
    const result =
      target.kind === "irritant"
        ? maskIrritantPassage(user, scope.id, { field: target.field }, passage)
        : target.kind === "comment"
          ? maskIrritantPassage(user, scope.id, { field: "comment", commentId: target.id }, passage)
          : target.kind === "message"
            ? maskTicketMessagePassage(user, target.id, passage)
            : maskCardPassage(user, target.id, passage);
    const times = result.occurrences > 1 ? ` (${result.occurrences} occurrences)` : "";
    return { message: `Passage masqué${times} : ${result.characters} caractères effacés, remplacés par « ${PASSAGE_PLACEHOLDER} ».`, resetForm: true };
  });
}

/**
 * One text's form. It takes the action's answer only when it was the one posted: a refused passage is given back
 * (Conform's last result keeps it), so it can be corrected instead of pasted again.
 */
function MaskForm({ target, label }: { target: string; label: string }) {
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const mine = actionData?.result.initialValue?.target === target;
  const [form, fields] = useActionForm(maskPassageSchema, { actionData: mine ? actionData : undefined, id: `masquer-${target}` });
  const errors = [...new Set(Object.values(form.allErrors).flat())];
  const errorId = `${fields.passage.id}-erreur`;
  return (
    <Form method="post" className="mt-2 flex flex-wrap items-end gap-2" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="mask" />
      <input type="hidden" name="target" value={target} />
      <div className="grow">
        <label htmlFor={fields.passage.id} className="label text-sm">
          Passage à masquer<span className="sr-only"> dans {label}</span>
          <span className="hint">Collez-le tel qu'il apparaît ci-dessus ; chaque occurrence est remplacée.</span>
        </label>
        <input
          id={fields.passage.id}
          name={fields.passage.name}
          className="fr-input w-full"
          required
          minLength={3}
          maxLength={2000}
          autoComplete="off"
          defaultValue={typeof fields.passage.initialValue === "string" ? fields.passage.initialValue : ""}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? errorId : undefined}
        />
        {errors.length ? (
          <p id={errorId} className="mt-1 text-sm text-rouge-fonce">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary" disabled={navigation.state === "submitting"}>
        Masquer<span className="sr-only"> ce passage dans {label}</span>
      </button>
    </Form>
  );
}

function Text({ target, label, text, meta }: { target: string; label: string; text: string; meta?: string }) {
  return (
    <li className="card">
      <p className="mb-1 text-sm font-bold">{label}</p>
      {meta ? <p className="mb-1 text-sm text-gris-600">{meta}</p> : null}
      <p className="whitespace-pre-line">{text}</p>
      <MaskForm target={target} label={label.toLowerCase()} />
    </li>
  );
}

const MESSAGE_KINDS: Record<string, string> = {
  reply: "Réponse",
  acknowledgement: "Prise en compte",
  resolution: "Résolution",
  reassignment: "Réaffectation",
  system: "Message automatique",
};

export default function MaskPassage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        {loaded.scope === "irritant" ? (
          <Link to={`/equipe/signalements/${loaded.irritant.id}`}>← Signalement n°{loaded.irritant.id}</Link>
        ) : (
          <Link to={`/ateliers/${loaded.workshop.id}/animation`}>← Animation de l'atelier {loaded.workshop.number}</Link>
        )}
      </p>
      <h1>Masquer un passage</h1>
      <p>
        Un passage qui permet de reconnaître un patient (nom, date de naissance, numéro de dossier…) est remplacé par « {PASSAGE_PLACEHOLDER} », avant
        comme après la publication. Le texte d'origine est effacé, y compris des notifications et des courriels : il ne peut pas être rétabli. Le
        journal d'audit garde qui a masqué, quand, dans quel texte et combien de caractères, jamais le passage lui-même.
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {loaded.scope === "irritant" ? (
        <>
          <h2>Signalement n°{loaded.irritant.id}</h2>
          <ul className="grid list-none gap-4 pl-0">
            <Text target="irritant-title" label="Titre" text={loaded.irritant.title} />
            <Text target="irritant-body" label="Description" text={loaded.irritant.body} />
          </ul>
          <h2>Commentaires</h2>
          {loaded.irritant.comments.length ? (
            <ul className="grid list-none gap-4 pl-0">
              {loaded.irritant.comments.map((c) => (
                <Text key={c.id} target={`comment-${c.id}`} label={`Commentaire n°${c.id}`} text={c.body} meta={`${c.authorName}, ${formatDateTime(c.createdAt)}${c.hidden ? " · masqué" : ""}`} />
              ))}
            </ul>
          ) : (
            <p>Aucun commentaire.</p>
          )}
          <h2>Messages des tickets</h2>
          {loaded.messages.length ? (
            <ul className="grid list-none gap-4 pl-0">
              {loaded.messages.map((m) => (
                <Text
                  key={m.id}
                  target={`message-${m.id}`}
                  label={`${MESSAGE_KINDS[m.kind] ?? "Message"} n°${m.id} (ticket n°${m.ticketId})`}
                  text={m.body}
                  meta={`${m.vendorName}, ${formatDateTime(m.createdAt)} · ${m.visibility === "public" ? "public" : "note interne"}`}
                />
              ))}
            </ul>
          ) : (
            <p>Aucun ticket pour ce signalement.</p>
          )}
        </>
      ) : (
        <>
          <h2>
            Cartes de l'atelier {loaded.workshop.number} — {loaded.workshop.title}
          </h2>
          {loaded.cards.length ? (
            <ul className="grid list-none gap-4 pl-0">
              {loaded.cards.map((c) => (
                <Text key={c.id} target={`card-${c.id}`} label={`Carte n°${c.id}`} text={c.text} meta={c.hidden ? "masquée aux participants" : undefined} />
              ))}
            </ul>
          ) : (
            <p>Aucune carte.</p>
          )}
        </>
      )}
    </div>
  );
}
