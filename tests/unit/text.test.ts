import { describe, expect, it } from "vitest";
import { foldAccents, FRENCH_STOP_WORDS, searchableText, stemFrench, stemmedTokens, tokenize } from "~/lib/text/text";

describe("foldAccents", () => {
  it("lowercases and strips accents", () => {
    expect(foldAccents("Téléservice INSi — Sécurité, Ségur, À jour, Ça, naïf, Noël")).toBe("teleservice insi — securite, segur, a jour, ca, naif, noel");
  });

  it("expands the œ and æ ligatures", () => {
    expect(foldAccents("Œdème, cœur, Cæcum, ex æquo")).toBe("oedeme, coeur, caecum, ex aequo");
  });

  it("keeps the length of plain ASCII text", () => {
    expect(foldAccents("MSS, DMP, VSM 2024")).toBe("mss, dmp, vsm 2024");
  });
});

describe("tokenize", () => {
  it("splits on non-alphanumerics and drops French stop words", () => {
    expect(tokenize("Le DMP et l'INS ne sont pas à jour dans mon logiciel.")).toEqual(["dmp", "ins", "jour", "logiciel"]);
  });

  it("keeps acronyms and numbers of two characters or more, drops single characters", () => {
    expect(tokenize("CR de bio en PDF/CDA, LGC v2 : 3 MSS, 15 VSM")).toEqual(["cr", "bio", "pdf", "cda", "lgc", "v2", "mss", "15", "vsm"]);
  });

  it("folds before matching stop words (à, très, été)", () => {
    expect(tokenize("À la pharmacie, c'est très lent, ça a été signalé")).toEqual(["pharmacie", "lent", "signale"]);
  });

  it("keeps an e- prefix with its word", () => {
    expect(tokenize("E-prescription et e-CPS")).toEqual(["eprescription", "ecps"]);
  });

  it("has only folded entries in its stop list", () => {
    for (const word of FRENCH_STOP_WORDS) expect(foldAccents(word)).toBe(word);
  });

  it("returns nothing for an empty or stop-word-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("Je ne sais pas ce que c'est.")).toEqual(["sais"]);
    expect(tokenize("et de la, à ... !")).toEqual([]);
  });
});

describe("stemFrench", () => {
  const stem = (w: string) => stemFrench(foldAccents(w));
  const sameStem = (...words: string[]) => new Set(words.map(stem));

  it("maps envoyer / envoi / envoyé / envois together", () => {
    expect(sameStem("envoyer", "envoi", "envoyé", "envois", "envoyée", "envoyées", "envoient").size).toBe(1);
  });

  it("maps lenteur / lent / lents together", () => {
    expect(sameStem("lenteur", "lenteurs", "lent", "lents", "lente", "lentement").size).toBe(1);
  });

  it("maps qualification / qualifier / qualifié to the same stem", () => {
    expect(sameStem("qualification", "qualifications", "qualifier", "qualifié", "qualifiée", "qualifiés").size).toBe(1);
  });

  it("groups other everyday families", () => {
    expect(sameStem("délégation", "déléguer", "délégué").size).toBe(1);
    expect(sameStem("ordonnance", "ordonnances").size).toBe(1);
    expect(sameStem("alimentation", "alimenter", "alimenté").size).toBe(1);
    expect(sameStem("formation", "formations", "former", "formé", "formateur").size).toBe(1);
    expect(sameStem("plantage", "plantages").size).toBe(1);
    expect(sameStem("plante", "planté", "planter").size).toBe(1);
    expect(sameStem("secrétaire", "secrétaires", "secrétariat").size).toBe(1);
    expect(sameStem("médical", "médicale", "médicaux").size).toBe(1);
    expect(sameStem("document", "documents", "documentation").size).toBe(1);
    expect(sameStem("patient", "patients", "patiente").size).toBe(1);
  });

  it("leaves short words, acronyms and words with digits alone", () => {
    for (const w of ["ins", "dmp", "mss", "vsm", "lgc", "bal", "cpe", "cr", "v2", "hba1c"]) expect(stemFrench(w)).toBe(w);
  });

  it("never shortens a word below three characters", () => {
    const words = tokenize(
      "Les lenteurs du logiciel rendent impossible l'envoi des ordonnances numériques ; la qualification de l'identité, " +
        "les messageries sécurisées, les assistantes médicales, une dizaine de documents illisibles, aucun, ceux, étés, aies, mises, rues, ruées, " +
        "eus, tués, oser, user, aller, être, avoir, droits, sites, idée, idées, suis, rats, sons, ainsi, aussi, ici, lui, oui, non",
    );
    for (const w of words) expect(stemFrench(w).length, w).toBeGreaterThanOrEqual(Math.min(3, w.length));
  });

  it("is deterministic and idempotent on its own output for common words", () => {
    const words = ["envoyer", "lenteur", "qualification", "messagerie", "synthèse", "téléservice", "identitovigilance"].map(foldAccents);
    expect(words.map(stemFrench)).toEqual(words.map(stemFrench));
    expect(stemFrench("qualification")).toBe(stemFrench(stemFrench("qualification")));
  });
});

describe("stemmedTokens and searchableText", () => {
  it("tokenises then stems", () => {
    expect(stemmedTokens("Les envois sont lents")).toEqual([stemFrench("envois"), stemFrench("lents")]);
  });

  it("writes ASCII lowercase stems separated by single spaces", () => {
    const text = searchableText("  Qualification INS — très lente !!  L'INSi ne répond   pas ; Œdème, « éléments » …");
    expect(text).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
    expect(text.split(" ")).toContain("ins");
    expect(text.split(" ")).toContain(stemFrench("qualifie"));
  });

  it("makes paraphrases meet on the same words", () => {
    const a = searchableText("Envoi au DMP très lent");
    const b = searchableText("Les envois vers le DMP : lenteurs");
    expect(a).toBe(`${stemFrench("envoi")} dmp lent`);
    expect(b).toBe(`${stemFrench("envoi")} dmp lent`);
  });

  it("is empty for text without words", () => {
    expect(searchableText("… ! ?")).toBe("");
    expect(searchableText("")).toBe("");
  });
});
