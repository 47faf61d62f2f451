import { and, asc, eq, max } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { actionSteps, actions, challenges, organisations, workstreams } from "#db/schema";
import { errorSentence, HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import type { CsvAction } from "./csv";
import { getPlan, writeAction } from "./plan.server";

/** Every action as a CSV row, in plan order. */
export function exportPlanRows() {
  const db = getDb();
  const steps = db.select({ actionId: actionSteps.actionId, title: actionSteps.title }).from(actionSteps).orderBy(asc(actionSteps.position)).all();
  return getPlan().flatMap((ws) =>
    ws.challenges.flatMap((ch) =>
      ch.actions.map((a) => ({
        workstream: ws.title,
        challenge: ch.title,
        title: a.title,
        lead: a.lead.label,
        deadline: a.deadline.label,
        status: a.status,
        wave: a.wave,
        themes: a.themes.map((t) => t.slug),
        irritantIds: a.irritantIds,
        steps: steps.filter((s) => s.actionId === a.id).map((s) => s.title),
      })),
    ),
  );
}

function findAction(tx: Tx, row: CsvAction) {
  return tx
    .select({ id: actions.id, description: actions.description, status: actions.status, deadlineLabel: actions.deadlineLabel, leadKind: actions.leadKind, segurWave: actions.segurWave })
    .from(actions)
    .innerJoin(challenges, eq(challenges.id, actions.challengeId))
    .innerJoin(workstreams, eq(workstreams.id, challenges.workstreamId))
    .where(and(eq(workstreams.title, row.workstream), eq(challenges.title, row.challenge), eq(actions.title, row.title)))
    .get();
}

/** What an import would do, row by row: create, update (with what changes) or leave unchanged. */
export function previewImport(rows: CsvAction[]) {
  const tx = getDb() as unknown as Tx;
  return rows.map((row) => {
    const existing = findAction(tx, row);
    if (!existing) return { line: row.line, title: row.title, change: "create" as const, details: [] as string[] };
    const details = [
      existing.status !== row.status ? "statut" : null,
      existing.deadlineLabel !== row.deadline ? `échéance (${existing.deadlineLabel || "vide"} → ${row.deadline || "vide"})` : null,
      existing.segurWave !== row.wave ? "vague" : null,
    ].filter(Boolean) as string[];
    return { line: row.line, title: row.title, change: details.length ? ("update" as const) : ("same" as const), details };
  });
}

/** Applies an import in one transaction: any bad row (unknown theme, organisation or irritant) applies nothing. */
export function applyImport(actor: SessionUser, rows: CsvAction[]) {
  if (!can(actor, "action-plan:edit")) throw new HttpError(403, "Le plan d'action est modifié par l'équipe programme.");
  return getDb().transaction((tx) => {
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      try {
        let workstreamId = tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.title, row.workstream)).get()?.id;
        workstreamId ??= tx
          .insert(workstreams)
          .values({ title: row.workstream, position: (tx.select({ p: max(workstreams.position) }).from(workstreams).get()?.p ?? -1) + 1 })
          .returning()
          .get().id;
        let challengeId = tx.select({ id: challenges.id }).from(challenges).where(and(eq(challenges.workstreamId, workstreamId), eq(challenges.title, row.challenge))).get()?.id;
        challengeId ??= tx
          .insert(challenges)
          .values({ workstreamId, title: row.challenge, position: (tx.select({ p: max(challenges.position) }).from(challenges).where(eq(challenges.workstreamId, workstreamId)).get()?.p ?? -1) + 1 })
          .returning()
          .get().id;
        // A named organisation leads the action; its kind gives the deck's label (a vendor: Éditeurs).
        const organisation = row.lead.organisation
          ? tx.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(eq(organisations.name, row.lead.organisation)).get()
          : undefined;
        if (row.lead.organisation && !organisation) throw new HttpError(422, `organisation inconnue « ${row.lead.organisation} ».`);
        const existing = findAction(tx, row);
        writeAction(tx, actor, existing?.id ?? null, {
          challengeId,
          title: row.title,
          // The CSV has no description column: an update keeps the one written in the editor.
          description: existing?.description ?? "",
          leadKind: row.lead.kind ?? (organisation?.kind === "vendor" ? "editeurs" : "pouvoirs-publics"),
          ...(organisation ? { leadOrganisationIds: [organisation.id], coLeadOrganisationIds: [] } : {}),
          deadlineLabel: row.deadline,
          deadlineReason: "Import du plan (fichier CSV)",
          status: row.status,
          segurWave: row.wave,
          steps: row.steps,
          themes: row.themes,
          irritantIds: row.irritantIds,
        });
        if (existing) updated++;
        else created++;
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        throw new HttpError(422, `Ligne ${row.line} : ${errorSentence(error)} Rien n'a été importé.`);
      }
    }
    recordEvent(tx, { type: "action_plan.imported", actorId: actor.id, subject: { type: "action_plan", id: 0 }, payload: { created, updated } });
    return { created, updated };
  });
}
