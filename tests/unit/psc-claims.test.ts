import { describe, expect, it } from "vitest";
import {
  parsePscClaims,
  practiceModeFromCodes,
  professionFromRppsCode,
  PscError,
  pscIdentitySchema,
  regionFromPostalCode,
  rppsFromSubjectNameId,
  specialtyFromSavoirFaire,
} from "~/modules/accounts/psc-claims";

/** A UserInfo answer as Pro Santé Connect sends it (shape of its documented example). */
function userInfo(overrides: Record<string, unknown> = {}, exercise: Record<string, unknown> = {}) {
  return {
    sub: "f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:ANS20210107161422",
    Secteur_Activite: "SA07^1.2.250.1.71.4.2.4",
    SubjectNameID: "810001234567",
    preferred_username: "810001234567",
    given_name: "Paul",
    family_name: "DURAND",
    email_verified: false,
    UITVersion: "1.0",
    SubjectRefPro: {
      codeCivilite: "M",
      exercices: [
        {
          codeProfession: "10",
          codeCategorieProfessionnelle: "C",
          nomDexercice: "Durand",
          prenomDexercice: "Paul",
          codeSavoirFaire: "SM54",
          activities: [
            { codeModeExercice: "L", raisonSocialeSite: "CAB MED DURAND", enseigneCommercialeSite: "", codePostal: "75009", libelleVoie: "PARIS" },
          ],
          ...exercise,
        },
      ],
    },
    ...overrides,
  };
}

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PscError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a PscError");
};

describe("rppsFromSubjectNameId", () => {
  it("reads the RPPS after the leading 8", () => {
    expect(rppsFromSubjectNameId("810001234567")).toBe("10001234567");
    expect(rppsFromSubjectNameId(" 899700366240 ")).toBe("99700366240");
  });

  it("refuses anything that is not 8 followed by exactly 11 digits", () => {
    for (const value of ["010001234567", "81000123456", "8100012345678", "8A0001234567", "10001234567", "", "8 10001234567", "30B0168811/CPET00001"]) {
      expect(rppsFromSubjectNameId(value), value).toBeNull();
    }
  });
});

describe("code mappings", () => {
  it("maps RPPS profession codes to the platform's professions", () => {
    expect(professionFromRppsCode("10")).toBe("medecin");
    expect(professionFromRppsCode("21")).toBe("pharmacien");
    expect(professionFromRppsCode("40")).toBe("chirurgien-dentiste");
    expect(professionFromRppsCode("50")).toBe("sage-femme");
    expect(professionFromRppsCode("60")).toBe("infirmier");
    expect(professionFromRppsCode("70")).toBe("masseur-kinesitherapeute");
    expect(professionFromRppsCode("10^1.2.250.1.71.1.2.7")).toBe("medecin");
    expect(professionFromRppsCode("26")).toBeNull();
    expect(professionFromRppsCode("")).toBeNull();
  });

  it("derives the practice mode from the activities' codeModeExercice", () => {
    expect(practiceModeFromCodes(["L"])).toBe("liberal");
    expect(practiceModeFromCodes(["S", null])).toBe("salarie");
    expect(practiceModeFromCodes(["L", "S"])).toBe("mixte");
    expect(practiceModeFromCodes(["B"])).toBeNull();
    expect(practiceModeFromCodes([])).toBeNull();
  });

  it("finds the region of a postal code, overseas and Corsica included", () => {
    expect(regionFromPostalCode("75009")).toBe("Île-de-France");
    expect(regionFromPostalCode("69003")).toBe("Auvergne-Rhône-Alpes");
    expect(regionFromPostalCode("29200")).toBe("Bretagne");
    expect(regionFromPostalCode("20000")).toBe("Corse");
    expect(regionFromPostalCode("97400")).toBe("La Réunion");
    expect(regionFromPostalCode("97600")).toBe("Mayotte");
    expect(regionFromPostalCode("98000")).toBeNull();
    expect(regionFromPostalCode("7500")).toBeNull();
    expect(regionFromPostalCode("")).toBeNull();
    expect(regionFromPostalCode(null)).toBeNull();
  });

  it("names general practice from its ordinal specialty codes only", () => {
    expect(specialtyFromSavoirFaire("SM54")).toBe("Médecine générale");
    expect(specialtyFromSavoirFaire("SM26")).toBe("Médecine générale");
    expect(specialtyFromSavoirFaire("SM04")).toBeNull();
    expect(specialtyFromSavoirFaire("")).toBeNull();
  });
});

describe("parsePscClaims", () => {
  it("reads PSC's UserInfo into the identity Sentinelle keeps", () => {
    expect(parsePscClaims(userInfo())).toEqual({
      rpps: "10001234567",
      displayName: "Paul DURAND",
      email: null,
      profession: "medecin",
      professionCode: "10",
      specialty: "Médecine générale",
      practiceMode: "liberal",
      region: "Île-de-France",
      site: "CAB MED DURAND",
    });
  });

  it("keeps a valid e-mail, lower-cased, and ignores an invalid one", () => {
    expect(parsePscClaims(userInfo({ email: "Paul.Durand@Medecin.MSSante.fr" })).email).toBe("paul.durand@medecin.mssante.fr");
    expect(parsePscClaims(userInfo({ email: "pas une adresse" })).email).toBeNull();
    expect(parsePscClaims(userInfo({ email: 42 })).email).toBeNull();
  });

  it("falls back on the exercise's names when the OIDC names are missing", () => {
    expect(parsePscClaims(userInfo({ given_name: undefined, family_name: "" })).displayName).toBe("Paul Durand");
  });

  it("takes the first exercise whose profession Sentinelle knows", () => {
    const claims = userInfo();
    claims.SubjectRefPro.exercices.unshift({ codeProfession: "26", activities: [] } as never);
    expect(parsePscClaims(claims).profession).toBe("medecin");
  });

  it("ignores malformed optional details rather than refusing the person", () => {
    const identity = parsePscClaims(userInfo({}, { codeSavoirFaire: 12, activities: [{ codeModeExercice: ["L"] }, "n'importe quoi", { codePostal: "69003" }] }));
    expect(identity).toMatchObject({ specialty: null, practiceMode: null, region: "Auvergne-Rhône-Alpes", site: null });
  });

  it("refuses an unknown profession with a French 422 naming the code", () => {
    expect(failure(() => parsePscClaims(userInfo({}, { codeProfession: "26" })))).toMatchObject({
      status: 422,
      code: "unknown_profession",
      message: expect.stringContaining("code RPPS 26"),
    });
  });

  it("refuses an identity without an RPPS (ADELI or other identifiers)", () => {
    expect(failure(() => parsePscClaims(userInfo({ SubjectNameID: "0751234567" })))).toMatchObject({ status: 422, code: "not_rpps" });
  });

  it("refuses answers missing what identifies the person", () => {
    expect(failure(() => parsePscClaims(userInfo({ SubjectNameID: undefined })))).toMatchObject({ status: 422, code: "invalid_claims" });
    expect(failure(() => parsePscClaims(userInfo({ SubjectRefPro: undefined })))).toMatchObject({ status: 422, code: "invalid_claims" });
    expect(failure(() => parsePscClaims(userInfo({ SubjectRefPro: { exercices: [] } })))).toMatchObject({ status: 422, code: "invalid_claims" });
    expect(failure(() => parsePscClaims(null))).toMatchObject({ status: 422, code: "invalid_claims" });
    expect(
      failure(() => parsePscClaims(userInfo({ given_name: null, family_name: null }, { nomDexercice: "", prenomDexercice: "" }))),
    ).toMatchObject({ status: 422, code: "invalid_claims" });
  });

  it("produces identities that the completion cookie's schema accepts back", () => {
    const identity = parsePscClaims(userInfo({ email: "paul@exemple.fr" }));
    expect(pscIdentitySchema.parse(identity)).toEqual(identity);
    expect(pscIdentitySchema.safeParse({ ...identity, rpps: "123" }).success).toBe(false);
  });
});
