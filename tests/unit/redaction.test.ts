import { describe, expect, it } from "vitest";
import { combineRedactions, decodeRedactions, describeRedactions, encodeRedactions, looksLikeNir, redactPatientIdentifiers } from "~/lib/text/redaction";

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

describe("looksLikeNir", () => {
  it("accepts a NIR whatever its key, and without its key", () => {
    expect(looksLikeNir("185057800608491")).toBe(true); // key checks
    expect(looksLikeNir("185057800608436")).toBe(true); // wrong key
    expect(looksLikeNir("185057800608400")).toBe(true);
    expect(looksLikeNir("1850578006084")).toBe(true); // no key
    expect(looksLikeNir("1 85 05 78 006 084 36")).toBe(true);
  });

  it("accepts every sex digit in use (1, 2, 3, 4, 7, 8) and rejects the others", () => {
    for (const sex of ["1", "2", "3", "4", "7", "8"]) expect(looksLikeNir(`${sex}85057800608491`)).toBe(true);
    for (const sex of ["0", "5", "6", "9"]) expect(looksLikeNir(`${sex}85057800608491`)).toBe(false);
  });

  it("accepts months 01–12 and the pseudo-months 20–99, rejects 00 and 13–19", () => {
    for (const month of ["01", "09", "10", "12", "20", "30", "42", "50", "99"]) expect(looksLikeNir(`185${month}7800608491`)).toBe(true);
    for (const month of ["00", "13", "15", "19"]) expect(looksLikeNir(`185${month}7800608491`)).toBe(false);
  });

  it("accepts départements 01–99 and 2A/2B (any case), rejects 00 and other letters", () => {
    for (const dep of ["01", "20", "2A", "2a", "2B", "2b", "95", "96", "97", "98", "99"]) expect(looksLikeNir(`18505${dep}00608491`)).toBe(true);
    for (const dep of ["00", "2C", "3A"]) expect(looksLikeNir(`18505${dep}00608491`)).toBe(false);
  });

  it("accepts overseas départements (97x, 98x) with their 2-digit commune", () => {
    expect(looksLikeNir("2850597105123")).toBe(true); // Guadeloupe 971, commune 05
    expect(looksLikeNir("285059741112345")).toBe(true); // La Réunion 974, commune 11
    expect(looksLikeNir("185059880112345")).toBe(true); // Nouvelle-Calédonie 988, commune 01
  });

  it("rejects wrong lengths and letters outside the département", () => {
    expect(looksLikeNir("")).toBe(false);
    expect(looksLikeNir("18505780060849")).toBe(false); // 14
    expect(looksLikeNir("1850578006084911")).toBe(false); // 16
    expect(looksLikeNir("185057800608")).toBe(false); // 12
    expect(looksLikeNir("18505780060849A")).toBe(false);
  });

  it("keeps keyless CIP13/ACL13 pharmacy codes, but not a 15-character NIR with that prefix", () => {
    expect(looksLikeNir("3400936543210")).toBe(false);
    expect(looksLikeNir("3401560012345")).toBe(false);
    expect(looksLikeNir("340093654321012")).toBe(true);
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

  it("masks a NIR whose key is wrong, in every written form", () => {
    const wrong = wrongKey(body);
    for (const nir of [`${body}${wrong}`, `1 85 05 78 006 084 ${wrong}`, `1.85.05.78.006.084.${wrong}`, `1-85-05-78-006-084-${wrong}`]) {
      const result = redactPatientIdentifiers(`Numéro ${nir} dans le dossier.`);
      expect(result.text).toBe(`Numéro ${NIR} dans le dossier.`);
      expect(result.redactions).toEqual([{ kind: "nir", count: 1 }]);
    }
  });

  it("masks the 13-character number written without its key", () => {
    for (const nir of [body, "1 85 05 78 006 084", "1.85.05.78.006.084", "2 85 05 2A 006 084"]) {
      const result = redactPatientIdentifiers(`INS ${nir}, sans clé.`);
      expect(result.text).toBe(`INS ${NIR}, sans clé.`);
      expect(result.total).toBe(1);
    }
  });

  it("masks overseas NIRs (97x, 98x)", () => {
    const result = redactPatientIdentifiers("Guadeloupe 2 85 05 971 05 123 45, Nouméa 1 90 12 988 01 004 77.");
    expect(result.text).toBe(`Guadeloupe ${NIR}, Nouméa ${NIR}.`);
    expect(result.redactions).toEqual([{ kind: "nir", count: 2 }]);
  });

  it.each([
    ["sex digit 5", "585057800608491"],
    ["sex digit 0", "085057800608491"],
    ["sex digit 9", "9 85 05 78 006 084 91"],
    ["month 00", "185007800608491"],
    ["month 13", "185137800608491"],
    ["month 19, keyless", "1851978006084"],
    ["département 00", "185050000608491"],
    ["keyless CIP13 code", "3400936543210"],
  ])("keeps a number that cannot be a NIR (%s)", (_label, number) => {
    const text = `Référence ${number} du lot.`;
    const result = redactPatientIdentifiers(text);
    expect(result.text).toBe(text);
    expect(result.total).toBe(0);
  });

  it("does not mask 12- or 14-digit numbers", () => {
    for (const text of ["Lot 185057800608.", "Lot 18505780060849."]) expect(redactPatientIdentifiers(text).text).toBe(text);
  });

  it("masks Corsican 2A and 2B NIRs with correct keys", () => {
    const a = "285052A006084";
    const b = "285052B006084";
    const result = redactPatientIdentifiers(`A : 2 85 05 2A 006 084 ${nirKey(a)} ; B : ${b.toLowerCase()}${nirKey(b)}.`);
    expect(result.text).toBe(`A : ${NIR} ; B : ${NIR}.`);
    expect(result.redactions).toEqual([{ kind: "nir", count: 2 }]);
  });

  it("masks Corsican NIRs with wrong keys too", () => {
    const a = "285052A006084";
    const b = "285052B006084";
    const result = redactPatientIdentifiers(`A : 2 85 05 2A 006 084 ${wrongKey(a)} ; B : ${b}${wrongKey(b)}.`);
    expect(result.text).toBe(`A : ${NIR} ; B : ${NIR}.`);
    expect(result.redactions).toEqual([{ kind: "nir", count: 2 }]);
  });

  it("does not mask inside a 16+ digit number", () => {
    for (const text of [
      `Référence 1${body}${key}`,
      `Référence ${body}${key}1`,
      `Lot 99${body}${key}00`,
      `Référence 1${body}`,
      `Référence ${body}9`,
      `Référence 7${body}${wrongKey(body)}`,
    ]) {
      const result = redactPatientIdentifiers(text);
      expect(result.text).toBe(text);
      expect(result.total).toBe(0);
    }
  });

  it("does not mask a NIR glued to a decimal number", () => {
    for (const text of [`Valeur 3.${body}${key}`, `Valeur ${body}${key},5`, `Valeur 3,${body}`]) {
      expect(redactPatientIdentifiers(text).text).toBe(text);
    }
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

  it("ends the sentence with the place of the text when given", () => {
    expect(describeRedactions([{ kind: "nir", count: 1 }], "dans un ticket")).toBe(
      "Nous avons masqué 1 numéro de sécurité sociale (NIR/INS) : cette information permet d'identifier un patient et ne doit pas figurer dans un ticket.",
    );
  });

  it("describes the output of redactPatientIdentifiers", () => {
    const { redactions } = redactPatientIdentifiers("NIR 185057800608491, tél 0612345678 et 0698765432");
    expect(describeRedactions(redactions)).toBe(
      `Nous avons masqué 1 numéro de sécurité sociale (NIR/INS) et 2 numéros de téléphone : ${SUFFIX_MANY}`,
    );
  });
});

describe("combineRedactions, encodeRedactions and decodeRedactions", () => {
  it("sums kinds across texts in the canonical order", () => {
    expect(combineRedactions([{ kind: "email", count: 1 }], [{ kind: "nir", count: 1 }, { kind: "email", count: 2 }], [])).toEqual([
      { kind: "nir", count: 1 },
      { kind: "email", count: 3 },
    ]);
  });

  it("round-trips counts through a URL parameter holding no text", () => {
    const redactions = [{ kind: "nir", count: 2 }, { kind: "phone", count: 1 }] as const;
    expect(encodeRedactions(redactions)).toBe("nir-2.phone-1");
    expect(decodeRedactions("nir-2.phone-1")).toEqual(redactions);
    expect(encodeRedactions([])).toBe("");
  });

  it("ignores anything that is not a kind and a count", () => {
    expect(decodeRedactions(null)).toEqual([]);
    expect(decodeRedactions("")).toEqual([]);
    expect(decodeRedactions("nir-0.phone-x.email-99999.<script>")).toEqual([]);
    expect(decodeRedactions("autre-3.email-1")).toEqual([{ kind: "email", count: 1 }]);
  });
});
