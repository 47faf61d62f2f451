import { getFormProps } from "@conform-to/react";
import { Form, Link, useSubmit } from "@remix-run/react";
import { type DragEvent, type ReactNode, useEffect, useState } from "react";
import { FieldError, fieldProps, FormErrors, TextField, useActionForm } from "~/components/forms";
import { LEAD_LABELS } from "~/modules/action-plan";
import { boardPageSchema } from "~/modules/seminars";
import { counted, plural } from "~/lib/text/plural";

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

/** What the board's action answered (see `formAction`): each form takes it only when it was the one posted. */
type BoardActionData =
  | {
      result?: { initialValue?: Record<string, unknown> | null } & Record<string, unknown>;
      intent?: string | null;
    }
  | undefined;

/**
 * The board has one form of each kind per card and per cluster: a form takes the action's result only when its intent
 * and its identifying hidden fields are those that were posted, so a refused title shows under the right card.
 */
function useBoardForm(actionData: BoardActionData, intent: string, identity: Record<string, string | number>, defaultValue?: Record<string, unknown>) {
  const posted = actionData?.result?.initialValue ?? null;
  const mine = actionData?.intent === intent && posted !== null && Object.entries(identity).every(([name, value]) => posted[name] === String(value));
  const id = [intent, ...Object.values(identity)].join("-");
  return useActionForm(boardPageSchema, {
    actionData: mine ? (actionData as never) : undefined,
    id,
    defaultValue,
  });
}

type SourceProps = {
  kind: "card" | "cluster";
  id: number;
  label: string;
  actionData: BoardActionData;
};

/** A source, with what its restitution forms start from. */
type RestitutionProps = SourceProps & { texts: string[]; themes: string[]; origin: string; loaded: RestitutionChoices };

function IrritantForm({ kind, id, label, texts, themes, origin, loaded, actionData }: RestitutionProps) {
  const [form, fields] = useBoardForm(
    actionData,
    "irritant",
    { source: kind, sourceId: id },
    {
      title: label.slice(0, 160),
      body: `${origin[0].toUpperCase()}${origin.slice(1)}.\n${texts.map((t) => `« ${t} »`).join("\n")}`,
    }
  );
  return (
    <Form method="post" className="mt-2 grid gap-2" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="irritant" />
      <input type="hidden" name="source" value={kind} />
      <input type="hidden" name="sourceId" value={id} />
      <TextField field={fields.title} label="Titre du signalement" required />
      <TextField field={fields.body} label="Description" multiline rows={4} required />
      <label htmlFor={fields.themes.id} className="label">
        Thèmes
      </label>
      <select {...fieldProps(fields.themes)} defaultValue={themes} multiple className="fr-select">
        {loaded.themes.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.label}
          </option>
        ))}
      </select>
      <FieldError field={fields.themes} />
      <div className="flex items-center gap-2">
        <input id={`${form.id}-published`} type="checkbox" name="published" defaultChecked className="size-4" />
        <label htmlFor={`${form.id}-published`}>Publier le signalement</label>
      </div>
      <button type="submit" className="fr-btn">
        Créer le signalement
      </button>
    </Form>
  );
}

function ActionForm({ kind, id, label, loaded, actionData }: SourceProps & { loaded: RestitutionChoices }) {
  const [form, fields] = useBoardForm(actionData, "action", { source: kind, sourceId: id }, { title: label.slice(0, 500), leadKind: "pouvoirs-publics" });
  return (
    <Form method="post" className="mt-2 grid gap-2" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="action" />
      <input type="hidden" name="source" value={kind} />
      <input type="hidden" name="sourceId" value={id} />
      <label htmlFor={fields.challengeId.id} className="label">
        Défi du plan
      </label>
      <select {...fieldProps(fields.challengeId, "")} className="fr-select" required>
        <option value="">Choisir…</option>
        {loaded.challenges.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <FieldError field={fields.challengeId} />
      <TextField field={fields.title} label="Titre de l'action" required />
      <label htmlFor={fields.leadKind.id} className="label">
        Pilote
      </label>
      <select {...fieldProps(fields.leadKind)} className="fr-select">
        {(["pouvoirs-publics", "editeurs", "editeurs-et-pouvoirs-publics"] as const).map((k) => (
          <option key={k} value={k}>
            {LEAD_LABELS[k]}
          </option>
        ))}
      </select>
      <FieldError field={fields.leadKind} />
      <TextField field={fields.deadlineLabel} label="Échéance (« T2 2024 », « En cours »…)" />
      <button type="submit" className="fr-btn">
        Créer l'action
      </button>
    </Form>
  );
}

function LinkForm({ kind, id, actionData, irritant, action }: Omit<SourceProps, "label"> & { irritant: boolean; action: boolean }) {
  const [form, fields] = useBoardForm(actionData, "link", {
    source: kind,
    sourceId: id,
  });
  return (
    <Form method="post" className="mt-2 flex flex-wrap items-end gap-2" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="source" value={kind} />
      <input type="hidden" name="sourceId" value={id} />
      <div>
        <label htmlFor={fields.targetKind.id} className="label">
          Vers
        </label>
        <select {...fieldProps(fields.targetKind)} className="fr-select">
          {!irritant ? <option value="irritant">Signalement</option> : null}
          {!action ? <option value="action">Action du plan</option> : null}
        </select>
      </div>
      <div>
        <label htmlFor={fields.targetId.id} className="label">
          Numéro
        </label>
        <input {...fieldProps(fields.targetId)} inputMode="numeric" className="fr-input w-24" required />
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary">
        Relier
      </button>
      <div className="basis-full">
        <FieldError field={fields.targetId} />
        <FieldError field={fields.targetKind} />
      </div>
    </Form>
  );
}

/** A card's or a cluster's restitution: what it became, and (for the team) the forms that turn it into one. */
function Restitution({ kind, id, label, texts, themes, origin, loaded, actionData }: RestitutionProps) {
  const outcomes = loaded.outcomes.filter((o) => o.sourceKind === kind && o.sourceId === id);
  const irritant = outcomes.find((o) => o.targetKind === "irritant");
  const action = outcomes.find((o) => o.targetKind === "action");
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
          {/* Keyed on the label: a renamed cluster refills the form (default values are read once). */}
          <IrritantForm
            key={`${label}|${texts.join("|")}`}
            kind={kind}
            id={id}
            label={label}
            texts={texts}
            themes={themes}
            origin={origin}
            loaded={loaded}
            actionData={actionData}
          />
        </details>
      ) : null}
      {loaded.team && !action ? (
        <details className="mb-2">
          <summary>
            Transformer en action du plan
            <span className="sr-only"> : {label}</span>
          </summary>
          <ActionForm key={label} kind={kind} id={id} label={label} loaded={loaded} actionData={actionData} />
        </details>
      ) : null}
      {loaded.team && (!irritant || !action) ? (
        <details>
          <summary>
            Relier à un signalement ou une action existants
            <span className="sr-only"> : {label}</span>
          </summary>
          <LinkForm kind={kind} id={id} actionData={actionData} irritant={Boolean(irritant)} action={Boolean(action)} />
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

const CARD_TYPE = "application/x-sentinelle-card";

/** One card of the board: drag it (or choose its cluster) to move it, hide or show it, turn it into an irritant or an action. */
function CardItem({
  card,
  clusters,
  origin,
  loaded,
  actionData,
  draggable,
}: {
  card: BoardCard;
  clusters: { id: number; title: string }[];
  origin: string;
  loaded: RestitutionChoices;
  actionData: BoardActionData;
  draggable: boolean;
}) {
  return (
    <li
      className={`card ${card.hidden ? "opacity-70" : ""} ${draggable ? "cursor-grab" : ""}`}
      draggable={draggable || undefined}
      onDragStart={draggable ? (event) => event.dataTransfer.setData(CARD_TYPE, String(card.id)) : undefined}
      data-card-id={card.id}
    >
      <p className="mb-1 break-words">
        {card.hidden ? <strong>[Masquée] </strong> : null}
        {card.text}
      </p>
      <p className="mb-2 text-sm text-gris-600">
        Carte n°{card.id}
        {card.theme ? ` · ${card.theme.label}` : ""} · {counted(card.votes, "point", "points")}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <Form method="post" className="flex flex-wrap items-end gap-2" preventScrollReset>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="cardId" value={card.id} />
          <div>
            <label htmlFor={`move-${card.id}`} className="label text-sm">
              Regroupement
              <span className="sr-only"> de la carte n°{card.id}</span>
            </label>
            <select id={`move-${card.id}`} name="clusterId" className="fr-select" defaultValue={card.clusterId ?? "none"} key={card.clusterId ?? "none"}>
              <option value="none">Aucun</option>
              <option value="new">Nouveau regroupement</option>
              {clusters.map((cl) => (
                <option key={cl.id} value={cl.id}>
                  {cl.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="fr-btn fr-btn--secondary">
            Déplacer<span className="sr-only"> la carte n°{card.id}</span>
          </button>
        </Form>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value={card.hidden ? "show" : "hide"} />
          <input type="hidden" name="cardId" value={card.id} />
          <button type="submit" className="fr-btn fr-btn--secondary">
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
          actionData={actionData}
        />
      ) : null}
    </li>
  );
}

/** A column that takes dropped cards: a cluster, the loose cards ("none"), or a new cluster ("new"). */
function useDropTarget(target: string, enabled: boolean) {
  const submit = useSubmit();
  const [over, setOver] = useState(false);
  if (!enabled) return { over: false, handlers: {} };
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(CARD_TYPE);
  return {
    over,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (event: DragEvent) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setOver(false);
        // The same action as the card's own "Déplacer" form: the drop is only a shortcut to it.
        submit(
          {
            intent: "move",
            cardId: event.dataTransfer.getData(CARD_TYPE),
            clusterId: target,
          },
          { method: "post", preventScrollReset: true }
        );
      },
    },
  };
}

function RenameForm({ cluster, actionData }: { cluster: { id: number; title: string }; actionData: BoardActionData }) {
  const [form, fields] = useBoardForm(actionData, "cluster-rename", { clusterId: cluster.id }, { title: cluster.title });
  return (
    <Form method="post" className="mb-2 flex flex-wrap items-end gap-2" preventScrollReset {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="cluster-rename" />
      <input type="hidden" name="clusterId" value={cluster.id} />
      <div>
        <label htmlFor={fields.title.id} className="label text-sm">
          Nom du regroupement
          <span className="sr-only"> « {cluster.title} »</span>
        </label>
        <input {...fieldProps(fields.title)} className="fr-input" required />
        <FieldError field={fields.title} />
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary">
        Renommer<span className="sr-only"> « {cluster.title} »</span>
      </button>
    </Form>
  );
}

const COLUMN = "w-[19rem] max-w-[80vw] shrink-0 rounded border-2 p-3";

function ClusterColumn({
  cluster,
  cards,
  clusters,
  themes,
  origin,
  loaded,
  actionData,
  draggable,
}: {
  cluster: { id: number; title: string; votes: number };
  cards: BoardCard[];
  clusters: { id: number; title: string }[];
  themes: string[];
  origin: string;
  loaded: RestitutionChoices;
  actionData: BoardActionData;
  draggable: boolean;
}) {
  const cl = cluster;
  const drop = useDropTarget(String(cl.id), draggable);
  return (
    <section aria-labelledby={`cl-${cl.id}`} className={`${COLUMN} ${drop.over ? "border-bleu bg-bleu-clair" : "border-gris-200"}`} {...drop.handlers}>
      <h3 id={`cl-${cl.id}`} className="mt-0 break-words text-lg">
        {cl.title}{" "}
        <span className="text-sm font-normal">
          · {cl.votes} {plural(cl.votes, "point", "points")}
        </span>
      </h3>
      {/* Keyed on the title: a renamed cluster refills its field (default values are read once). */}
      <RenameForm key={cl.title} cluster={cl} actionData={actionData} />
      {cards.length === 0 ? <p className="text-sm">Aucune carte{draggable ? " : glissez-en une ici." : "."}</p> : null}
      <ul className="grid gap-2">
        {cards.map((c) => (
          <CardItem key={c.id} card={c} clusters={clusters} origin={origin} loaded={loaded} actionData={actionData} draggable={draggable} />
        ))}
      </ul>
      <Restitution
        kind="cluster"
        id={cl.id}
        label={cl.title}
        texts={cards.map((c) => c.text)}
        themes={themes}
        origin={origin}
        loaded={loaded}
        actionData={actionData}
      />
    </section>
  );
}

function LooseColumn({ children, draggable, empty }: { children: ReactNode; draggable: boolean; empty: boolean }) {
  const drop = useDropTarget("none", draggable);
  return (
    <section aria-labelledby="loose-cards" className={`${COLUMN} ${drop.over ? "border-bleu bg-bleu-clair" : "border-gris-200"}`} {...drop.handlers}>
      <h3 id="loose-cards" className="mt-0 text-lg">
        Cartes non regroupées
      </h3>
      {empty ? <p className="text-sm">Aucune.</p> : null}
      {children}
    </section>
  );
}

function NewClusterColumn({ actionData, draggable }: { actionData: BoardActionData; draggable: boolean }) {
  const drop = useDropTarget("new", draggable);
  const [form, fields] = useBoardForm(actionData, "cluster-create", {});
  return (
    <section
      aria-labelledby="new-cluster-heading"
      className={`${COLUMN} border-dashed ${drop.over ? "border-bleu bg-bleu-clair" : "border-gris-200"}`}
      {...drop.handlers}
    >
      <h3 id="new-cluster-heading" className="mt-0 text-lg">
        Nouveau regroupement
      </h3>
      {draggable ? <p className="text-sm">Déposez une carte ici pour ouvrir un regroupement à son nom, ou nommez-le :</p> : null}
      <Form method="post" className="flex flex-wrap items-end gap-2" preventScrollReset {...getFormProps(form)}>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="cluster-create" />
        <div>
          <label htmlFor={fields.title.id} className="label">
            Nom du nouveau regroupement
          </label>
          <input {...fieldProps(fields.title)} className="fr-input" required />
          <FieldError field={fields.title} />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Créer
        </button>
      </Form>
    </section>
  );
}

/**
 * The facilitator's board: the loose cards, then one column per cluster with its cards, then a column that opens a new
 * cluster. Cards are dragged between columns once the page runs; each card's own "Déplacer" form is the way without
 * JavaScript or with the keyboard. The columns scroll sideways inside their own labelled region, never the page.
 */
export function FacilitationBoard({
  cards,
  clusters,
  origin,
  loaded,
  actionData,
}: {
  cards: BoardCard[];
  clusters: { id: number; title: string; votes: number; cardIds: number[] }[];
  origin: string;
  loaded: RestitutionChoices;
  actionData: BoardActionData;
}) {
  // Cards become draggable only once the page runs: without JavaScript a drag would do nothing.
  const [draggable, setDraggable] = useState(false);
  useEffect(() => setDraggable(true), []);
  const loose = cards.filter((c) => c.clusterId === null);
  const themeSlugs = (cardIds: number[]) => [...new Set(cards.filter((c) => cardIds.includes(c.id) && c.theme).map((c) => c.theme!.slug))];
  return (
    <>
      <p>
        {draggable ? "Glissez une carte d'une colonne à l'autre pour la regrouper, ou" : "Pour regrouper une carte,"} choisissez son regroupement dans la liste
        de la carte puis « Déplacer ».
      </p>
      {/* Focusable so that keyboard users can scroll the columns; positioned so that visually hidden texts stay inside it. */}
      <div role="region" aria-label="Colonnes du tableau" tabIndex={0} className="relative mb-6 overflow-x-auto pb-2">
        <div className="flex items-start gap-4">
          <LooseColumn draggable={draggable} empty={loose.length === 0}>
            <ul className="grid gap-2">
              {loose.map((c) => (
                <CardItem key={c.id} card={c} clusters={clusters} origin={origin} loaded={loaded} actionData={actionData} draggable={draggable} />
              ))}
            </ul>
          </LooseColumn>
          {clusters.map((cl) => (
            <ClusterColumn
              key={cl.id}
              cluster={cl}
              cards={cards.filter((c) => c.clusterId === cl.id)}
              clusters={clusters}
              themes={themeSlugs(cl.cardIds)}
              origin={origin}
              loaded={loaded}
              actionData={actionData}
              draggable={draggable}
            />
          ))}
          <NewClusterColumn actionData={actionData} draggable={draggable} />
        </div>
      </div>
    </>
  );
}
