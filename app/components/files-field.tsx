import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, useState } from "react";
import { FieldError } from "~/components/forms";
import { MAX_ATTACHMENTS } from "~/modules/attachments";
import { counted } from "~/lib/text/plural";

type Picked = { name: string; size: number; url: string | null };

/** « 350 ko », « 1,2 Mo »: a file's size as people read it. */
function sizeLabel(bytes: number) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ko`;
  return `${(bytes / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

/**
 * The files of a form (field `files`, up to 5, sent as multipart): a plain file input, which is all there is without
 * JavaScript. With it, the picked files are listed before they are sent — a thumbnail of each image (an object URL,
 * hence the CSP's `img-src blob:`), its name and size — and each can be removed from the selection.
 */
export function FilesField({ field, label, hint }: { field: FieldMetadata<unknown>; label: string; hint?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const hintId = `${field.id}-aide`;
  // The thumbnails' object URLs are released when the selection changes and when the form goes away.
  useEffect(() => () => picked.forEach((p) => p.url && URL.revokeObjectURL(p.url)), [picked]);
  const read = () => {
    const files = [...(input.current?.files ?? [])];
    setPicked(files.map((file) => ({ name: file.name, size: file.size, url: /^image\/(png|jpeg|webp)$/.test(file.type) ? URL.createObjectURL(file) : null })));
  };
  // A form reset (after a successful submission) empties the input: the list follows.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const onReset = () => setPicked([]);
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);
  const remove = (index: number) => {
    const element = input.current;
    if (!element?.files) return;
    const kept = new DataTransfer();
    [...element.files].forEach((file, i) => i !== index && kept.items.add(file));
    element.files = kept.files;
    read();
    element.focus();
  };
  const errors = field.errors?.length ? field.errorId : null;
  return (
    <div className="fr-upload-group mb-4">
      <label className="fr-label" htmlFor={field.id}>
        {label}
        <span className="fr-hint-text" id={hintId}>
          {hint ?? `PNG, JPEG, WebP ou PDF (5 pages), 10 Mo au plus par fichier, ${MAX_ATTACHMENTS} fichiers au plus. Les métadonnées sont retirées ; les identifiants de patient lus dans l'image sont masqués, et l'équipe vérifie chaque fichier avant que quiconque d'autre le voie.`}
        </span>
      </label>
      <input
        ref={input}
        className="fr-upload"
        type="file"
        multiple
        accept="image/png,image/jpeg,image/webp,application/pdf"
        id={field.id}
        name={field.name}
        aria-invalid={errors ? true : undefined}
        aria-describedby={[errors, hintId].filter(Boolean).join(" ")}
        onChange={read}
      />
      <FieldError field={field} />
      {picked.length ? (
        <ul className="mt-3 grid gap-2" aria-label="Fichiers choisis, pas encore envoyés">
          {picked.map((p, i) => (
            <li key={`${i}-${p.name}`} className="flex items-center gap-3 border border-gris-200 p-2">
              {p.url ? <img src={p.url} alt={`Aperçu de ${p.name}`} className="h-16 w-24 object-contain" /> : <span className="w-24 text-center text-sm">PDF</span>}
              <span className="grow text-sm">
                {p.name} · {sizeLabel(p.size)}
                {p.size > 10 * 1024 * 1024 ? <strong> — dépasse 10 Mo, il sera refusé</strong> : null}
              </span>
              <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => remove(i)}>
                Retirer<span className="sr-only"> {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {picked.length > MAX_ATTACHMENTS ? (
        <p className="mt-2 text-sm" role="alert">
          {picked.length} fichiers choisis : {MAX_ATTACHMENTS} au plus. Retirez-en {picked.length - MAX_ATTACHMENTS === 1 ? "un" : picked.length - MAX_ATTACHMENTS}.
        </p>
      ) : null}
    </div>
  );
}
