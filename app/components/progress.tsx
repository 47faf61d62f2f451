import type { FieldMetadata } from "@conform-to/react";
import { ChoiceGroup, TextField } from "~/components/forms";

type Field = FieldMetadata<unknown>;

/** The fields of a progress update, shared by the new and edit pages (their defaults come with the form). */
export function UpdateFields({
  fields,
  themeOptions,
}: {
  fields: { title: Field; slug: Field; summary: Field; body: Field; themes: Field };
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
        field={fields.body}
        label="Contenu (Markdown)"
        hint="Titres avec « ## » (chaque titre devient une diapositive de la vue impression), listes avec « - », liens [texte](https://…). Le HTML n'est pas interprété."
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
