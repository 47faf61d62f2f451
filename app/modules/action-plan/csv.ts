import { readCsvTable, restoreNeutralisedFormula, toCsv, type CsvLineError } from "~/lib/csv";
import { foldAccents } from "~/lib/text/text";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, CSV_COLUMNS, LEAD_LABELS, type ActionStatus, type LeadKind } from "./vocabulary";

/** The columns of the export, which the import accepts back, in this order. */
export { CSV_COLUMNS };

export type CsvAction = {
  line: number;
  workstream: string;
  challenge: string;
  title: string;
  // A lead label, or a named organisation ("Organisation : nom") whose kind gives the label.
  lead: { kind: LeadKind; organisation?: undefined } | { kind: null; organisation: string };
  deadline: string;
  status: ActionStatus;
  wave: number | null;
  themes: string[];
  irritantIds: number[];
  steps: string[];
};

export type CsvParseResult = { rows: CsvAction[]; errors: CsvLineError[] };

const norm = (s: string) => foldAccents(s).replace(/[^a-z0-9]+/g, " ").trim();

function parseLead(value: string): CsvAction["lead"] | null {
  const v = norm(value);
  for (const [kind, label] of Object.entries(LEAD_LABELS)) if (norm(label) === v || norm(kind) === v) return { kind: kind as LeadKind };
  // The deck writes "Éditeurs & Pouvoirs publics", "Pouvoirs publics / éditeurs"; earlier exports "Éditeurs et pouvoirs publics".
  if (["editeurs pouvoirs publics", "pouvoirs publics editeurs", "editeurs et pouvoirs publics", "pouvoirs publics et editeurs"].includes(v)) return { kind: "editeurs-et-pouvoirs-publics" };
  const org = /^organisation\s*:\s*(.+)$/i.exec(value.trim());
  if (org) return { kind: null, organisation: org[1].trim() };
  return null;
}

function parseStatus(value: string): ActionStatus | null {
  const v = norm(value);
  for (const status of ACTION_STATUSES) if (norm(status) === v || norm(ACTION_STATUS_LABELS[status]) === v) return status;
  if (value.includes("🔧")) return "en-cours";
  if (value.includes("✅")) return "fait";
  return null;
}

const list = (value: string) =>
  value
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads an action-plan CSV; every problem is reported with its line number, and rows are returned only when there is none. */
export function parseActionPlanCsv(text: string): CsvParseResult {
  const seen = new Map<string, number>();
  return readCsvTable(text, CSV_COLUMNS, (cells, problems, line): CsvAction => {
    const [workstream, challenge, title, lead, deadline, status, wave, themes, irritantIds, steps] = cells.map(restoreNeutralisedFormula);
    if (!workstream) problems.push("le chantier est vide");
    if (!challenge) problems.push("le défi est vide");
    if (!title) problems.push("l'action est vide");
    if ([workstream, challenge, title].some((v) => v.length > 500)) problems.push("un titre dépasse 500 caractères");
    const parsedLead = parseLead(lead);
    if (!parsedLead) problems.push(`pilote inconnu « ${lead} » (Pouvoirs publics, Éditeurs, Éditeurs & Pouvoirs publics ou « Organisation : nom »)`);
    const parsedStatus = parseStatus(status);
    if (!parsedStatus) problems.push(`statut inconnu « ${status} » (À lancer, En cours, Fait, Abandonné)`);
    const parsedWave = wave === "" ? null : Number(wave);
    if (parsedWave !== null && parsedWave !== 1 && parsedWave !== 2) problems.push(`vague « ${wave} » invalide (1, 2 ou vide)`);
    const ids = list(irritantIds).map((v) => Number(v.replace(/^n°/i, "")));
    if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) problems.push("numéros de signalements invalides");
    const key = [workstream, challenge, title].map(norm).join("|");
    if (seen.has(key)) problems.push(`ligne en double (déjà ligne ${seen.get(key)})`);
    seen.set(key, line);
    return { line, workstream, challenge, title, lead: parsedLead!, deadline, status: parsedStatus!, wave: parsedWave, themes: list(themes), irritantIds: ids, steps: list(steps) };
  });
}

/** The CSV of the plan: semicolon-separated with a BOM, as French spreadsheet software expects. */
export function toActionPlanCsv(
  rows: { workstream: string; challenge: string; title: string; lead: string; deadline: string; status: ActionStatus; wave: number | null; themes: string[]; irritantIds: number[]; steps: string[] }[],
) {
  return toCsv(
    CSV_COLUMNS,
    rows.map((r) => [r.workstream, r.challenge, r.title, r.lead, r.deadline, ACTION_STATUS_LABELS[r.status], r.wave ? String(r.wave) : "", r.themes.join(" | "), r.irritantIds.join(" | "), r.steps.join(" | ")]),
  );
}
