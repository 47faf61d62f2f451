import { Form, Link } from "@remix-run/react";
import { LEAD_LABELS } from "~/modules/action-plan";

/** What the team may turn cards into: the themes and challenges to choose from, and what is already done. */
export type RestitutionChoices = {
  team: boolean;
  themes: { slug: string; label: string }[];
  challenges: { id: number; title: string }[];
  outcomes: {
    sourceKind: string;
    sourceId: number;
    targetKind: string;
    targetId: number;
  }[];
};

/** A card's or a cluster's restitution: what it became, and (for the team) the forms that turn it into one. */
function Restitution({
  kind,
  id,
  label,
  texts,
  themes,
  origin,
  loaded,
}: {
  kind: "card" | "cluster";
  id: number;
  label: string;
  texts: string[];
  themes: string[];
  origin: string;
  loaded: RestitutionChoices;
}) {
  const outcomes = loaded.outcomes.filter((o) => o.sourceKind === kind && o.sourceId === id);
  const irritant = outcomes.find((o) => o.targetKind === "irritant");
  const action = outcomes.find((o) => o.targetKind === "action");
  const prefix = `${kind}-${id}`;
  return (
    <div className="mt-2 text-sm">
      {irritant ? (
        <p className="mb-1">
          Devenu le <Link to={`/equipe/signalements/${irritant.targetId}`}>signalement n°{irritant.targetId}</Link>
        </p>
      ) : null}
      {action ? (
        <p className="mb-1">
          Devenu l'
          <Link to={`/plan-action/${action.targetId}`}>action n°{action.targetId}</Link> du plan
        </p>
      ) : null}
      {loaded.team && !irritant ? (
        <details className="mb-2">
          <summary>
            Transformer en signalement
            <span className="sr-only"> : {label}</span>
          </summary>
          {/* Keyed on the label: a renamed cluster refills the form (defaultValue is read once). */}
          <Form method="post" className="mt-2 grid gap-2" key={`${label}|${texts.join("|")}`}>
            <input type="hidden" name="intent" value="irritant" />
            <input type="hidden" name="source" value={kind} />
            <input type="hidden" name="sourceId" value={id} />
            <label htmlFor={`${prefix}-i-title`} className="label">
              Titre du signalement
            </label>
            <input id={`${prefix}-i-title`} name="title" className="input" defaultValue={label.slice(0, 160)} required />
            <label htmlFor={`${prefix}-i-body`} className="label">
              Description
            </label>
            <textarea
              id={`${prefix}-i-body`}
              name="body"
              rows={4}
              className="input"
              defaultValue={`${origin[0].toUpperCase()}${origin.slice(1)}.\n${texts.map((t) => `« ${t} »`).join("\n")}`}
              required
            />
            <label htmlFor={`${prefix}-i-themes`} className="label">
              Thèmes
            </label>
            <select id={`${prefix}-i-themes`} name="themes" multiple className="input" defaultValue={themes}>
              {loaded.themes.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.label}
                </option>
              ))}
            </select>
            <div className="flex items-center gap-2">
              <input id={`${prefix}-i-published`} type="checkbox" name="published" defaultChecked className="size-4" />
              <label htmlFor={`${prefix}-i-published`}>Publier le signalement</label>
            </div>
            <button type="submit" className="btn">
              Créer le signalement
            </button>
          </Form>
        </details>
      ) : null}
      {loaded.team && !action ? (
        <details className="mb-2">
          <summary>
            Transformer en action du plan
            <span className="sr-only"> : {label}</span>
          </summary>
          <Form method="post" className="mt-2 grid gap-2" key={label}>
            <input type="hidden" name="intent" value="action" />
            <input type="hidden" name="source" value={kind} />
            <input type="hidden" name="sourceId" value={id} />
            <label htmlFor={`${prefix}-a-challenge`} className="label">
              Défi du plan
            </label>
            <select id={`${prefix}-a-challenge`} name="challengeId" className="input" defaultValue="" required>
              <option value="">Choisir…</option>
              {loaded.challenges.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <label htmlFor={`${prefix}-a-title`} className="label">
              Titre de l'action
            </label>
            <input id={`${prefix}-a-title`} name="title" className="input" defaultValue={label.slice(0, 500)} required />
            <label htmlFor={`${prefix}-a-lead`} className="label">
              Pilote
            </label>
            <select id={`${prefix}-a-lead`} name="leadKind" className="input" defaultValue="pouvoirs-publics">
              {(["pouvoirs-publics", "editeurs", "editeurs-et-pouvoirs-publics"] as const).map((k) => (
                <option key={k} value={k}>
                  {LEAD_LABELS[k]}
                </option>
              ))}
            </select>
            <label htmlFor={`${prefix}-a-deadline`} className="label">
              Échéance (« T2 2024 », « En cours »…)
            </label>
            <input id={`${prefix}-a-deadline`} name="deadlineLabel" className="input" />
            <button type="submit" className="btn">
              Créer l'action
            </button>
          </Form>
        </details>
      ) : null}
      {loaded.team && (!irritant || !action) ? (
        <details>
          <summary>
            Relier à un signalement ou une action existants
            <span className="sr-only"> : {label}</span>
          </summary>
          <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="link" />
            <input type="hidden" name="source" value={kind} />
            <input type="hidden" name="sourceId" value={id} />
            <div>
              <label htmlFor={`${prefix}-l-kind`} className="label">
                Vers
              </label>
              <select id={`${prefix}-l-kind`} name="targetKind" className="input">
                {!irritant ? <option value="irritant">Signalement</option> : null}
                {!action ? <option value="action">Action du plan</option> : null}
              </select>
            </div>
            <div>
              <label htmlFor={`${prefix}-l-id`} className="label">
                Numéro
              </label>
              <input id={`${prefix}-l-id`} name="targetId" inputMode="numeric" className="input w-24" required />
            </div>
            <button type="submit" className="btn btn-secondary">
              Relier
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

type BoardCard = {
  id: number;
  text: string;
  hidden: boolean;
  votes: number;
  clusterId: number | null;
  theme: { slug: string; label: string } | null;
};

/** One card of the board: move it to a cluster, hide or show it, turn it into an irritant or an action. */
export function CardItem({
  card,
  clusters,
  origin,
  loaded,
}: {
  card: BoardCard;
  clusters: { id: number; title: string }[];
  origin: string;
  loaded: RestitutionChoices;
}) {
  return (
    <li key={card.id} className={`card ${card.hidden ? "opacity-70" : ""}`}>
      <p className="mb-1">
        {card.hidden ? <strong>[Masquée] </strong> : null}
        {card.text}
      </p>
      <p className="mb-2 text-sm text-gris-600">
        Carte n°{card.id}
        {card.theme ? ` · ${card.theme.label}` : ""} · {card.votes} point
        {card.votes > 1 ? "s" : ""}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="cardId" value={card.id} />
          <div>
            <label htmlFor={`move-${card.id}`} className="label text-sm">
              Regroupement
              <span className="sr-only"> de la carte n°{card.id}</span>
            </label>
            <select id={`move-${card.id}`} name="clusterId" className="input" defaultValue={card.clusterId ?? "none"}>
              <option value="none">Aucun</option>
              <option value="new">Nouveau regroupement</option>
              {clusters.map((cl) => (
                <option key={cl.id} value={cl.id}>
                  {cl.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-secondary">
            Déplacer<span className="sr-only"> la carte n°{card.id}</span>
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value={card.hidden ? "show" : "hide"} />
          <input type="hidden" name="cardId" value={card.id} />
          <button type="submit" className="btn btn-secondary">
            {card.hidden ? "Afficher" : "Masquer"}
            <span className="sr-only"> la carte n°{card.id}</span>
          </button>
        </Form>
      </div>
      {!card.hidden ? (
        <Restitution
          kind="card"
          id={card.id}
          label={card.text}
          texts={[card.text]}
          themes={card.theme ? [card.theme.slug] : []}
          origin={origin}
          loaded={loaded}
        />
      ) : null}
    </li>
  );
}

/** A cluster: rename it; its cards; its restitution. */
export function ClusterSection({
  cluster,
  cards,
  clusters,
  themes,
  origin,
  loaded,
}: {
  cluster: { id: number; title: string; votes: number };
  cards: BoardCard[];
  clusters: { id: number; title: string }[];
  themes: string[];
  origin: string;
  loaded: RestitutionChoices;
}) {
  const cl = cluster;
  return (
    <section aria-labelledby={`cl-${cl.id}`} className="mb-6 rounded border-2 border-gris-200 p-4">
      <h3 id={`cl-${cl.id}`} className="mt-0">
        {cl.title}{" "}
        <span className="text-sm font-normal">
          · {cl.votes} point{cl.votes > 1 ? "s" : ""}
        </span>
      </h3>
      <Form method="post" className="mb-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="cluster-rename" />
        <input type="hidden" name="clusterId" value={cl.id} />
        <div>
          <label htmlFor={`rename-${cl.id}`} className="label text-sm">
            Nom du regroupement<span className="sr-only"> « {cl.title} »</span>
          </label>
          <input id={`rename-${cl.id}`} name="title" className="input" defaultValue={cl.title} key={cl.title} required />
        </div>
        <button type="submit" className="btn btn-secondary">
          Renommer<span className="sr-only"> « {cl.title} »</span>
        </button>
      </Form>
      <ul className="grid gap-2">
        {cards.map((c) => (
          <CardItem key={c.id} card={c} clusters={clusters} origin={origin} loaded={loaded} />
        ))}
      </ul>
      <Restitution kind="cluster" id={cl.id} label={cl.title} texts={cards.map((c) => c.text)} themes={themes} origin={origin} loaded={loaded} />
    </section>
  );
}
