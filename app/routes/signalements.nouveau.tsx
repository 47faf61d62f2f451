import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ChoiceGroup, FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formAction, readFormData } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { describeRedactions } from "~/lib/text/redaction";
import { getProfile } from "~/modules/accounts/index.server";
import { addComment, fileIrritant, findSimilar, getIrritant, listThemes, suggestThemesFor, supportIrritant } from "~/modules/irritants/index.server";
import {
  CONSULTATION_STEP_LABELS,
  FREQUENCY_LABELS,
  PATIENT_SUBJECTS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  filingPageSchema as filingSchemaWithoutFiles,
  laneOf,
  patientFilingPageSchema as patientSchemaWithoutFiles,
} from "~/modules/irritants";
import { listProducts } from "~/modules/vendors/index.server";
import { StatusBadge } from "~/components/status-badge";
import { FilesField } from "~/components/files-field";
import { attachmentFilesField, heldUploadsField, MAX_ATTACHMENTS } from "~/modules/attachments";
import { attachPrepared, holdUploads, listHeldUploads, prepareUploads, releaseHeldUploads, takeHeldUploads } from "~/modules/attachments/index.server";
import { HttpError } from "~/lib/errors";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.patient ? "Signaler une difficulté" : "Signaler un irritant"} — Sentinelle` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "irritant:file");
  const patient = laneOf(user) === "patient";
  const profile = getProfile(user.id);
  return {
    patient,
    themes: patient ? [] : listThemes().map(({ slug, label }) => ({ slug, label })),
    // A patient's form asks for the service concerned, never for a practice's software.
    products: patient ? [] : listProducts(),
    defaults: patient ? {} : { productId: profile.usualProductId ? String(profile.usualProductId) : "", productVersion: profile.usualProductVersion ?? "" },
  };
}

/** The filing form also carries up to 5 files (multipart, field `files`), attached to the irritant it files. */
// « Vérifier les doublons » receives the picked files too and holds them (`held`): without JavaScript they need not be
// picked again for the final submission.
const withFiles = { files: attachmentFilesField, held: heldUploadsField };
const [practitionerFile, practitionerCheck, ...practitionerRest] = filingSchemaWithoutFiles.options;
const filingPageSchema = z.discriminatedUnion("intent", [practitionerFile.extend(withFiles), practitionerCheck.extend(withFiles), ...practitionerRest]);
const [patientFile, patientCheck, ...patientRest] = patientSchemaWithoutFiles.options;
const patientFilingPageSchema = z.discriminatedUnion("intent", [patientFile.extend(withFiles), patientCheck.extend(withFiles), ...patientRest]);

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["file", "check", "support", "support-comment"] as const;
export const ACTION_SCHEMA = filingPageSchema;

/** Two lines of the draft, as the comment offered after "je le soutiens" starts. */
const draftOf = (title: string, body: string) => [title, body].map((s) => s.trim()).filter(Boolean).join("\n\n");

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:file");
  const formData = await readFormData(request);
  const schema = laneOf(user) === "patient" ? patientFilingPageSchema : filingPageSchema;
  // « Retirer » under a held file: the check step again, without that file (its token in the button's address).
  const dropped = new URL(request.url).searchParams.get("retirer");
  const tooMany = (n: number) => {
    const message = `${MAX_ATTACHMENTS} fichiers au plus : ${n} sont choisis. Retirez-en ${n - MAX_ATTACHMENTS}.`;
    return new HttpError(422, message, { files: [message] });
  };
  return formAction(
    formData,
    schema,
    async (input) => {
      switch (input.intent) {
        case "check": {
          // Without JavaScript, "Vérifier les doublons" shows the similar irritants and ticks the suggested themes.
          const text = `${input.title}. ${input.body}`;
          const suggestions = suggestThemesFor(text);
          const themesShown = input.themes?.length ? [] : suggestions.map((s) => s.slug);
          // The files picked so far are checked, cleaned and held; a refused one is said now, not at the final submission.
          if (dropped) releaseHeldUploads(user, [dropped]);
          const kept = listHeldUploads(user, input.held.filter((token) => token !== dropped));
          if (kept.length + input.files.length > MAX_ATTACHMENTS) throw tooMany(kept.length + input.files.length);
          const uploads = await prepareUploads(input.files);
          const held = [...kept, ...holdUploads(user, uploads.files, input.files)];
          return { message: "Signalements proches et thèmes suggérés affichés.", similar: findSimilar(user, text, 5), suggestions, themesShown, held };
        }
        case "support": {
          // "Je le soutiens" from the filing form: the draft stays, and may become a comment on the supported irritant.
          const result = supportIrritant(user, input.supportId);
          const supported = { id: result.irritantId, title: getIrritant(user, result.irritantId).title };
          return {
            message: `Merci, votre soutien au signalement n°${supported.id} est enregistré. Vous le suivez désormais.`,
            supported,
            draft: draftOf(input.title, input.body),
          };
        }
        case "support-comment": {
          const { irritantId, redactions } = addComment(user, input.irritantId, input.body);
          const masked = describeRedactions(redactions, "dans un commentaire");
          return { message: `Votre texte est ajouté en commentaire du signalement n°${irritantId}.${masked ? ` ${masked}` : ""}`, commented: irritantId, resetForm: true };
        }
        case "file": {
          // Every file is checked and cleaned first: a refused file refuses the whole submission, nothing is filed.
          const { files, held, ...irritantInput } = input;
          if (held.length + files.length > MAX_ATTACHMENTS) throw tooMany(held.length + files.length);
          const uploads = await prepareUploads(files);
          const heldFiles = takeHeldUploads(user, held);
          const irritant = fileIrritant(user, irritantInput);
          attachPrepared(user, { kind: "irritant", id: irritant.id }, { files: [...heldFiles, ...uploads.files] });
          releaseHeldUploads(user, held);
          return redirect(`/signalements/${irritant.id}?envoye=1`);
        }
      }
    },
    {
      // A "je le soutiens" button posts the filing form with the irritant's id, and no intent.
      defaultIntent: formData.has("supportId") ? "support" : "file",
      // A refused comment keeps its offer on the page.
      everyReply: (posted) => {
        const id = Number(posted.get("irritantId"));
        const title = posted.get("supportedTitle");
        // A refused filing or check keeps the files held so far listed (minus one just removed).
        const held = listHeldUploads(user, posted.getAll("held").map(String).filter((token) => token !== dropped));
        return posted.get("intent") === "support-comment" && id > 0 && typeof title === "string" ? { supported: { id, title }, draft: String(posted.get("body") ?? ""), held } : { held };
      },
    },
  );
}

type Similar = { id: number; title: string; status: keyof typeof STATUS_LABELS; supportCount: number; score: number };
type Suggestion = { slug: string; label: string; score: number };

/** Live similar irritants and theme suggestions while the person types (JavaScript only; the check step covers the rest). */
function useLiveHints(text: string) {
  const [similar, setSimilar] = useState<Similar[] | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  useEffect(() => {
    if (text.trim().length < 12) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      // The draft goes in the request body, never in the URL (which access and proxy logs keep).
      const lookUp = (url: string) =>
        fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ text: text.slice(0, 2000) }),
          signal: controller.signal,
        }).then((r) => (r.ok ? r.json() : { items: [] }));
      try {
        const [s, t] = await Promise.all([lookUp("/api/v1/irritants/similar"), lookUp("/api/v1/themes/suggestions")]);
        setSimilar(s.items);
        setSuggestions(t.items);
      } catch {
        // Aborted by a newer keystroke, or offline: the check step still works.
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return { similar, suggestions };
}

function SimilarList({ items }: { items: Similar[] }) {
  if (items.length === 0) return <p className="mb-0">Aucun signalement proche n'a été trouvé : votre signalement semble nouveau.</p>;
  return (
    <ul className="grid gap-3">
      {items.map((s) => (
        <li key={s.id} className="border border-gris-200 bg-white p-3">
          <Link to={`/signalements/${s.id}`} className="font-bold">
            {s.title}
          </Link>
          <p className="mb-2 text-sm text-gris-600">
            <StatusBadge kind="irritant" status={s.status} /> {s.supportCount} {plural(s.supportCount, "soutien", "soutiens")}
          </p>
          {/* Submits the filing form itself (without its checks): the draft comes back, with the offer to add it as a comment. */}
          <button type="submit" name="supportId" value={s.id} formNoValidate className="fr-btn fr-btn--secondary">
            C'est le même problème — je le soutiens<span className="sr-only"> : {s.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);

/**
 * The suggested themes, ticked, and the hidden `themesShown` that tells the server which were: what stays ticked is
 * what is stored. Live suggestions replace the ticks until the person touches a box; from then on, the boxes are theirs.
 */
function useSuggestedThemes(fromServer: string[] | undefined, posted: string[], live: Suggestion[] | null) {
  // A refused form comes back as it was sent: its boxes are the person's (Conform's values), `themesShown` as posted.
  const [applied, setApplied] = useState<string[]>(fromServer ?? posted);
  const [touched, setTouched] = useState(fromServer === undefined && posted.length > 0);
  // Compared as strings: the arrays are new at every render.
  const serverSlugs = fromServer?.join(",");
  const liveSlugs = live?.map((s) => s.slug).join(",");
  useEffect(() => {
    if (touched || serverSlugs === undefined) return;
    setApplied(serverSlugs ? serverSlugs.split(",") : []);
  }, [serverSlugs, touched]);
  useEffect(() => {
    if (touched || liveSlugs === undefined) return;
    setApplied(liveSlugs ? liveSlugs.split(",") : []);
  }, [liveSlugs, touched]);
  return { applied, touch: () => setTouched(true), fresh: !touched };
}

function SupportOffer({ supported, draft, patient }: { supported: { id: number; title: string }; draft: string; patient: boolean }) {
  const actionData = useActionData<typeof action>();
  // Mounted with the offer, so that the draft is the comment's starting text.
  const [form, fields] = useActionForm(patient ? patientFilingPageSchema : filingPageSchema, {
    actionData,
    intent: "support-comment",
    id: "commentaire-soutien",
    defaultValue: { body: draft },
  });
  return (
    <section aria-labelledby="offre-commentaire" className="card mb-6">
      <h2 id="offre-commentaire" className="mt-0 text-lg">
        Ajouter votre texte au signalement soutenu ?
      </h2>
      <p>
        Vous soutenez « <Link to={`/signalements/${supported.id}`}>{supported.title}</Link> ». Ce que vous avez écrit peut compléter ce signalement :
        relisez-le et publiez-le en commentaire. Les numéros de sécurité sociale, numéros de téléphone et adresses e-mail seront masqués.
      </p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="support-comment" />
        <input type="hidden" name="irritantId" value={supported.id} />
        <input type="hidden" name="supportedTitle" value={supported.title} />
        <TextField field={fields.body} label="Votre commentaire" multiline rows={5} required />
        <div className="flex flex-wrap gap-4">
          <button type="submit" className="fr-btn">
            Ajouter en commentaire
          </button>
          <Link to={`/signalements/${supported.id}`} className="fr-btn fr-btn--secondary">
            Non merci, voir le signalement
          </Link>
        </div>
      </Form>
    </section>
  );
}

export default function NewIrritant() {
  const { patient, themes, products, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = patient ? patientFilingPageSchema : filingPageSchema;
  // The filing form takes the results of its own intents; the comment offer has its form.
  const filingData = actionData?.intent === "support-comment" ? undefined : actionData;
  const [form, fields] = useActionForm(schema, { actionData: filingData, defaultValue: defaults });
  const [text, setText] = useState("");
  const live = useLiveHints(text);
  const similar = live.similar ?? (filingData && "similar" in filingData ? filingData.similar : null) ?? null;
  const suggestions = live.suggestions ?? (filingData && "suggestions" in filingData ? filingData.suggestions : null) ?? null;
  const posted = filingData?.result?.initialValue as Record<string, unknown> | undefined;
  const checkShown = filingData && "themesShown" in filingData && filingData.themesShown ? filingData.themesShown : undefined;
  const suggested = useSuggestedThemes(checkShown, asList(posted?.themesShown), live.suggestions);
  const productOptions = products.map((p) => ({ value: String(p.id), label: `${p.name} (${p.vendor.name})` }));
  const offer = actionData && "supported" in actionData && actionData.supported ? { supported: actionData.supported, draft: actionData.draft ?? "" } : null;
  // Refusals about fields this form does not show (a patient's posted software) are said at the top.
  const commented = actionData && "commented" in actionData && actionData.commented ? actionData : null;
  // Files received by « Vérifier les doublons », held for the final submission.
  const held = filingData && "held" in filingData && filingData.held ? filingData.held : [];
  // With JavaScript the page stays: the files just received are held now, so the picker lets go of them (else the
  // final submission would send them a second time).
  const heldKey = held.map((h) => h.token).join(" ");
  useEffect(() => {
    const input = document.getElementById(fields.files.id) as HTMLInputElement | null;
    if (!heldKey || !input?.files?.length) return;
    input.value = "";
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, [heldKey, fields.files.id]);

  return (
    <div className="prose-page">
      <h1>{patient ? "Signaler une difficulté" : "Signaler un irritant"}</h1>
      {patient ? (
        <p>
          Votre difficulté avec Mon espace santé ou un service numérique en santé nous intéresse. L'équipe programme lit chaque signalement, le
          fait corriger quand c'est possible et vous tient informé.
        </p>
      ) : (
        <p>
          Décrivez ce qui vous gêne dans vos outils numériques au quotidien. L'équipe programme lit chaque signalement, le transmet à
          l'éditeur concerné si besoin et vous tient informé.
        </p>
      )}
      <div className="fr-alert fr-alert--info fr-alert--sm mb-6">
        <p className="mb-0">
          {patient ? "N'indiquez aucune donnée permettant de vous identifier ou d'identifier un proche." : "N'indiquez aucune donnée permettant d'identifier un patient."}{" "}
          Les numéros de sécurité sociale, numéros de téléphone et adresses e-mail sont masqués automatiquement avant l'enregistrement.
        </p>
      </div>
      {commented ? (
        <div role="status" className="fr-alert fr-alert--success fr-alert--sm mb-6">
          <p className="mb-0">
            {commented.message} <Link to={`/signalements/${commented.commented}`}>Voir le signalement</Link>
          </p>
        </div>
      ) : offer && actionData?.ok ? (
        <Notice ok message={actionData.message} />
      ) : null}
      {offer ? <SupportOffer key={offer.supported.id} supported={offer.supported} draft={offer.draft} patient={patient} /> : null}
      <FormErrors form={form} absentFields={patient ? ["productId", "productVersion"] : []} />
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        className="card"
        onInput={(event) => {
          const f = event.currentTarget;
          const title = (f.elements.namedItem("title") as HTMLInputElement | null)?.value ?? "";
          const body = (f.elements.namedItem("body") as HTMLTextAreaElement | null)?.value ?? "";
          setText(`${title}. ${body}`);
        }}
      >
        {patient ? (
          <h2 className="mt-0 text-lg">Votre difficulté</h2>
        ) : null}
        <TextField field={fields.title} label="Titre" hint={patient ? "En une phrase : qu'est-ce qui ne va pas ?" : "En une phrase : quel est le problème ?"} required />
        <TextField
          field={fields.body}
          label="Description"
          hint={patient ? "Ce que vous cherchiez à faire, ce qui s'est passé, ce que vous attendiez." : "Ce que vous faisiez, ce qui s'est passé, ce que vous attendiez."}
          multiline
          required
        />

        <section aria-labelledby="doublons" aria-live="polite" className="mb-6 bg-gris-100 p-4">
          <h2 id="doublons" className="mt-0 text-lg">
            Signalements proches
          </h2>
          {similar ? (
            <SimilarList items={similar} />
          ) : (
            <p className="mb-0 text-sm">
              Les signalements déjà déposés qui ressemblent au vôtre s'affichent ici. Sans JavaScript, utilisez le bouton « Vérifier
              les doublons » en bas du formulaire.
            </p>
          )}
        </section>

        {patient ? (
          <ChoiceGroup
            field={fields.subject}
            legend="Quel service est concerné ?"
            options={Object.entries(PATIENT_SUBJECTS).map(([value, s]) => ({ value, label: s.label }))}
            type="radio"
            tiles
          />
        ) : (
          <div onChange={suggested.touch}>
            {suggested.applied.map((slug) => (
              <input key={slug} type="hidden" name="themesShown" value={slug} />
            ))}
            <ChoiceGroup
              // Re-drawn with the new ticks while the suggestions change and the person has not touched a box.
              key={suggested.applied.join(",")}
              field={fields.themes}
              legend="Thèmes (facultatif)"
              hint={
                suggested.applied.length && suggestions?.length
                  ? `Thèmes suggérés d'après votre description : ${suggestions.map((s) => s.label).join(", ")}. Ils sont cochés et seront retenus tels quels : décochez-les ou cochez-en d'autres si besoin.`
                  : "Si vous n'en cochez aucun, les thèmes suggérés d'après votre description seront retenus."
              }
              checked={suggested.fresh && suggested.applied.length ? suggested.applied : undefined}
              options={themes.map((t) => ({ value: t.slug, label: t.label }))}
              type="checkbox"
            />
          </div>
        )}
        {patient ? null : (
          <>
            <SelectField field={fields.productId} label="Logiciel concerné (facultatif)" options={productOptions} placeholder="Aucun ou je ne sais pas" />
            <TextField field={fields.productVersion} label="Version du logiciel (facultatif)" hint="Par exemple : 5.2." />
          </>
        )}
        <ChoiceGroup
          field={fields.severity}
          legend={patient ? "Est-ce que cela vous bloque ? (facultatif)" : "Gravité (facultatif)"}
          options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
          type="radio"
        />
        <SelectField
          field={fields.frequency}
          label={patient ? "Cela vous arrive… (facultatif)" : "Fréquence (facultatif)"}
          options={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {patient ? null : (
          <>
            <TextField field={fields.timeLostMinutes} label="Temps perdu à chaque fois, en minutes (facultatif)" type="number" />
            <ChoiceGroup
              field={fields.consultationStep}
              legend="Moment de la consultation (facultatif)"
              options={Object.entries(CONSULTATION_STEP_LABELS).map(([value, label]) => ({ value, label }))}
              type="radio"
            />
          </>
        )}
        <ChoiceGroup
          field={fields.patientSafety}
          legend={patient ? "Votre santé" : "Sécurité des patients"}
          options={[{ value: "on", label: patient ? "Cela peut avoir des conséquences sur ma santé ou mes soins" : "Ce problème peut mettre en danger la sécurité d'un patient" }]}
          type="checkbox"
        />
        <FilesField
          field={fields.files}
          label={patient ? "Joindre une capture d'écran ou un document (facultatif)" : "Joindre des captures d'écran ou des documents (facultatif)"}
          hint={`PNG, JPEG, WebP ou PDF (5 pages), 10 Mo au plus par fichier, 5 fichiers au plus. Les métadonnées sont retirées ; ${patient ? "les données personnelles lues dans l'image (nom, numéro de sécurité sociale, date de naissance, téléphone, e-mail) sont masquées" : "les identifiants de patient lus dans l'image sont masqués"}, et l'équipe vérifie chaque fichier avant que quiconque d'autre le voie. Les fichiers choisis avant « Vérifier les doublons » sont gardés : inutile de les choisir à nouveau.`}
        />
        {held.length ? (
          <div className="mb-6">
            <p id="fichiers-gardes" className="mb-2 font-bold">
              {held.length === 1 ? "Fichier déjà reçu, joint à l'envoi" : `${held.length} fichiers déjà reçus, joints à l'envoi`}
            </p>
            <ul className="grid gap-2" aria-labelledby="fichiers-gardes">
              {held.map((h) => (
                <li key={h.token} className="flex flex-wrap items-center gap-3 border border-gris-200 p-2">
                  <input type="hidden" name="held" value={h.token} />
                  <span className="grow text-sm">
                    {h.name} · {Math.max(1, Math.round(h.size / 1024))} ko{h.pages > 1 ? ` · ${h.pages} pages` : ""}
                  </span>
                  <button type="submit" name="intent" value="check" formAction={`?retirer=${h.token}`} formNoValidate className="fr-btn fr-btn--secondary fr-btn--sm">
                    Retirer<span className="sr-only"> {h.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-4">
          <button type="submit" name="intent" value="check" className="fr-btn fr-btn--secondary">
            Vérifier les doublons
          </button>
          <button type="submit" name="intent" value="file" className="fr-btn">
            Envoyer le signalement
          </button>
        </div>
      </Form>
    </div>
  );
}
