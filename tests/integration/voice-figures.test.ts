import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations, products } from "#db/schema";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { applyBacklogImport, countFromRows, fileIrritant, fileOnBehalf, readCounters } from "~/modules/irritants/index.server";
import { headlineFigures } from "~/modules/progress/index.server";
import { createTestDatabase } from "../support/database";

/**
 * Issue 20: the public figures say whose reports they count. A vendor's report about another vendor's product is not a
 * professional's and is counted apart; a report the team collected from a practitioner (on their behalf, or from a
 * backlog) is a practitioner's voice and counted with theirs, said as such (decision 028, amended).
 */
const database = createTestDatabase();
afterAll(() => database.close());

let practitioner: SessionUser;
let patient: SessionUser;
let vendor: SessionUser;
let team: SessionUser;
let otherProduct: number;

beforeAll(async () => {
  const org = (slug: string, name: string) => database.db.insert(organisations).values({ slug, name }).returning().get().id;
  const a = org("alpha", "Alpha Logiciels");
  const b = org("beta", "Beta Santé");
  otherProduct = database.db.insert(products).values({ vendorId: b, name: "BetaDoc", category: "LGC" }).returning().get().id;
  practitioner = await createUser({ email: "pro@test.fr", password: "mot de passe solide", displayName: "Pro", role: "practitioner", profession: "medecin" });
  patient = await createUser({ email: "patient@test.fr", password: "mot de passe solide", displayName: "Patient", role: "patient" });
  vendor = await createUser({ email: "support@alpha.fr", password: "mot de passe solide", displayName: "Alpha", role: "vendor", organisationId: a });
  team = await createUser({ email: "equipe@test.fr", password: "mot de passe solide", displayName: "Équipe", role: "team" });

  fileIrritant(practitioner, { title: "Ordonnance refusée à la signature", body: "La signature de l'ordonnance numérique échoue." });
  fileIrritant(practitioner, { title: "Messagerie sécurisée lente", body: "La messagerie sécurisée met des minutes à ouvrir." });
  fileIrritant(patient, { title: "Document absent de mon espace", body: "Mon compte rendu n'apparaît pas dans Mon espace santé." });
  for (let i = 0; i < 3; i++) {
    fileIrritant(vendor, { title: `CDA de BetaDoc illisible (${i + 1})`, body: "Les comptes rendus CDA produits par BetaDoc ne s'intègrent pas.", productId: otherProduct });
  }
  fileOnBehalf(team, { title: "Carte CPS non reconnue", body: "Au téléphone, la lecture de la carte échoue à chaque connexion.", behalfName: "Dr Jeanne Martin", collectedVia: "appel" });
  applyBacklogImport(
    team,
    "Titre;Description;Thèmes;Logiciel;Version;Gravité;Fréquence;Date;Profession\nDMP inaccessible le matin;Le DMP ne répond pas entre 8 h et 9 h.;;;;;;2023-11-14;Infirmier\n",
  );
});

describe("the public figures of received reports", () => {
  it("count vendors' reports about another vendor apart, and collected ones with the practitioners', said as such", () => {
    const { received, voices } = headlineFigures().irritants;
    expect(received).toBe(8);
    expect(voices).toEqual({ practitioners: 4, collected: 2, patients: 1, vendors: 3 });
    expect(voices.practitioners + voices.patients + voices.vendors).toBe(received);
  });

  it("are kept as counters that the rows confirm", () => {
    expect(readCounters()).toEqual(countFromRows());
    expect(readCounters()).toMatchObject({ "irritants.received.vendors": 3, "irritants.received.collected": 2, "irritants.received.patients": 1 });
  });
});
