import { count } from "drizzle-orm";
import { getDb } from "../client";
import { organisations, users } from "../schema";
import { createUser } from "../../app/modules/accounts/accounts.server";
import { fileIrritant, updateIrritant } from "../../app/modules/irritants/irritants.server";
import type { IrritantStatus } from "../schema";

export const DEMO_PASSWORD = "sentinelle-demo";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.sentinelle.fr", role: "admin", displayName: "Administration Sentinelle (démo)" },
  { email: "equipe@demo.sentinelle.fr", role: "team", displayName: "Équipe programme (démo)" },
  { email: "medecin@demo.sentinelle.fr", role: "practitioner", displayName: "Médecin généraliste (démo)" },
  { email: "patient@demo.sentinelle.fr", role: "patient", displayName: "Patient (démo)" },
  { email: "editeur-a@demo.sentinelle.fr", role: "vendor", displayName: "Support Azur Logiciels (démo)" },
  { email: "editeur-b@demo.sentinelle.fr", role: "vendor", displayName: "Support Brume Informatique (démo)" },
] as const;

// Drawn from the irritants named in the program's status deck of January 2024.
const DEMO_IRRITANTS: { title: string; body: string; themes: string[]; by: "medecin" | "patient"; status?: IrritantStatus; published?: boolean }[] = [
  {
    title: "Qualification de l'INS trop longue en consultation",
    body: "L'appel au téléservice INSi échoue une fois sur trois avec le nom d'usage ; je dois relancer avec le nom de naissance, ce qui prend plusieurs minutes par patient.",
    themes: ["ins"],
    by: "medecin",
    status: "triaged",
    published: true,
  },
  {
    title: "Lenteurs du logiciel de cabinet depuis la version Ségur",
    body: "Depuis la mise à jour Ségur, l'ouverture d'un dossier patient prend plus de dix secondes et l'envoi au DMP bloque l'écran pendant l'envoi.",
    themes: ["performance-lgc", "mes-dmp"],
    by: "medecin",
    status: "forwarded",
    published: true,
  },
  {
    title: "Comptes rendus de biologie non reçus par MSSanté",
    body: "Certains comptes rendus de biologie n'arrivent jamais dans ma boîte MSSanté, d'autres arrivent en double et dans des formats différents (PDF, CDA).",
    themes: ["mssante"],
    by: "medecin",
    status: "in_progress",
    published: true,
  },
  {
    title: "Noms des documents incompréhensibles dans Mon espace santé",
    body: "Les documents reçus s'appellent tous « Document » suivi d'une date : impossible de retrouver la bonne ordonnance sans ouvrir chaque fichier.",
    themes: ["nommage-documents", "mes-dmp"],
    by: "patient",
    status: "new",
  },
  {
    title: "Remplir le VSM prend trop de temps",
    body: "Le volet de synthèse médicale demande de ressaisir des informations déjà présentes dans le dossier ; la reprise automatique ne fonctionne pas.",
    themes: ["vsm"],
    by: "medecin",
    status: "new",
  },
  {
    title: "Ordonnance numérique : le paraphe est demandé à chaque page",
    body: "Pour une ordonnance de trois pages, le logiciel demande trois fois le paraphe, alors que la signature suffit.",
    themes: ["ordonnance-numerique"],
    by: "medecin",
    status: "resolved",
    published: true,
  },
];

export function isDatabaseEmpty() {
  return (getDb().select({ n: count() }).from(users).get()?.n ?? 0) === 0;
}

export async function loadDemoData() {
  const db = getDb();
  const [azur, brume] = db
    .insert(organisations)
    .values([
      { slug: "azur-logiciels", name: "Azur Logiciels Santé (démo)", isSons: true, contactEmail: "support@azur.demo.sentinelle.fr" },
      { slug: "brume-informatique", name: "Brume Informatique Médicale (démo)", isSons: false, contactEmail: "support@brume.demo.sentinelle.fr" },
    ])
    .returning({ id: organisations.id })
    .all();

  const created: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
  for (const account of DEMO_ACCOUNTS) {
    created[account.email] = await createUser({
      email: account.email,
      password: DEMO_PASSWORD,
      displayName: account.displayName,
      role: account.role,
      ...(account.role === "practitioner"
        ? { profession: "medecin", specialty: "Médecine générale", practiceMode: "liberal", region: "Bretagne" }
        : {}),
      organisationId: account.email === "editeur-a@demo.sentinelle.fr" ? azur.id : account.email === "editeur-b@demo.sentinelle.fr" ? brume.id : null,
    });
  }
  const team = created["equipe@demo.sentinelle.fr"];
  for (const irritant of DEMO_IRRITANTS) {
    const author = created[irritant.by === "medecin" ? "medecin@demo.sentinelle.fr" : "patient@demo.sentinelle.fr"];
    const { id } = fileIrritant(author, irritant);
    if (irritant.status || irritant.published) updateIrritant(team, id, { status: irritant.status, published: irritant.published });
  }
}
