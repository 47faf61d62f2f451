import { describe, expect, it } from "vitest";
import { describeRedactions, isValidNir, redactPatientIdentifiers } from "~/modules/irritants/redaction";

// Independent key computation (BigInt, string substitution for Corsica) to cross-check the module.
function nirKey(body13: string): string {
  const numeric = body13.toUpperCase().replace(/^(\d{5})2A/, "$119").replace(/^(\d{5})2B/, "$118");
  const key = 97n - (BigInt(numeric) % 97n);
  return key.toString().padStart(2, "0");
}

function wrongKey(body13: string): string {
  const key = Number(nirKey(body13));
  return String(key === 97 ? 1 : key + 1).padStart(2, "0");
}

const NIR = "[NIR masqué]";
const PHONE = "[téléphone masqué]";
const EMAIL = "[e-mail masqué]";

describe("nirKey test helper", () => {
  it("matches hand-computed keys", () => {
    // 1850578006084 mod 97 = 6 → key 91, checked by hand with BigInt.
    expect(nirKey("1850578006084")).toBe("91");
    expect(nirKey("2690299341732")).toBe("85");
    expect(nirKey("285052A006084")).toBe("82");
    expect(nirKey("285052B006084")).toBe("12");
  });
});

describe("isValidNir", () => {
  it("accepts a 15-character NIR whose key checks", () => {
    expect(isValidNir("185057800608491")).toBe(true);
    expect(isValidNir("269029934173285")).toBe(true);
  });

  it("rejects a wrong key", () => {
    expect(isValidNir("185057800608436")).toBe(false);
    expect(isValidNir("185057800608490")).toBe(false);
  });

  it("handles Corsican departments, case-insensitively", () => {
    expect(isValidNir("285052A00608482")).toBe(true);
    expect(isValidNir("285052a00608482")).toBe(true);
    expect(isValidNir("285052B00608412")).toBe(true);
    expect(isValidNir("285052b00608412")).toBe(true);
    expect(isValidNir("285052A00608412")).toBe(false);
    expect(isValidNir("285052B00608482")).toBe(false);
  });

  it("rejects malformed candidates", () => {
    expect(isValidNir("")).toBe(false);
    expect(isValidNir("18505780060849")).toBe(false);
    expect(isValidNir("1850578006084911")).toBe(false);
    expect(isValidNir("585057800608491")).toBe(false); // sex digit 5 not accepted
    expect(isValidNir("18505780060849A")).toBe(false);
  });

  it("accepts the other sex digits (3, 4, 7, 8)", () => {
    for (const sex of ["3", "4", "7", "8"]) {
      const body = `${sex}850578006084`;
      expect(isValidNir(body + nirKey(body))).toBe(true);
    }
  });
});

describe("redactPatientIdentifiers — NIR/INS", () => {
  const body = "1850578006084";
  const key = nirKey(body); // "91"

  it.each([
    ["compact", `${body}${key}`],
    ["spaced", `1 85 05 78 006 084 ${key}`],
    ["dotted", `1.85.05.78.006.084.${key}`],
    ["dashed", `1-85-05-78-006-084-${key}`],
    ["irregular separators", `1 85 05 78  006-084 ${key}`],
    ["non-breaking spaces", `1\u00A085\u00A005\u00A078\u00A0006\u00A0084\u00A0${key}`],
  ])("masks a valid NIR in %s form", (_label, nir) => {
    const result = redactPatientIdentifiers(`Patient NIR ${nir}, vu aux urgences.`);
    expect(result.text).toBe(`Patient NIR ${NIR}, vu aux urgences.`);
    expect(result.redactions).toEqual([{ kind: "nir", count: 1 }]);
    expect(result.total).toBe(1);
  });

  it("masks a NIR at the very start and end of the text", () => {
    expect(redactPatientIdentifiers(`${body}${key}`).text).toBe(NIR);
  });

  it("leaves a 15-digit sequence with an invalid key alone", () => {
    const text = "Numéro 185057800608436 et 1 85 05 78 006 084 36 dans le dossier.";
    const result = redactPatientIdentifiers(text);
    expect(result.text).toBe(text);
    expect(result.redactions).toEqual([]);
    expect(result.total).toBe(0);
  });

  it("masks Corsican 2A and 2B NIRs with correct keys", () => {
    const a = "285052A006084";
    const b = "285052B006084";
    const result = redactPatientIdentifiers(`A : 2 85 05 2A 006 084 ${nirKey(a)} ; B : ${b.toLowerCase()}${nirKey(b)}.`);
    expect(result.text).toBe(`A : ${NIR} ; B : ${NIR}.`);
    expect(result.redactions).toEqual([{ kind: "nir", count: 2 }]);
  });

  it("leaves Corsican NIRs with wrong keys alone", () => {
    const a = "285052A006084";
    const b = "285052B006084";
    const text = `A : 2 85 05 2A 006 084 ${wrongKey(a)} ; B : ${b}${wrongKey(b)}.`;
    const result = redactPatientIdentifiers(text);
    expect(result.text).toBe(text);
    expect(result.total).toBe(0);
  });

  it("does not mask inside a 16+ digit number", () => {
    for (const text of [
      `Référence 1${body}${key}`,
      `Référence ${body}${key}1`,
      `Lot 99${body}${key}00`,
    ]) {
      const result = redactPatientIdentifiers(text);
      expect(result.text).toBe(text);
      expect(result.total).toBe(0);
    }
  });

  it("does not mask a NIR glued to a decimal number", () => {
    const text = `Valeur 3.${body}${key}`;
    expect(redactPatientIdentifiers(text).text).toBe(text);
  });

  it("never half-masks a NIR as a phone number", () => {
    // Sex digit 2 + year 06: a naive phone pattern could start inside it.
    const nirBody = "2061234567890";
    const nir = `${nirBody}${nirKey(nirBody)}`;
    const result = redactPatientIdentifiers(`INS ${nir}`);
    expect(result.text).toBe(`INS ${NIR}`);
    expect(result.redactions).toEqual([{ kind: "nir", count: 1 }]);
  });
});

describe("redactPatientIdentifiers — phones", () => {
  it.each([
    "06 12 34 56 78",
    "06.12.34.56.78",
    "0612345678",
    "01-23-45-67-89",
    "09 87 65 43 21",
    "+33 6 12 34 56 78",
    "+33612345678",
    "+33 (0)6 12 34 56 78",
    "+33(0)612345678",
    "0033 6 12 34 56 78",
    "0033612345678",
    "+33 1.23.45.67.89",
  ])("masks %s", (phone) => {
    const result = redactPatientIdentifiers(`Rappeler au ${phone} avant midi.`);
    expect(result.text).toBe(`Rappeler au ${PHONE} avant midi.`);
    expect(result.redactions).toEqual([{ kind: "phone", count: 1 }]);
    expect(result.total).toBe(1);
  });

  it("masks a phone followed by punctuation or at the end of the text", () => {
    expect(redactPatientIdentifiers("Tél. : 0612345678.").text).toBe(`Tél. : ${PHONE}.`);
    expect(redactPatientIdentifiers("(06 12 34 56 78)").text).toBe(`(${PHONE})`);
    expect(redactPatientIdentifiers("06 12 34 56 78").text).toBe(PHONE);
  });

  it.each([
    "Consultation du 12.03.2024 à 10:30.",
    "Le 01.02.2024 10:30, l'écran a figé.",
    "Le 01/02/2024 à 10h30.",
    "Depuis la version 5.12.3 du logiciel.",
    "Version 10.0.19045 de Windows.",
    "Bug apparu en 2024, déjà signalé en 2023.",
    "Prévu pour T1 2024.",
    "RPPS 10003456789 du médecin.",
    "ADELI 810012345 et RPPS 81234567890.",
    "Code 12345, chambre 012, poste 4567.",
    "Numéro court 0612 34.",
    "Montant 0,0612345678 €.",
    "Identifiant 006123456789 trop long.",
    "Identifiant 106123456789 trop long.",
    "Suite 06.12.34.56.78.90 de mesures.",
  ])("does not mask %s", (text) => {
    const result = redactPatientIdentifiers(text);
    expect(result.text).toBe(text);
    expect(result.redactions).toEqual([]);
    expect(result.total).toBe(0);
  });
});

describe("redactPatientIdentifiers — e-mails", () => {
  it.each([
    "jean.dupont@example.fr",
    "marie-claire+suivi@hopital.aphp.fr",
    "j_d.2024@sub-domain.example.com",
    "Jean.Dupont@Example.FR",
  ])("masks %s", (email) => {
    const result = redactPatientIdentifiers(`Écrire à ${email}.`);
    expect(result.text).toBe(`Écrire à ${EMAIL}.`);
    expect(result.redactions).toEqual([{ kind: "email", count: 1 }]);
  });

  it("masks an e-mail address made of a phone number as one e-mail", () => {
    const result = redactPatientIdentifiers("Contact 0612345678@sms.example.fr");
    expect(result.text).toBe(`Contact ${EMAIL}`);
    expect(result.redactions).toEqual([{ kind: "email", count: 1 }]);
  });

  it("does not mask things that merely contain @", () => {
    for (const text of ["Rendez-vous @ 14h", "Compte @sentinelle sur le réseau", "a@b"]) {
      expect(redactPatientIdentifiers(text).text).toBe(text);
    }
  });
});

describe("redactPatientIdentifiers — mixed text", () => {
  it("returns text without identifiers unchanged", () => {
    const text = "Le logiciel plante à l'ouverture du dossier patient depuis la mise à jour 5.12.3 du 12.03.2024.";
    const result = redactPatientIdentifiers(text);
    expect(result).toEqual({ text, redactions: [], total: 0 });
    expect(result.text).toBe(text);
  });

  it("returns an empty string unchanged", () => {
    expect(redactPatientIdentifiers("")).toEqual({ text: "", redactions: [], total: 0 });
  });

  it("masks several kinds with correct counts, in the order nir, phone, email", () => {
    const nirBody = "2690299341732";
    const text =
      `Mail patient : patient@example.fr, tél 06 12 34 56 78 ou +33 1 23 45 67 89, ` +
      `NIR 2 69 02 99 341 732 ${nirKey(nirBody)}, conjoint ${"1850578006084"}${nirKey("1850578006084")}, ` +
      `fille fille.patient@example.org, version 5.12.3 du 12.03.2024.`;
    const result = redactPatientIdentifiers(text);
    expect(result.text).toBe(
      `Mail patient : ${EMAIL}, tél ${PHONE} ou ${PHONE}, NIR ${NIR}, conjoint ${NIR}, ` +
        `fille ${EMAIL}, version 5.12.3 du 12.03.2024.`,
    );
    expect(result.redactions).toEqual([
      { kind: "nir", count: 2 },
      { kind: "phone", count: 2 },
      { kind: "email", count: 2 },
    ]);
    expect(result.total).toBe(6);
  });

  it("lists only the kinds that were found", () => {
    const result = redactPatientIdentifiers("Appeler 0123456789 ou écrire à a.b@c.fr");
    expect(result.redactions).toEqual([
      { kind: "phone", count: 1 },
      { kind: "email", count: 1 },
    ]);
    expect(result.total).toBe(2);
  });

  it("is idempotent", () => {
    const once = redactPatientIdentifiers("Tél 06 12 34 56 78, mail x@y.fr, NIR 185057800608491");
    const twice = redactPatientIdentifiers(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.total).toBe(0);
  });
});

describe("describeRedactions", () => {
  const SUFFIX_MANY = "ces informations permettent d'identifier un patient et ne doivent pas figurer dans un signalement.";
  const SUFFIX_ONE = "cette information permet d'identifier un patient et ne doit pas figurer dans un signalement.";

  it("returns null when nothing was masked", () => {
    expect(describeRedactions([])).toBeNull();
    expect(describeRedactions([{ kind: "phone", count: 0 }])).toBeNull();
  });

  it("uses the singular for a single item", () => {
    expect(describeRedactions([{ kind: "nir", count: 1 }])).toBe(
      `Nous avons masqué 1 numéro de sécurité sociale (NIR/INS) : ${SUFFIX_ONE}`,
    );
    expect(describeRedactions([{ kind: "phone", count: 1 }])).toBe(`Nous avons masqué 1 numéro de téléphone : ${SUFFIX_ONE}`);
    expect(describeRedactions([{ kind: "email", count: 1 }])).toBe(`Nous avons masqué 1 adresse e-mail : ${SUFFIX_ONE}`);
  });

  it("uses the plural for several items of one kind", () => {
    expect(describeRedactions([{ kind: "nir", count: 2 }])).toBe(
      `Nous avons masqué 2 numéros de sécurité sociale (NIR/INS) : ${SUFFIX_MANY}`,
    );
    expect(describeRedactions([{ kind: "phone", count: 3 }])).toBe(`Nous avons masqué 3 numéros de téléphone : ${SUFFIX_MANY}`);
    expect(describeRedactions([{ kind: "email", count: 2 }])).toBe(`Nous avons masqué 2 adresses e-mail : ${SUFFIX_MANY}`);
  });

  it("combines two kinds with « et »", () => {
    expect(
      describeRedactions([
        { kind: "nir", count: 1 },
        { kind: "phone", count: 2 },
      ]),
    ).toBe(
      "Nous avons masqué 1 numéro de sécurité sociale (NIR/INS) et 2 numéros de téléphone : ces informations permettent d'identifier un patient et ne doivent pas figurer dans un signalement.",
    );
  });

  it("combines three kinds with a comma and « et », in the canonical order", () => {
    expect(
      describeRedactions([
        { kind: "email", count: 1 },
        { kind: "nir", count: 2 },
        { kind: "phone", count: 1 },
      ]),
    ).toBe(
      `Nous avons masqué 2 numéros de sécurité sociale (NIR/INS), 1 numéro de téléphone et 1 adresse e-mail : ${SUFFIX_MANY}`,
    );
  });

  it("describes the output of redactPatientIdentifiers", () => {
    const { redactions } = redactPatientIdentifiers("NIR 185057800608491, tél 0612345678 et 0698765432");
    expect(describeRedactions(redactions)).toBe(
      `Nous avons masqué 1 numéro de sécurité sociale (NIR/INS) et 2 numéros de téléphone : ${SUFFIX_MANY}`,
    );
  });
});
