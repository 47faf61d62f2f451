import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { SurveyItem } from "~/components/survey";
import { orErrorPage } from "~/lib/errors";
import { parseOrThrow } from "~/lib/api.server";
import { formAction, readFormData, withRefusalExtra } from "~/lib/forms.server";
import { answerStepSchema, invitationLinkSchema, parseAnswersFromForm } from "~/modules/surveys";
import { getUser, requireUser } from "~/lib/permissions.server";
import { combineRedactions, decodeRedactions, describeRedactions, encodeRedactions } from "~/lib/text/redaction";
import {
  clearInvitationCookieHeader,
  getCampaign,
  invitationCookieHeader,
  openParticipation,
  readInvitationToken,
  saveDraft,
  submitResponse,
  usualProductOf,
  type Respondent,
} from "~/modules/surveys/index.server";
import { listProducts } from "~/modules/vendors/index.server";
import { crumbFrom } from "~/components/breadcrumb";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Enquête"} — Sentinelle` }];

const SUBJECT = "__subject";
const INVALID_LINK = "Ce lien d'invitation n'est pas valide. Copiez-le en entier depuis l'e-mail.";

/** An invitation held by the browser (its link was followed) answers as the invitee; otherwise the signed-in user. */
async function respondentFor(request: Request, slug: string): Promise<Respondent> {
  const token = await readInvitationToken(request, slug);
  if (token) return { kind: "invitation", token };
  const user = (await getUser(request)) ?? (await requireUser(request));
  return { kind: "user", user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const slug = params.slug ?? "";
  orErrorPage(() => getCampaign(slug));
  if (url.searchParams.has("jeton")) {
    // The e-mailed link: its token moves to a cookie and the address loses it, before anything else is read.
    const { jeton } = orErrorPage(() => parseOrThrow(invitationLinkSchema, { jeton: url.searchParams.get("jeton") }, INVALID_LINK));
    url.searchParams.delete("jeton");
    throw redirect(`${url.pathname}${url.search}`, { headers: { "Set-Cookie": await invitationCookieHeader(slug, jeton) } });
  }
  const respondent = await respondentFor(request, slug);
  const { campaign, draft } = orErrorPage(() => openParticipation(slug, respondent));
  const sectionCount = campaign.definition.sections.length;
  const section = Math.min(Math.max(Number(url.searchParams.get("section") ?? 0) || 0, 0), sectionCount - 1);
  const subject =
    (draft[SUBJECT] as number | string | undefined) ?? (respondent.kind === "user" && campaign.subjectKind === "software" ? usualProductOf(respondent.user.id) : null);
  return {
    title: campaign.title,
    wave: campaign.wave,
    intro: campaign.definition.intro ?? null,
    section,
    sectionCount,
    sections: campaign.definition.sections,
    draft,
    subject,
    redactionNotice: describeRedactions(decodeRedactions(url.searchParams.get("masque")), "dans une réponse d'enquête"),
    subjectKind: campaign.subjectKind,
    // The subjects offered: the catalogue's software, or the campaign's national services.
    subjects:
      campaign.subjectKind === "service"
        ? campaign.subjectServices.map((s) => ({ value: s, label: s }))
        : listProducts().map((p) => ({ value: String(p.id), label: `${p.name} (${p.vendor.name})` })),
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["previous", "next", "submit"] as const;
export const ACTION_SCHEMA = answerStepSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const slug = params.slug ?? "";
  const respondent = await respondentFor(request, slug);
  const { campaign, draft } = orErrorPage(() => openParticipation(slug, respondent));
  return formAction(form, answerStepSchema, async (input, formData) => {
    const sections = campaign.definition.sections;
    const section = Math.min(input.section, sections.length - 1);
    // The draft keeps the other sections; this section's answers replace what it held.
    const entries = [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
    const fromForm = parseAnswersFromForm(campaign.definition, entries);
    const merged: Record<string, unknown> = { ...draft };
    for (const item of sections[section].items) delete merged[item.key];
    Object.assign(merged, fromForm);
    if (section === 0) {
      const chosen = input.subject ?? "";
      merged[SUBJECT] = !chosen ? null : campaign.subjectKind === "service" ? chosen : Number(chosen) || null;
    }
    const masked = orErrorPage(() => saveDraft(slug, respondent, merged));
    // What was masked travels to the next page as counts only ("nir-1"), never as text.
    const maskedParam = encodeRedactions(masked);
    const query = (n: number) => `?${new URLSearchParams({ section: String(n), ...(maskedParam ? { masque: maskedParam } : {}) })}`;
    if (input.intent === "previous") return redirect(`/enquetes/${slug}${query(section - 1)}`);
    if (input.intent === "next") return redirect(`/enquetes/${slug}${query(section + 1)}`);
    const { [SUBJECT]: subject, ...answers } = merged;
    const chosen = typeof subject === "number" && subject > 0 ? { productId: subject } : typeof subject === "string" && subject ? { service: subject } : null;
    // The draft was masked just above, so a submission finds nothing more: the section's count is what to tell.
    const redactionNotice = describeRedactions(masked, "dans une réponse d'enquête");
    // The refusal's own sentence heads the page ("Certaines réponses sont manquantes…"); each question shows its message.
    const more = withRefusalExtra((refusal) => ({ redactionNotice, summary: refusal.message }), () => submitResponse(slug, respondent, answers, chosen));
    const told = encodeRedactions(combineRedactions(masked, more));
    // Sent: the invitation is used, and the browser forgets it.
    const forget = respondent.kind === "invitation" ? { headers: { "Set-Cookie": await clearInvitationCookieHeader() } } : undefined;
    return redirect(`/enquetes/${slug}/merci${told ? `?${new URLSearchParams({ masque: told })}` : ""}`, forget);
  });
}

export const handle = crumbFrom<{ title?: string }>((data) => data.title);

export default function AnswerSurvey() {
  const loaded = useLoaderData<typeof loader>();
  const { title, wave, intro, sectionCount, sections, draft, subject, subjects, subjectKind } = loaded;
  const actionData = useActionData<typeof action>();
  const refused = actionData && !actionData.ok ? actionData : null;
  const errors = Object.entries(refused?.result.error ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[0] !== "");
  const errorsFor = (key: string) => errors.filter(([k]) => k === key || k.startsWith(`${key}.`)).flatMap(([, v]) => v);
  // After a refused submission, the page shows the first step that holds a problem.
  const firstWithError = sections.findIndex((s) => s.items.some((i) => errorsFor(i.key).length > 0));
  const section = refused && firstWithError !== -1 ? firstWithError : loaded.section;
  const current = sections[section];
  const last = section === sectionCount - 1;
  return (
    <div className="prose-page">
      <p className="text-sm text-gris-600">Enquête — {wave}</p>
      <h1>{title}</h1>
      {section === 0 && intro ? <p>{intro}</p> : null}
      <p aria-live="polite" className="font-bold">
        Étape {section + 1} sur {sectionCount} : {current.title}
      </p>
      <progress max={sectionCount} value={section + 1} className="mb-6 w-full" aria-label={`Étape ${section + 1} sur ${sectionCount}`} />
      {refused ? (
        <div role="alert" className="fr-alert fr-alert--error fr-alert--sm mb-6">
          <p className="mb-0">
            {typeof refused.summary === "string" ? refused.summary : refused.message}
            {errors.length ? " Les questions concernées sont signalées ci-dessous." : null}
          </p>
        </div>
      ) : null}
      {(refused?.redactionNotice ?? loaded.redactionNotice) ? <Notice ok message={(refused?.redactionNotice ?? loaded.redactionNotice) as string} /> : null}
      <p className="text-sm">Vos réponses sont enregistrées à chaque étape : vous pouvez reprendre plus tard avec le même lien. Elles restent anonymes.</p>
      <Form method="post" className="card">
        <input type="hidden" name="section" value={section} />
        {current.description ? <p>{current.description}</p> : null}
        {section === 0 ? (
          <div className="mb-8">
            <label htmlFor="subject" className="label">
              {subjectKind === "service" ? "Quel service évaluez-vous ?" : "Quel logiciel utilisez-vous au quotidien ?"}
              <span className="hint">{subjectKind === "service" ? "Le service national sur lequel portent vos réponses." : "C'est le logiciel que vous évaluez dans cette enquête."}</span>
            </label>
            <select id="subject" name="subject" className="fr-select" defaultValue={subject === null || subject === undefined ? "" : String(subject)}>
              <option value="">{subjectKind === "service" ? "Choisir…" : "Je ne sais pas / autre"}</option>
              {subjects.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {/* Conditional questions stay on the page (no JavaScript needed); answers to hidden ones are ignored. */}
        {current.items.map((item) => (
          <SurveyItem key={item.key} item={item} value={draft[item.key]} errors={errorsFor(item.key)} />
        ))}
        <div className="flex flex-wrap gap-4">
          {section > 0 ? (
            <button type="submit" name="intent" value="previous" className="fr-btn fr-btn--secondary" formNoValidate>
              Étape précédente
            </button>
          ) : null}
          {last ? (
            <button type="submit" name="intent" value="submit" className="fr-btn">
              Envoyer mes réponses
            </button>
          ) : (
            <button type="submit" name="intent" value="next" className="fr-btn">
              Étape suivante
            </button>
          )}
        </div>
      </Form>
    </div>
  );
}
