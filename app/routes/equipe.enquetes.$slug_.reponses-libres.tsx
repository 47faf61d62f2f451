import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { parseOrThrow } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { counted } from "~/lib/text/plural";
import { listThemes, themeSuggester } from "~/modules/irritants/index.server";
import { PUBLIC_MIN_CELL, freeTextPageSchema, freeTextQuerySchema } from "~/modules/surveys";
import { FREE_TEXT_PAGE, freeTextGroups, getCampaign, tagFreeTextAnswer } from "~/modules/surveys/index.server";

export const meta: MetaFunction = () => [{ title: "Réponses libres d'une enquête — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "survey:manage");
  const slug = params.slug ?? "";
  const campaign = orErrorPage(() => getCampaign(slug));
  // Suggestions come from the irritants' classifier (keyword rules and the team's confirmed tags).
  const suggest = themeSuggester();
  const query = orErrorPage(() => parseOrThrow(freeTextQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "Adresse invalide."));
  const page = query.question && query.apres ? { question: query.question, after: query.apres } : undefined;
  const groups = freeTextGroups(slug, { page }).map((g) => ({ ...g, answers: g.answers.map((a) => ({ ...a, suggested: suggest(a.text).map((s) => s.slug) })) }));
  return {
    campaign: { slug: campaign.slug, title: campaign.title, status: campaign.status },
    groups,
    themes: listThemes().map(({ slug: value, label }) => ({ value, label })),
    minGroup: PUBLIC_MIN_CELL,
    pageSize: FREE_TEXT_PAGE,
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["tag"] as const;
export const ACTION_SCHEMA = freeTextPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "survey:manage");
  const slug = params.slug ?? "";
  return formAction(request, freeTextPageSchema, (input) => {
    const tagged = tagFreeTextAnswer(user, slug, input, listThemes().map((t) => t.slug));
    return { message: tagged ? `${counted(tagged, "thème enregistré", "thèmes enregistrés")} pour cette réponse.` : "Thèmes retirés de cette réponse." };
  });
}

export default function FreeTextAnswers() {
  const { campaign, groups, themes, minGroup, pageSize } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const label = (slug: string) => themes.find((t) => t.value === slug)?.label ?? slug;
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={`/equipe/enquetes/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Réponses libres — {campaign.title}</h1>
      <p>
        Les réponses libres sont masquées comme tout texte libre (NIR, téléphone, e-mail) et regroupées par question. Une question n'est
        affichée qu'à partir de {minGroup} réponses ; ses réponses sont rangées par ordre alphabétique, par pages de {pageSize}, sans lien avec la personne ni avec
        ses autres réponses. Pendant la campagne, elles arrivent par lots de {minGroup}, avec un lot de retard. Les thèmes proposés
        viennent du classement automatique des signalements ; ils ne sont enregistrés qu'une fois validés.
      </p>
      <p>
        <a href={`/equipe/enquetes/${campaign.slug}/microdonnees.csv`} download>
          Télécharger les microdonnées anonymisées (CSV, sans réponses libres)
        </a>
      </p>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      {groups.length === 0 ? <p>Ce questionnaire n'a pas de question à réponse libre.</p> : null}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`question-${group.key}`} className="mb-8">
          <h2 id={`question-${group.key}`}>{group.label}</h2>
          {group.count === null ? (
            <p>Moins de {minGroup} réponses pour le moment : elles ne sont pas affichées.</p>
          ) : (
            <>
              <p>
                {counted(group.count, "réponse", "réponses")}
                {group.paged ? (
                  <>
                    {" "}
                    · <Link to={`/equipe/enquetes/${campaign.slug}/reponses-libres#question-${group.key}`}>Revenir aux premières réponses</Link>
                  </>
                ) : null}
              </p>
              <ul className="grid gap-4">
                {group.answers.map((answer) => {
                  const checked = new Set(answer.themes.length ? answer.themes : answer.suggested);
                  return (
                    <li key={answer.hash} id={`reponse-${answer.hash}`} className="card">
                      <blockquote className="mb-2 whitespace-pre-line">{answer.text}</blockquote>
                      {answer.times > 1 ? <p className="text-sm">Réponse donnée {counted(answer.times, "fois", "fois")}.</p> : null}
                      <p className="text-sm">
                        {answer.themes.length ? `Thèmes : ${answer.themes.map(label).join(", ")}` : answer.suggested.length ? `Thèmes suggérés (non enregistrés) : ${answer.suggested.map(label).join(", ")}` : "Pas de thème suggéré."}
                      </p>
                      <Form method="post">
                        <input type="hidden" name="intent" value="tag" />
                        <input type="hidden" name="item" value={group.key} />
                        <input type="hidden" name="answer" value={answer.hash} />
                        <fieldset className="mb-2">
                          <legend className="label">Thèmes de cette réponse</legend>
                          <div className="mt-2 grid gap-2 sm:grid-cols-3">
                            {themes.map((t) => {
                              const id = `theme-${answer.hash}-${t.value}`;
                              return (
                                <div key={t.value} className="flex items-start gap-2">
                                  <input id={id} type="checkbox" name="themes" value={t.value} defaultChecked={checked.has(t.value)} className="mt-1 size-4 shrink-0" />
                                  <label htmlFor={id}>{t.label}</label>
                                </div>
                              );
                            })}
                          </div>
                        </fieldset>
                        <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
                          Enregistrer les thèmes
                        </button>
                      </Form>
                    </li>
                  );
                })}
              </ul>
              {group.next ? (
                <p className="mt-4">
                  <Link to={`/equipe/enquetes/${campaign.slug}/reponses-libres?${new URLSearchParams({ question: group.key, apres: group.next })}#question-${group.key}`}>Réponses suivantes de cette question</Link>
                </p>
              ) : null}
            </>
          )}
        </section>
      ))}
    </div>
  );
}
