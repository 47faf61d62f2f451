import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { FieldError, FormErrors, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { crumbFrom } from "~/components/breadcrumb";
import { idParam } from "~/lib/api.server";
import { HttpError, orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { can, requireUser } from "~/lib/permissions.server";
import { counted } from "~/lib/text/plural";
import { cellsToAreas, coverGrid, coverPageSchema, type CoverArea } from "~/modules/attachments";
import { coverAttachment, getCoverableAttachment } from "~/modules/attachments/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Masquer des zones du fichier n°${data?.attachment.id ?? ""} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = orErrorPage(() => idParam(params.id));
  const a = orErrorPage(() => getCoverableAttachment(user, id));
  // Back to where the file is shown: its ticket for a reply's file, the team's review, or the irritant's page.
  const back =
    a.ownerKind === "ticket_reply" && a.ticketId
      ? { url: `/editeur/tickets/${a.ticketId}`, label: `Ticket n°${a.ticketId}` }
      : can(user, "irritant:triage")
        ? { url: `/equipe/signalements/${a.irritantId}`, label: `Revue du signalement n°${a.irritantId}` }
        : { url: `/signalements/${a.irritantId}`, label: `Signalement n°${a.irritantId}` };
  return {
    attachment: { id: a.id, status: a.status, masked: a.masked, width: a.width, height: a.height, pages: a.pages, refusal: a.refusal, version: a.version },
    grid: coverGrid(a.width, a.height),
    back,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = orErrorPage(() => idParam(params.id));
  // A file the user may not see does not exist for them, before the form is read.
  const attachment = orErrorPage(() => getCoverableAttachment(user, id));
  return formAction(request, coverPageSchema, async ({ cells, areas }) => {
    const fromCells = cellsToAreas(cells, coverGrid(attachment.width, attachment.height));
    if (!fromCells) throw new HttpError(422, "Une case cochée n'est pas sur l'image : rechargez la page.", { cells: ["Une case cochée n'est pas sur l'image : rechargez la page."] });
    await coverAttachment(user, id, [...fromCells, ...areas]);
    const n = cells.length + areas.length;
    return { message: `${counted(n, "zone masquée", "zones masquées")} : l'image enregistrée est remplacée par sa version masquée.`, resetForm: true };
  });
}

export const handle = crumbFrom<{ attachment?: { id: number } }>((data) => (data.attachment ? `Masquer des zones du fichier n°${data.attachment.id}` : undefined));

/** « x y largeur hauteur » in fractions of the image, rounded inside it. */
function areaValue(a: CoverArea) {
  const x = Math.floor(a.x * 1e5) / 1e5;
  const y = Math.floor(a.y * 1e5) / 1e5;
  return `${x} ${y} ${Math.min(1 - x, Math.ceil(a.width * 1e5) / 1e5)} ${Math.min(1 - y, Math.ceil(a.height * 1e5) / 1e5)}`;
}

// The drawing code (mouse, touch, pen) is loaded by the browser only, once the page is interactive.
const Drawing = lazy(() => import("~/components/cover-drawing"));

export default function CoverPage() {
  const { attachment, grid, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(coverPageSchema, { actionData });
  const [interactive, setInteractive] = useState(false);
  const [areas, setAreas] = useState<CoverArea[]>([]);
  const [ticking, setTicking] = useState(false);
  useEffect(() => setInteractive(true), []);
  // Once covered, the drawn rectangles are part of the image: the list empties, like the ticked cells.
  useEffect(() => {
    if (actionData?.ok) setAreas([]);
  }, [actionData]);
  const initial = fields.cells.initialValue;
  const ticked = new Set(Array.isArray(initial) ? initial.map(String) : typeof initial === "string" ? [initial] : []);
  const src = `/api/v1/attachments/${attachment.id}/file?v=${attachment.version}`;
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={back.url}>← {back.label}</Link>
      </p>
      <h1>Masquer des zones du fichier n°{attachment.id}</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {attachment.refusal ? (
        <>
          <p>{attachment.refusal}</p>
          {attachment.status === "approved" || attachment.status === "pending_review" ? <img src={src} alt={`Fichier joint n°${attachment.id}, version masquée`} className="max-w-full border border-gris-200" /> : null}
        </>
      ) : (
        <>
          <p>
            {attachment.masked === 0 ? "L'analyse n'a trouvé aucun identifiant à masquer." : `L'analyse a masqué ${counted(attachment.masked, "identifiant", "identifiants")}.`} Si l&apos;image montre encore un nom, une date de naissance, un numéro ou
            tout ce qui permettrait de reconnaître un patient, cochez les cases qui le recouvrent{interactive ? " ou dessinez un rectangle dessus (souris, doigt ou stylet)" : ""} : elles apparaissent en noir, c&apos;est ce qui sera
            masqué. Le masquage est définitif : l&apos;image non masquée n&apos;est pas conservée.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors form={form} />
            <fieldset id={fields.cells.id} tabIndex={-1} aria-describedby={fields.cells.errors?.length ? fields.cells.errorId : undefined}>
              <legend className="label">
                Cases de l&apos;image ({grid.columns} colonnes, {grid.rows} lignes)
                <span className="hint">Chaque case porte son numéro de ligne et de colonne ; au clavier, Tab passe d&apos;une case à l&apos;autre et Espace la coche.</span>
              </legend>
              <FieldError field={fields.cells} />
              <div className="relative inline-block max-w-full">
                <img src={src} alt={`Fichier joint n°${attachment.id}, version masquée`} className="block h-auto max-w-full border border-gris-200" />
                <div className="absolute inset-0 grid auto-rows-fr grid-cols-24">
                  {Array.from({ length: grid.rows * grid.columns }, (_, i) => {
                    const row = Math.floor(i / grid.columns) + 1;
                    const column = (i % grid.columns) + 1;
                    const value = `${row}-${column}`;
                    return (
                      <label
                        key={value}
                        className="relative block cursor-pointer border-b border-r border-white/50 hover:bg-black/30 has-checked:bg-black has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-[#0a76f6]"
                      >
                        <input type="checkbox" name="cells" value={value} defaultChecked={ticked.has(value)} className="absolute inset-0 m-0 size-full cursor-pointer opacity-0" />
                        <span className="sr-only">
                          Masquer la zone ligne {row}, colonne {column}
                        </span>
                      </label>
                    );
                  })}
                </div>
                {interactive ? (
                  <Suspense fallback={null}>
                    <Drawing areas={areas} ticking={ticking} onDraw={(area) => setAreas((list) => [...list, area])} />
                  </Suspense>
                ) : null}
              </div>
            </fieldset>
            {interactive ? (
              <div className="mt-4">
                <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" aria-pressed={ticking} onClick={() => setTicking((t) => !t)}>
                  Cocher des cases à la souris plutôt que dessiner
                </button>
                {areas.length ? (
                  <ul className="mt-3 grid gap-2" aria-label="Zones dessinées, pas encore masquées">
                    {areas.map((a, i) => (
                      <li key={i} className="flex items-center gap-3">
                        <input type="hidden" name="areas" value={areaValue(a)} />
                        <span className="grow text-sm">
                          Zone dessinée n°{i + 1} : {Math.round(a.width * 100)} % × {Math.round(a.height * 100)} % de l&apos;image, à {Math.round(a.x * 100)} % du bord gauche et{" "}
                          {Math.round(a.y * 100)} % du haut
                        </span>
                        <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => setAreas((list) => list.filter((_, j) => j !== i))}>
                          Retirer<span className="sr-only"> la zone dessinée n°{i + 1}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <FieldError field={fields.areas} />
            <button type="submit" className="fr-btn mt-4">
              Masquer ces zones
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
