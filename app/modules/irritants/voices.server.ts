/**
 * More voices into the loop (issue 20): reports the team collects on a practitioner's behalf after a visit or a call,
 * and the import of an existing backlog. A vendor's report about another vendor's product goes through `fileIrritant`.
 */
import { eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { irritants, organisations, products, themes, users } from "#db/schema";
import { readCsvTable, restoreNeutralisedFormula, type CsvLineError } from "~/lib/csv";
import { errorSentence, HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { assertCan, can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { foldAccents } from "~/lib/text/text";
import { describeRedactions } from "~/lib/text/redaction";
import { PROFESSIONS, professionLabel, type Profession } from "~/modules/accounts";
import { findPractitionerByEmail } from "~/modules/accounts/index.server";
import { fileIrritant, prepareIrritant, redactionsList, writeIrritant } from "./irritants.server";
import { COLLECTION_CHANNEL_LABELS, type CollectionChannel, type IrritantOrigin } from "./origins";
import type { FileIrritantInput, OnBehalfInput } from "./schemas";
import { FREQUENCIES, FREQUENCY_LABELS, SEVERITIES, SEVERITY_LABELS } from "./statuses";

const ON_BEHALF_REFUSED = "Seule l'équipe programme dépose un signalement au nom d'un professionnel.";

/**
 * Files a report collected by the team from a named practitioner. With the address of their account, they are its
 * author: they are told (event `irritant.collected`), follow it, and find it in « Mes signalements ». Without an account,
 * the team member is the author of record and the practitioner's name stays on the team's side. Pages show
 * "Recueilli par l'équipe du programme", never the team member's name.
 */
export function fileOnBehalf(actor: SessionUser, input: FileIrritantInput & OnBehalfInput) {
  assertCan(actor, "irritant:file-on-behalf", ON_BEHALF_REFUSED);
  const practitioner = input.behalfEmail ? findPractitionerByEmail(input.behalfEmail) : null;
  if (input.behalfEmail && !practitioner) {
    throw new HttpError(422, "Aucun compte de professionnel de santé n'a cette adresse.", {
      behalfEmail: ["Aucun compte de professionnel de santé n'a cette adresse : laissez-la vide et indiquez son nom."],
    });
  }
  if (!practitioner && !input.behalfName) {
    throw new HttpError(422, "Indiquez de qui vient le signalement.", { behalfName: ["Indiquez le nom du professionnel, ou l'adresse de son compte s'il en a un."] });
  }
  const prepared = prepareIrritant(input);
  return getDb().transaction((tx) => {
    const author = practitioner ?? actor;
    const created = writeIrritant(tx, author, prepared, {
      lane: "practitioner",
      origin: "on_behalf",
      collectedById: actor.id,
      collectedVia: input.collectedVia,
      behalfName: practitioner ? undefined : input.behalfName,
      behalfProfession: practitioner ? (practitioner.profession ?? undefined) : input.behalfProfession,
    });
    recordEvent(tx, {
      type: "irritant.collected",
      actorId: actor.id,
      subject: { type: "irritant", id: created.id },
      payload: { via: input.collectedVia, account: practitioner !== null },
    });
    return { ...created, account: practitioner !== null };
  });
}

/** A report filed by someone other than the practitioner who met the problem: a vendor about another vendor's product, or the team for a practitioner. */
export type VoiceFiling = { origin: "vendor"; input: FileIrritantInput } | { origin: "on_behalf"; input: FileIrritantInput & OnBehalfInput };

/**
 * The one command behind the forms that file for another voice (`/editeur/signaler`, `/equipe/signalements/recueillir`):
 * files by origin and says where the filer goes next — the vendor to its report's page (« Mes signalements » side),
 * the team to the report's triage page, saying whether it went to the practitioner's account or stays under a name.
 */
export function fileVoice(actor: SessionUser, filing: VoiceFiling): { id: number; location: string } {
  if (filing.origin === "vendor") {
    if (!can(actor, "irritant:file-other-vendor")) throw new HttpError(403, "Réservé aux éditeurs de logiciels.");
    const { id } = fileIrritant(actor, filing.input);
    return { id, location: `/signalements/${id}?envoye=1` };
  }
  const { id, account } = fileOnBehalf(actor, filing.input);
  return { id, location: `/equipe/signalements/${id}?recueilli=${account ? "compte" : "nom"}` };
}

/**
 * Erases the name of the practitioner without an account that a collected report keeps (`behalf_name`), at their
 * request or when the team no longer needs it: the report stays, "recueilli par l'équipe", with no one named.
 */
export function eraseBehalfName(actor: SessionUser, irritantId: number) {
  assertCan(actor, "content:redact", "Seule l'équipe programme efface le nom d'un professionnel.");
  getDb().transaction((tx) => {
    const row = tx.select({ behalfName: irritants.behalfName }).from(irritants).where(eq(irritants.id, irritantId)).get();
    if (!row) throw new HttpError(404, `Le signalement n°${irritantId} n'existe pas.`);
    if (row.behalfName === null) throw new HttpError(409, "Ce signalement ne garde aucun nom de professionnel.");
    tx.update(irritants).set({ behalfName: null }).where(eq(irritants.id, irritantId)).run();
    recordEvent(tx, { type: "irritant.behalf_name_erased", actorId: actor.id, subject: { type: "irritant", id: irritantId }, payload: { reason: "team" } });
  });
}

/** The columns of a backlog file, in this order. */
export const BACKLOG_COLUMNS = ["Titre", "Description", "Thèmes", "Logiciel", "Version", "Gravité", "Fréquence", "Date", "Profession"] as const;

const norm = (s: string) => foldAccents(s).replace(/[^a-z0-9]+/g, " ").trim();
const list = (value: string) =>
  value
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function fromLabels<T extends string>(value: string, values: readonly T[], labels: Record<T, string>): T | null {
  const v = norm(value);
  return values.find((k) => norm(k) === v || norm(labels[k]) === v) ?? null;
}

/** "2023-11-14" or "14/11/2023", a real day, not in the future: noon UTC of that day. */
function parseDay(value: string, today: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2].padStart(2, "0"), french[1].padStart(2, "0")] : [];
  if (!y) return null;
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day || day > today || y < "2000") return null;
  return date.toISOString();
}

type BacklogRow = {
  line: number;
  input: FileIrritantInput;
  createdAt: string | undefined;
  profession: Profession | undefined;
  productName: string | null;
  themeLabels: string[];
};
export type BacklogError = CsvLineError;

/**
 * Reads a backlog file: every problem with its line number (unknown theme or software, bad severity, date…), and rows
 * only when there is none. Texts are checked as the filing form checks them.
 */
function readBacklog(text: string, today = new Date().toISOString().slice(0, 10)): { rows: BacklogRow[]; errors: BacklogError[] } {
  const db = getDb();
  const themeRows = db.select({ slug: themes.slug, label: themes.label }).from(themes).where(isNull(themes.retiredAt)).all();
  const productRows = db.select({ id: products.id, name: products.name }).from(products).where(isNull(products.retiredAt)).all();
  return readCsvTable(
    text,
    BACKLOG_COLUMNS,
    (cells, problems, line): BacklogRow => {
      const [title, body, themeCell, productCell, version, severityCell, frequencyCell, dateCell, professionCell] = cells.map(restoreNeutralisedFormula);
      if (title.length < 5) problems.push("le titre doit contenir au moins 5 caractères");
      if (title.length > 160) problems.push("le titre ne doit pas dépasser 160 caractères");
      if (body.length < 10) problems.push("la description doit contenir au moins 10 caractères");
      if (body.length > 5000) problems.push("la description ne doit pas dépasser 5 000 caractères");
      const chosenThemes = list(themeCell).map((t) => ({ given: t, theme: themeRows.find((r) => norm(r.slug) === norm(t) || norm(r.label) === norm(t)) }));
      for (const t of chosenThemes) if (!t.theme) problems.push(`thème inconnu « ${t.given} »`);
      if (chosenThemes.length > 5) problems.push("au plus 5 thèmes");
      const product = productCell ? productRows.find((p) => norm(p.name) === norm(productCell)) : undefined;
      if (productCell && !product) problems.push(`logiciel inconnu « ${productCell} » (il doit figurer au catalogue)`);
      if (version.length > 40) problems.push("la version ne doit pas dépasser 40 caractères");
      const severity = severityCell ? fromLabels(severityCell, SEVERITIES, SEVERITY_LABELS) : null;
      if (severityCell && !severity) problems.push(`gravité inconnue « ${severityCell} » (Bloquant, Gênant, Mineur ou vide)`);
      const frequency = frequencyCell ? fromLabels(frequencyCell, FREQUENCIES, FREQUENCY_LABELS) : null;
      if (frequencyCell && !frequency) problems.push(`fréquence inconnue « ${frequencyCell} »`);
      const createdAt = dateCell ? parseDay(dateCell, today) : undefined;
      if (createdAt === null) problems.push(`date « ${dateCell} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA, pas dans le futur)`);
      const profession = professionCell ? PROFESSIONS.find((p) => norm(p.value) === norm(professionCell) || norm(p.label) === norm(professionCell)) : undefined;
      if (professionCell && !profession) problems.push(`profession inconnue « ${professionCell} »`);
      const themeSlugs = chosenThemes.flatMap((t) => (t.theme ? [t.theme.slug] : []));
      return {
        line,
        input: {
          title,
          body,
          themes: themeSlugs.length ? themeSlugs : undefined,
          productId: product?.id,
          productVersion: product && version ? version : undefined,
          severity: severity ?? undefined,
          frequency: frequency ?? undefined,
        },
        createdAt: createdAt ?? undefined,
        profession: profession?.value,
        productName: product?.name ?? null,
        themeLabels: chosenThemes.flatMap((t) => (t.theme ? [t.theme.label] : [])),
      };
    },
    { noRowsMessage: "Le fichier ne contient aucun signalement après la ligne des colonnes." },
  );
}

const refused = (errors: BacklogError[]) => new HttpError(422, "Le fichier contient des erreurs : rien n'a été importé.", undefined, undefined, undefined, { errors });

/**
 * What the import would file, line by line, with the texts as they will be stored (masked) and what was masked;
 * a file with any error is refused with each error's line.
 */
export function previewBacklogImport(actor: SessionUser, text: string) {
  assertCan(actor, "irritant:file-on-behalf", ON_BEHALF_REFUSED);
  const { rows, errors } = readBacklog(text);
  if (errors.length) throw refused(errors);
  return rows.map((row) => {
    const prepared = prepareIrritant(row.input);
    const redactions = redactionsList(Object.fromEntries([...prepared.title.redactions, ...prepared.body.redactions].map((r) => [r.kind, r.count])));
    return {
      line: row.line,
      title: prepared.title.text,
      body: prepared.body.text,
      themes: row.input.themes ? row.themeLabels : ["(thèmes suggérés à l'import)"],
      product: row.productName,
      date: row.createdAt?.slice(0, 10) ?? null,
      masked: describeRedactions(redactions, "dans un signalement importé"),
    };
  });
}

/**
 * Files every row of a backlog in one transaction, as reports collected by the team (origin "import"): any refused
 * row (a product retired meanwhile…) files nothing.
 */
export function applyBacklogImport(actor: SessionUser, text: string) {
  assertCan(actor, "irritant:file-on-behalf", ON_BEHALF_REFUSED);
  const { rows, errors } = readBacklog(text);
  if (errors.length) throw refused(errors);
  const prepared = rows.map((row) => ({ row, prepared: prepareIrritant(row.input) }));
  return getDb().transaction((tx) => {
    let masked = 0;
    for (const { row, prepared: p } of prepared) {
      try {
        const created = writeIrritant(tx, actor, p, { lane: "practitioner", origin: "import", collectedById: actor.id, behalfProfession: row.profession, createdAt: row.createdAt });
        masked += created.redacted;
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        throw new HttpError(422, `Ligne ${row.line} : ${errorSentence(error)} Rien n'a été importé.`);
      }
    }
    recordEvent(tx, { type: "irritant_import.done", actorId: actor.id, subject: { type: "irritant_import", id: 0 }, payload: { created: rows.length, masked } });
    return { created: rows.length, masked };
  });
}

type OriginRow = {
  origin: IrritantOrigin;
  collectedVia: CollectionChannel | null;
  collectedById: number | null;
  behalfName: string | null;
  behalfProfession: string | null;
  authorId: number;
};

/**
 * Where a report came from, for the team only (its triage page): which vendor filed it, or which team member
 * collected it from whom. Null for everyone else and for reports filed by their own author.
 */
export function originDetailFor(viewer: SessionUser, row: OriginRow): string | null {
  if (!can(viewer, "irritant:read-unpublished") || row.origin === "reporter") return null;
  const db = getDb();
  const person = (id: number | null) => (id === null ? undefined : db.select({ name: users.displayName, organisation: organisations.name }).from(users).leftJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, id)).get());
  if (row.origin === "vendor") {
    const author = person(row.authorId);
    return `Déposé par l'éditeur ${author?.organisation ?? "inconnu"} (${author?.name ?? "compte inconnu"}) sur le logiciel d'un autre éditeur.`;
  }
  const collector = person(row.collectedById)?.name ?? "un membre de l'équipe";
  const profession = professionLabel(row.behalfProfession);
  const suffix = profession ? ` (${profession.toLowerCase()})` : "";
  if (row.origin === "import") return `Importé par ${collector} depuis un suivi existant${profession ? ` ; profession : ${profession.toLowerCase()}` : ""}.`;
  const from = row.behalfName ? `${row.behalfName}${suffix}, sans compte` : `${person(row.authorId)?.name ?? "compte inconnu"}${suffix}, déposé sur son compte`;
  return `Recueilli par ${collector} ${COLLECTION_CHANNEL_LABELS[row.collectedVia ?? "autre"]} auprès de ${from}.`;
}
