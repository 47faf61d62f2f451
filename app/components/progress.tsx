import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ChoiceGroup, FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { BLOCK_KIND_LABELS, updatePageSchema } from "~/modules/progress";

type Field = FieldMetadata<unknown>;

/** The fields of a progress update, shared by the new and edit pages (their defaults come with the form). */
export function UpdateFields({
  fields,
  themeOptions,
}: {
  fields: { title: Field; slug: Field; summary: Field; body: Field; themes: Field; asOf: Field };
  themeOptions: { slug: string; label: string }[];
}) {
  return (
    <>
      <div className="grid gap-x-4 md:grid-cols-2">
        <TextField field={fields.title} label="Titre" required />
        <TextField field={fields.slug} label="Adresse" hint="Elle apparaît dans le lien : /points-etape/adresse. Laissée vide, elle est tirée du titre." />
      </div>
      <TextField field={fields.summary} label="Résumé" multiline rows={2} required />
      <TextField
        field={fields.asOf}
        label="Date du point (AAAA-MM-JJ)"
        hint="Les blocs lisent les données telles qu'elles étaient ce jour-là (statuts, échéances, valeurs des indicateurs). Laissée vide : le jour de la publication."
      />
      <TextField
        field={fields.body}
        label="Introduction (Markdown)"
        hint="Placée avant les blocs. Titres avec « ## » (chaque titre devient une diapositive de la vue impression), listes avec « - », liens [texte](https://…). Le HTML n'est pas interprété."
        multiline
        rows={14}
        required
      />
      <ChoiceGroup
        field={fields.themes}
        legend="Thèmes concernés"
        hint="Les personnes qui suivent ces thèmes sont prévenues à la publication."
        type="checkbox"
        options={themeOptions.map((t) => ({ value: t.slug, label: t.label }))}
      />
    </>
  );
}

type BlockActionData = { result?: SubmissionResult<string[]>; intent?: string | null; blockId?: number } | undefined;
type Choice = { value: string; label: string };
type Block = { id: number; kind: keyof typeof BLOCK_KIND_LABELS; title: string; config: { markdown?: string; indicators?: string[]; indicator?: string; seminar?: string; campaign?: string } };

/** One block of a point d'étape in the editor: its heading and data choices, and buttons to move or delete it. */
export function BlockEditor({
  block,
  index,
  count,
  choices,
  actionData,
  frozen,
}: {
  block: Block;
  index: number;
  count: number;
  choices: { indicators: Choice[]; seminars: Choice[]; campaigns: Choice[] };
  actionData: BlockActionData;
  frozen: boolean;
}) {
  const mine = actionData?.blockId === block.id ? actionData : undefined;
  const [form, fields] = useActionForm(updatePageSchema, {
    actionData: mine,
    intent: "save-block",
    id: `bloc-${block.id}`,
    defaultValue: { title: block.title, markdown: block.config.markdown ?? "", indicators: block.config.indicators ?? [], indicator: block.config.indicator ?? "", seminar: block.config.seminar ?? "", campaign: block.config.campaign ?? "" },
  });
  const name = `le bloc ${index + 1}`;
  const heading = `Bloc ${index + 1} — ${BLOCK_KIND_LABELS[block.kind]}${block.title ? ` : « ${block.title} »` : ""}`;
  if (frozen) return <h3 className="mt-0">{heading}</h3>;
  return (
    <section aria-labelledby={`bloc-${block.id}-entete`} className="card">
      <h3 id={`bloc-${block.id}-entete`} className="mt-0">
        {heading}
      </h3>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-block" />
        <input type="hidden" name="blockId" value={block.id} />
        <TextField field={fields.title} label="Titre de la section" hint={`Laissé vide : « ${BLOCK_KIND_LABELS[block.kind]} ».`} />
        {block.kind === "narrative" ? <TextField field={fields.markdown} label="Texte (Markdown)" multiline rows={8} required /> : null}
        {block.kind === "figures" ? <ChoiceGroup field={fields.indicators} legend="Indicateurs dont afficher la valeur à la date du point" type="checkbox" options={choices.indicators} /> : null}
        {block.kind === "indicator" ? <SelectField field={fields.indicator} label="Indicateur" options={choices.indicators} required /> : null}
        {block.kind === "seminar" ? <SelectField field={fields.seminar} label="Séminaire" options={choices.seminars} required /> : null}
        {block.kind === "survey" ? <SelectField field={fields.campaign} label="Enquête (résultats publiés)" options={choices.campaigns} required /> : null}
        {["plan", "irritants", "changes", "regulation"].includes(block.kind) ? <p>Ce bloc se calcule à partir des données de la plateforme à la date du point : seul son titre se règle.</p> : null}
        <button type="submit" className="fr-btn fr-btn--secondary">
          Enregistrer<span className="sr-only"> {name}</span>
        </button>
      </Form>
      <div className="mt-4 flex flex-wrap gap-2">
        {index > 0 ? <MoveBlockForm blockId={block.id} direction="up" name={name} /> : null}
        {index < count - 1 ? <MoveBlockForm blockId={block.id} direction="down" name={name} /> : null}
        <Form method="post">
          <input type="hidden" name="blockId" value={block.id} />
          <button type="submit" name="intent" value="delete-block" className="fr-btn fr-btn--tertiary">
            Supprimer<span className="sr-only"> {name}</span>
          </button>
        </Form>
      </div>
    </section>
  );
}

/** Moves a block one place up or down in its point. */
function MoveBlockForm({ blockId, direction, name }: { blockId: number; direction: "up" | "down"; name: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="blockId" value={blockId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" name="intent" value="move-block" className="fr-btn fr-btn--tertiary">
        {direction === "up" ? "Monter" : "Descendre"}
        <span className="sr-only"> {name}</span>
      </button>
    </Form>
  );
}

/** Adds a block of a chosen kind at the end of the point. */
export function NewBlockForm({ actionData }: { actionData: BlockActionData }) {
  const [form, fields] = useActionForm(updatePageSchema, { actionData, intent: "add-block" });
  return (
    <>
      <h3>Ajouter un bloc</h3>
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-block" />
        <SelectField field={fields.kind} label="Type de bloc" options={Object.entries(BLOCK_KIND_LABELS).map(([value, label]) => ({ value, label }))} required />
        <button type="submit" className="fr-btn fr-btn--secondary">
          Ajouter le bloc
        </button>
      </Form>
    </>
  );
}
