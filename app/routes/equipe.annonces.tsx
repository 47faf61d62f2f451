import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { ChoiceGroup, FormErrors, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formatDateTime } from "~/lib/dates";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { counted } from "~/lib/text/plural";
import { VENDOR_GROUPS, VENDOR_GROUP_LABELS, announcementPageSchema } from "~/modules/vendors";
import { listAnnouncements, previewAnnouncement, sendAnnouncement } from "~/modules/vendors/index.server";

export const meta: MetaFunction = () => [{ title: "Annonces aux éditeurs — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "vendor:announce");
  return { sent: listAnnouncements() };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["preview", "send"] as const;
export const ACTION_SCHEMA = announcementPageSchema;

type Outcome = { message: string; preview?: ReturnType<typeof previewAnnouncement> & { title: string; body: string } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "vendor:announce");
  return formAction(
    request,
    announcementPageSchema,
    ({ intent, ...input }): Outcome => {
      if (intent === "preview") {
        const preview = previewAnnouncement(user, input);
        return { message: "Aperçu de l'annonce : rien n'est encore envoyé.", preview: { ...preview, title: input.title, body: input.body } };
      }
      const { recipients } = sendAnnouncement(user, input);
      return { message: `Annonce envoyée à ${counted(recipients, "personne", "personnes")}, dans Sentinelle et par e-mail selon les choix de chacun.` };
    },
    { defaultIntent: "preview" },
  );
}

const GROUP_OPTIONS = VENDOR_GROUPS.map((g) => ({ value: g, label: VENDOR_GROUP_LABELS[g] }));

export default function Announcements() {
  const { sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const preview = result?.ok ? result.preview : undefined;
  const [form, fields] = useActionForm(announcementPageSchema, { actionData: result, intent: "preview", id: "annonce" });
  return (
    <div className="prose-page">
      <h1>Annonces aux éditeurs</h1>
      <p>
        Une annonce (un webinaire, une échéance) est envoyée aux membres des éditeurs d'un ou plusieurs groupes : dans Sentinelle et par
        e-mail, selon les choix de notification de chacun. L'e-mail donne le titre et un lien vers l'annonce, que seuls les éditeurs
        destinataires et l'équipe peuvent lire. Vous voyez l'aperçu et le nombre de destinataires avant l'envoi.
      </p>
      {result && (!result.ok || !preview) ? <Notice ok={result.ok} message={result.message} /> : null}
      {preview ? (
        <section aria-labelledby="apercu" className="card mb-6">
          <h2 id="apercu" className="mt-0">
            Aperçu
          </h2>
          <p role="status">{result?.message}</p>
          <dl>
            <dt className="font-bold">Objet de l'e-mail</dt>
            <dd>{preview.subject}</dd>
            <dt className="font-bold">Destinataires</dt>
            <dd>
              <ul className="list-disc pl-6">
                {preview.groups.map((g) => (
                  <li key={g.group}>
                    {g.label} : {counted(g.people, "personne", "personnes")} ({counted(g.vendors, "éditeur", "éditeurs")})
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="font-bold">Page de l'annonce</dt>
            <dd>
              <p className="font-bold">{preview.title}</p>
              <p className="whitespace-pre-line">{preview.body}</p>
            </dd>
          </dl>
          {preview.recipients ? (
            <Form method="post">
              <input type="hidden" name="title" value={preview.title} />
              <input type="hidden" name="body" value={preview.body} />
              {preview.groups.map((g) => (
                <input key={g.group} type="hidden" name="groups" value={g.group} />
              ))}
              <button type="submit" name="intent" value="send" className="fr-btn">
                Envoyer à {counted(preview.recipients, "personne", "personnes")}
              </button>
            </Form>
          ) : (
            <p>Aucun destinataire : ces groupes n'ont pas encore de membre. Rien ne peut être envoyé.</p>
          )}
        </section>
      ) : null}
      <h2>Nouvelle annonce</h2>
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <TextField field={fields.title} label="Titre" required />
        <TextField field={fields.body} label="Texte de l'annonce" multiline required hint="Le lien d'inscription au webinaire, la date, ce qui est attendu des éditeurs." />
        <ChoiceGroup field={fields.groups} legend="Groupes d'éditeurs destinataires" type="checkbox" options={GROUP_OPTIONS} />
        <button type="submit" className="fr-btn fr-btn--secondary">
          Voir l'aperçu
        </button>
      </Form>
      <h2>Annonces envoyées</h2>
      {sent.length ? (
        <ul className="grid gap-2">
          {sent.map((a) => (
            <li key={a.id}>
              <a href={`/editeur/annonces/${a.id}`}>{a.title}</a> — {formatDateTime(a.sentAt)} · {a.groups.map((g) => VENDOR_GROUP_LABELS[g]).join(", ")} ·{" "}
              {counted(a.recipientCount, "destinataire", "destinataires")}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune annonce envoyée pour le moment.</p>
      )}
    </div>
  );
}
