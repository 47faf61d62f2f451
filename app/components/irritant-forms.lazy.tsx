import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { FieldError, FormErrors, TextField, fieldProps, useActionForm } from "~/components/forms";
import { FilesField } from "~/components/files-field";
import { irritantPageWithUploadSchema } from "~/modules/attachments";

/**
 * The signed-in reader's forms of the public irritant page that validate in the browser (Conform + zod). A file of
 * their own, loaded only when a signed-in reader sees them (`irritant-forms.tsx`), so an anonymous visitor's page stays
 * within the public JavaScript budget (issue 18). The server renders them in place: they work without JavaScript.
 */
type Reply = Parameters<typeof useActionForm>[1]["actionData"];

/** « Ajouter un commentaire ». */
export function CommentForm() {
  const actionData = useActionData() as Reply;
  const [form, fields] = useActionForm(irritantPageWithUploadSchema, { actionData, intent: "comment", id: "commentaire" });
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4">
        <input type="hidden" name="intent" value="comment" />
        <TextField field={fields.body} label="Ajouter un commentaire" multiline rows={3} required />
        <FilesField field={fields.files} label="Joindre des captures d'écran ou des documents (facultatif)" />
        <button type="submit" className="fr-btn fr-btn--secondary">
          Publier le commentaire
        </button>
      </Form>
    </>
  );
}

/** The author's (or the team's) file upload (multipart, field `file`). */
export function AttachmentForm({ maxAttachments }: { maxAttachments: number }) {
  const actionData = useActionData() as Reply;
  const [form, fields] = useActionForm(irritantPageWithUploadSchema, { actionData, intent: "attach", id: "fichier" });
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card mt-4">
        <input type="hidden" name="intent" value="attach" />
        <div className="fr-upload-group mb-4">
          <label className="fr-label" htmlFor={fields.file.id}>
            Joindre une capture d'écran ou un document
            <span className="fr-hint-text">
              PNG, JPEG, WebP ou PDF (5 pages), 10 Mo au plus, {maxAttachments} fichiers par signalement. Les métadonnées sont
              retirées ; les identifiants de patient lus dans l'image sont masqués, et l'équipe vérifie le fichier avant toute
              publication.
            </span>
          </label>
          <input className="fr-upload" type="file" accept="image/png,image/jpeg,image/webp,application/pdf" required {...fieldProps(fields.file)} />
          <FieldError field={fields.file} />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Joindre le fichier
        </button>
      </Form>
    </>
  );
}
