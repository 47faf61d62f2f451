import { describe, expect, it } from "vitest";
import { stemFrench, tokenize } from "~/lib/text/text";
import { compileVocabulary, conceptsContaining, conceptToken, foldSynonyms, searchTerms } from "~/modules/irritants/vocabulary-synonyms";

const fold = (text: string) => foldSynonyms(tokenize(text));

describe("foldSynonyms", () => {
  it("folds abbreviations and phrases of a group to the same concept", () => {
    const a = fold("Je ne reçois plus aucun CR de biologie par MSSanté");
    const b = fold("Les comptes rendus de laboratoire n'arrivent plus dans ma messagerie sécurisée");
    for (const key of ["compte-rendu", "biologie", "mssante"]) {
      expect(a).toContain(conceptToken(key));
      expect(b).toContain(conceptToken(key));
    }
  });

  it("is accent- and case-insensitive and matches inflected forms", () => {
    expect(fold("ORDONNANCES NUMERIQUES")).toEqual([conceptToken("e-prescription")]);
    expect(fold("e-prescription")).toEqual([conceptToken("e-prescription")]);
    expect(fold("Mon Espace Santé")).toEqual([conceptToken("dmp")]);
    expect(fold("dossier médical partagé")).toEqual([conceptToken("dmp")]);
  });

  it("prefers the longest member, and keeps other words", () => {
    expect(fold("ordonnance numérique refusée")).toEqual([conceptToken("e-prescription"), conceptToken("rejet")]);
    expect(fold("ordonnance refusée")).toEqual([conceptToken("ordonnance"), conceptToken("rejet")]);
    expect(fold("téléservice INS en échec")).toEqual([conceptToken("insi"), conceptToken("erreur")]);
    expect(fold("enfants nés hors de France")).toEqual(["enfants", "nes", conceptToken("etranger")]);
    expect(fold("carte de la secrétaire")).toEqual([conceptToken("cpe")]);
  });

  it("folds the field's kinds of failure and colloquial words, so paraphrases in other words share them", () => {
    const same = (a: string, b: string, key: string) => {
      expect(fold(a)).toContain(conceptToken(key));
      expect(fold(b)).toContain(conceptToken(key));
    };
    same("le logiciel plante", "l'écran se fige, tout est gelé", "plantage");
    same("lenteur à l'ouverture", "ça rame, temps de chargement énorme", "lenteur");
    same("reçu en double", "arrive deux fois", "doublon");
    same("je ne reçois plus rien", "les résultats ne parviennent pas", "reception");
    same("sa carte verte", "la carte Vitale", "carte-vitale");
    same("ma boîte sécurisée", "la messagerie MSSanté", "mssante");
    same("l'appli carte pro", "l'e-CPS", "ecps");
    same("envoyé par fax", "reçu par la poste", "papier");
    same("la plateforme de recette", "l'environnement de test", "environnement-de-test");
    // "saisie manuelle" is typing again (migration 0036), but "manuel" and "version" alone fold nothing.
    expect(fold("saisie manuelle de la version")).toEqual([conceptToken("double-saisie"), "version"]);
    expect(fold("guide manuel de la version")).toEqual(["guide", "manuel", "version"]);
  });

  it("takes other groups when given", () => {
    expect(foldSynonyms(tokenize("la BAL du cabinet"), compileVocabulary({ bal: ["BAL", "boîte aux lettres"] }))).toEqual([conceptToken("bal"), "cabinet"]);
  });
});

describe("searchTerms", () => {
  it("folds the same concepts from a query and from an indexed text, and stems the other words", () => {
    expect(searchTerms("Je ne reçois plus aucun CR de biologie par MSSanté")).toEqual(
      expect.arrayContaining([conceptToken("compte-rendu"), conceptToken("biologie"), conceptToken("mssante")]),
    );
    expect(searchTerms("Envois interrompus")).toEqual([stemFrench("envois"), stemFrench("interrompus")]);
  });

  it("reads MES in capitals as Mon espace santé, but not the possessive nor a text in capitals", () => {
    expect(searchTerms("je la vois pas sur l'appli MES")).toContain(conceptToken("dmp"));
    expect(searchTerms("MES, le carnet du patient")).toContain(conceptToken("dmp"));
    expect(searchTerms("mes dossiers")).toEqual([stemFrench("dossiers")]);
    expect(searchTerms("MES PATIENTS NE SONT PAS VUS")).not.toContain(conceptToken("dmp"));
  });
});

describe("conceptsContaining", () => {
  it("names the concepts a single searched word is part of, so a keyword search still finds the folded phrase", () => {
    expect(conceptsContaining(stemFrench("messagerie"))).toContain(conceptToken("mssante"));
    expect(conceptsContaining(stemFrench("ordonnance"))).not.toHaveLength(0);
    expect(conceptsContaining(stemFrench("lenteur"))).toEqual([]);
  });
});
