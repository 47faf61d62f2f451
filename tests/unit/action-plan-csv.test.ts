import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsvRecords } from "~/lib/csv";
import { CSV_COLUMNS, parseActionPlanCsv, toActionPlanCsv } from "~/modules/action-plan/csv";
import { ACTION_STATUS_LABELS } from "~/modules/action-plan/vocabulary";

const header = CSV_COLUMNS.join(";");
const row = (cells: string[]) => cells.join(";");
const valid = row(["MSSanté", "Annuaire", "Nettoyer les adresses", "Pouvoirs publics", "S1 2024", "En cours 🔧", "2", "mssante", "3 | 7", "Étape 1 | Étape 2"]);

describe("parseCsvRecords", () => {
  it("handles quotes, doubled quotes, delimiters and line breaks inside quotes, and CRLF", () => {
    const records = parseCsvRecords('a;"b;c";"d ""e"""\r\n"f\ng";h;i\r\n', ";");
    expect(records).toEqual([
      { line: 1, cells: ["a", "b;c", 'd "e"'] },
      { line: 2, cells: ["f\ng", "h", "i"] },
    ]);
  });
});

describe("decodeCsv", () => {
  it("reads UTF-8 with or without BOM, and Windows-1252", () => {
    const text = "échéance;défi";
    expect(decodeCsv(new TextEncoder().encode(text))).toBe(text);
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    // "échéance" in Windows-1252: é = 0xE9
    const cp1252 = new Uint8Array([0xe9, 0x63, 0x68, 0xe9, 0x61, 0x6e, 0x63, 0x65]);
    expect(decodeCsv(cp1252)).toBe("échéance");
  });
});

describe("parseActionPlanCsv", () => {
  it("reads a valid file with semicolons or commas, and labels or slugs", () => {
    const { rows, errors } = parseActionPlanCsv(`${header}\n${valid}\n`);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      workstream: "MSSanté",
      lead: { kind: "pouvoirs-publics" },
      deadline: "S1 2024",
      status: "en-cours",
      wave: 2,
      themes: ["mssante"],
      irritantIds: [3, 7],
      steps: ["Étape 1", "Étape 2"],
    });
    const commas = parseActionPlanCsv(`${CSV_COLUMNS.join(",")}\nA,B,C,editeurs,T1 2024,fait,,,,\n`);
    expect(commas.errors).toEqual([]);
    expect(commas.rows[0]).toMatchObject({ lead: { kind: "editeurs" }, status: "fait", wave: null });
    const org = parseActionPlanCsv(`${header}\n${row(["A", "B", "C", "Organisation : Éditeur X", "", "À lancer", "", "", "", ""])}`);
    // A named organisation leads: its kind gives the lead label at import.
    expect(org.rows[0].lead).toEqual({ kind: null, organisation: "Éditeur X" });
    const deck = parseActionPlanCsv(`${header}\n${row(["A", "B", "C", "Éditeurs & Pouvoirs publics", "", "À lancer", "", "", "", ""])}\n${row(["A", "B", "D", "Éditeurs et pouvoirs publics", "", "À lancer", "", "", "", ""])}`);
    expect(deck.rows.map((r) => r.lead)).toEqual([{ kind: "editeurs-et-pouvoirs-publics" }, { kind: "editeurs-et-pouvoirs-publics" }]);
  });

  it("refuses wrong columns, naming the expected ones", () => {
    const { rows, errors } = parseActionPlanCsv("titre;statut\nA;fait\n");
    expect(rows).toEqual([]);
    expect(errors[0].line).toBe(1);
    expect(errors[0].message).toContain("Colonnes attendues");
  });

  it("reports every bad row with its line number and returns no row at all", () => {
    const text = [
      header,
      valid,
      row(["", "B", "C", "Pouvoirs publics", "", "fait", "", "", "", ""]),
      row(["A", "B", "C", "Le ministère", "", "fini", "3", "", "x", ""]),
      valid,
      "A;B;C",
    ].join("\n");
    const { rows, errors } = parseActionPlanCsv(text);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(errors[0].message).toContain("le chantier est vide");
    expect(errors[1].message).toContain("pilote inconnu « Le ministère »");
    expect(errors[1].message).toContain("statut inconnu « fini »");
    expect(errors[1].message).toContain("vague « 3 » invalide");
    expect(errors[1].message).toContain("numéros de signalements invalides");
    expect(errors[2].message).toContain("ligne en double (déjà ligne 2)");
    expect(errors[3].message).toBe("3 colonnes au lieu de 10.");
  });

  it("round-trips the export", () => {
    const exported = toActionPlanCsv([
      {
        workstream: "Chantiers transverses",
        challenge: 'Nommage ; "documents"',
        title: "Collecte des retours terrain",
        lead: "Éditeurs et pouvoirs publics",
        deadline: "Janvier / février 2024",
        status: "fait",
        wave: 1,
        themes: ["nommage-documents", "mssante"],
        irritantIds: [4],
        steps: ["Un", "Deux"],
      },
    ]);
    expect(exported.startsWith("\uFEFF")).toBe(true);
    const bytes = new TextEncoder().encode(exported);
    const { rows, errors } = parseActionPlanCsv(decodeCsv(bytes));
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      challenge: 'Nommage ; "documents"',
      lead: { kind: "editeurs-et-pouvoirs-publics" },
      deadline: "Janvier / février 2024",
      status: "fait",
      wave: 1,
      themes: ["nommage-documents", "mssante"],
      irritantIds: [4],
      steps: ["Un", "Deux"],
    });
  });
});

describe("action statuses", () => {
  it("are words without emoji on screen and in exports, while imports still accept the deck's emoji marks", () => {
    const emoji = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/u;
    for (const label of Object.values(ACTION_STATUS_LABELS)) expect(label).not.toMatch(emoji);
    const statuses = ["En cours 🔧", "Fait ✅", "🔧", "✅", "En cours", "Fait", "fait"].map((status) => {
      const line = row(["MSSanté", "Annuaire", "Nettoyer les adresses", "Pouvoirs publics", "S1 2024", status, "2", "mssante", "3 | 7", "Étape 1 | Étape 2"]);
      const { rows, errors } = parseActionPlanCsv(`${header}\n${line}\n`);
      expect(errors).toEqual([]);
      return rows[0].status;
    });
    expect(statuses).toEqual(["en-cours", "fait", "en-cours", "fait", "en-cours", "fait", "fait"]);
  });
});
