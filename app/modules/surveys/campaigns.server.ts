import { todayInParis } from "~/lib/dates";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, max, notInArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { campaigns, invitations, participations, questionnaireVersions, questionnaires, responses, resultSnapshots, users, type Role } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { derivedToken, randomToken, sha256 } from "~/lib/tokens.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { combineRedactions, redactPatientIdentifiers, type Redaction } from "~/lib/text/redaction";
import { requireActiveProduct } from "~/modules/vendors/index.server";
import { batchedCount, PUBLIC_MIN_CELL } from "./statistics";
import { answersSchemaFor } from "./answers";
import { questionnaireDefinitionSchema, type QuestionnaireDefinition } from "./definition";
import { compareVersions } from "./versions";
import { keepFreeTexts } from "./free-text.server";
import { tallyResponse } from "./tallies.server";
import { campaignCounts } from "./counts.server";
import type { CampaignStatus } from "./vocabulary";

function requireTeam(actor: SessionUser) {
  if (!can(actor, "survey:manage")) throw new HttpError(403, "Les enquêtes sont gérées par l'équipe programme.");
}

function parseDefinition(json: unknown): QuestionnaireDefinition {
  const result = questionnaireDefinitionSchema.safeParse(json);
  if (!result.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of result.error.issues) (fields[issue.path.join(".") || "definition"] ??= []).push(issue.message);
    throw new HttpError(422, "La définition du questionnaire n'est pas valide.", fields);
  }
  return result.data;
}

/** A new questionnaire, or a new version of an existing one (versions are never edited once created). */
export function saveQuestionnaireVersion(actor: SessionUser, input: { slug: string; title: string; definition: unknown }) {
  requireTeam(actor);
  const definition = parseDefinition(input.definition);
  return getDb().transaction((tx) => {
    let questionnaire = tx.select().from(questionnaires).where(eq(questionnaires.slug, input.slug)).get();
    questionnaire ??= tx.insert(questionnaires).values({ slug: input.slug, title: input.title }).returning().get();
    const previous = tx
      .select()
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.questionnaireId, questionnaire.id))
      .orderBy(desc(questionnaireVersions.number))
      .get();
    const changes = previous ? compareVersions(previous.definition as QuestionnaireDefinition, definition) : [];
    const version = tx
      .insert(questionnaireVersions)
      .values({ questionnaireId: questionnaire.id, number: (previous?.number ?? 0) + 1, definition, changes })
      .returning({ id: questionnaireVersions.id, number: questionnaireVersions.number })
      .get();
    recordEvent(tx, { type: "questionnaire.version_created", actorId: actor.id, subject: { type: "questionnaire", id: questionnaire.id }, payload: { version: version.number } });
    return { questionnaireId: questionnaire.id, ...version, changes };
  });
}

export function listQuestionnaires() {
  return getDb()
    .select({ id: questionnaires.id, slug: questionnaires.slug, title: questionnaires.title, versions: sql<number>`count(${questionnaireVersions.id})`, lastVersionId: max(questionnaireVersions.id) })
    .from(questionnaires)
    .leftJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .groupBy(questionnaires.id)
    .orderBy(asc(questionnaires.title))
    .all();
}

export function getVersion(id: number) {
  const row = getDb().select().from(questionnaireVersions).where(eq(questionnaireVersions.id, id)).get();
  if (!row) throw new HttpError(404, "Cette version n'existe pas.");
  return { ...row, definition: row.definition as QuestionnaireDefinition };
}

export type CampaignInput = {
  slug: string;
  title: string;
  wave: string;
  versionId: number;
  previousCampaignId?: number | null;
  opensOn: string;
  closesOn: string;
  audienceRoles: string[];
  audienceProfessions: string[];
  allowSignedIn: boolean;
  subjectKind?: "software" | "service";
  subjectServices?: string[];
};

export function createCampaign(actor: SessionUser, input: CampaignInput) {
  requireTeam(actor);
  if (input.closesOn < input.opensOn) throw new HttpError(422, "Dates incohérentes.", { closesOn: ["La date de clôture doit suivre la date d'ouverture."] });
  if (input.subjectKind === "service" && !input.subjectServices?.length) {
    throw new HttpError(422, "Services manquants.", { subjectServices: ["Indiquez au moins un service national à évaluer."] });
  }
  return getDb().transaction((tx) => {
    if (tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, input.slug)).get()) {
      throw new HttpError(409, "Cette campagne existe déjà.", { slug: ["Cet identifiant est déjà utilisé."] });
    }
    if (!tx.select({ id: questionnaireVersions.id }).from(questionnaireVersions).where(eq(questionnaireVersions.id, input.versionId)).get()) {
      throw new HttpError(422, "Version inconnue.", { versionId: ["Choisissez une version du questionnaire."] });
    }
    const row = tx.insert(campaigns).values(input).returning({ id: campaigns.id }).get();
    recordEvent(tx, { type: "campaign.created", actorId: actor.id, subject: { type: "campaign", id: row.id }, payload: { slug: input.slug } });
    return row.id;
  });
}

const TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = { draft: ["open"], open: ["closed"], closed: ["open", "published"], published: [] };

export function setCampaignStatus(actor: SessionUser, slug: string, status: CampaignStatus, snapshot?: () => { method: string; results: unknown }) {
  requireTeam(actor);
  getDb().transaction((tx) => {
    const campaign = tx.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
    if (!campaign) throw new HttpError(404, "Cette campagne n'existe pas.");
    if (status === "draft" || !TRANSITIONS[campaign.status].includes(status)) throw new HttpError(409, "Changement d'état impossible pour cette campagne.");
    tx.update(campaigns).set({ status }).where(eq(campaigns.id, campaign.id)).run();
    if (status === "published") {
      const { method, results } = snapshot!();
      tx.insert(resultSnapshots).values({ campaignId: campaign.id, publishedAt: new Date().toISOString(), method, results }).run();
    }
    recordEvent(tx, { type: `campaign.${status}`, actorId: actor.id, subject: { type: "campaign", id: campaign.id }, payload: { slug } });
  });
}

export function getCampaign(slug: string) {
  const row = getDb()
    .select({ campaign: campaigns, definition: questionnaireVersions.definition, changes: questionnaireVersions.changes })
    .from(campaigns)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, campaigns.versionId))
    .where(eq(campaigns.slug, slug))
    .get();
  if (!row) throw new HttpError(404, "Cette enquête n'existe pas.");
  // Kept by triggers (`campaignCounts`): counting the wave's rows would grow with it (issue 21).
  const responseCount = campaignCounts(row.campaign.id).responses;
  return { ...row.campaign, definition: row.definition as QuestionnaireDefinition, changes: row.changes, responseCount };
}

export function listCampaigns({ publicOnly = false } = {}) {
  return getDb()
    .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, wave: campaigns.wave, status: campaigns.status, opensOn: campaigns.opensOn, closesOn: campaigns.closesOn })
    .from(campaigns)
    .where(publicOnly ? sql`${campaigns.status} != 'draft'` : undefined)
    .orderBy(desc(campaigns.opensOn), asc(campaigns.slug))
    .all();
}

/** The personal invitation token of an e-mailed invitation: derived from the server secret, so the reminder can carry it again. */
export const emailedInvitationToken = (invitationId: number) => derivedToken("survey-invitation", invitationId);
// Personal links exist only in the e-mail (and in-app notification) of their recipient: the team never sees a list of
// links it could hand out and then watch, so no one but the holder can tell whether a given link was used.

/** Members of the audience (roles, professions) with an active account and no invitation to this campaign yet. */
function uninvitedAudience(tx: Tx, campaign: typeof campaigns.$inferSelect) {
  const already = tx.select({ id: invitations.inviteeId }).from(invitations).where(and(eq(invitations.campaignId, campaign.id), isNotNull(invitations.inviteeId)));
  return tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, campaign.audienceRoles as Role[]),
        campaign.audienceProfessions.length ? inArray(users.profession, campaign.audienceProfessions) : undefined,
        isNull(users.disabledAt),
        notInArray(users.id, already),
      ),
    )
    .all();
}

/**
 * Invites every member of the audience not yet invited by e-mail, through single-use invitations. The e-mails
 * are written by the notification worker from the event, with each person's preferences.
 */
export function inviteAudienceByEmail(actor: SessionUser, slug: string) {
  requireTeam(actor);
  return getDb().transaction((tx) => {
    const campaign = tx.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
    if (!campaign) throw new HttpError(404, "Cette campagne n'existe pas.");
    if (campaign.status !== "open") throw new HttpError(409, "Les invitations partent quand la campagne est ouverte.");
    const audience = uninvitedAudience(tx, campaign);
    if (!audience.length) return { invited: 0 };
    const ids: number[] = [];
    for (const person of audience) {
      // The hash needs the row id; a random placeholder keeps the column unique until then.
      const row = tx.insert(invitations).values({ campaignId: campaign.id, tokenHash: `pending:${randomToken(12)}`, inviteeId: person.id }).returning({ id: invitations.id }).get();
      tx.update(invitations).set({ tokenHash: sha256(emailedInvitationToken(row.id)) }).where(eq(invitations.id, row.id)).run();
      ids.push(row.id);
    }
    tx.update(campaigns).set({ invitedCount: campaign.invitedCount + ids.length }).where(eq(campaigns.id, campaign.id)).run();
    recordEvent(tx, { type: "campaign.invitations_emailed", actorId: actor.id, subject: { type: "campaign", id: campaign.id }, payload: { invitationIds: ids } });
    return { invited: ids.length };
  });
}

/** Sends the one reminder of a campaign to the e-mailed invitees who have not answered. */
export function remindInvitees(actor: SessionUser, slug: string) {
  requireTeam(actor);
  return getDb().transaction((tx) => {
    const campaign = tx.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
    if (!campaign) throw new HttpError(404, "Cette campagne n'existe pas.");
    if (campaign.status !== "open") throw new HttpError(409, "La relance part quand la campagne est ouverte.");
    const reminded = tx.select({ n: count() }).from(invitations).where(and(eq(invitations.campaignId, campaign.id), isNotNull(invitations.remindedAt))).get()!.n;
    if (reminded) throw new HttpError(409, "La relance de cette campagne a déjà été envoyée : une seule relance est prévue.");
    const pending = tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.campaignId, campaign.id), isNotNull(invitations.inviteeId), isNull(invitations.usedOn)))
      .all()
      .map((r) => r.id);
    // Neither the answer nor the journal says who is still pending (or that nobody is): the event names no
    // invitation, and the delivery finds the reminded ones from `remindedAt`.
    const at = new Date().toISOString();
    if (pending.length) tx.update(invitations).set({ remindedAt: at }).where(inArray(invitations.id, pending)).run();
    recordEvent(tx, { type: "campaign.reminder_sent", actorId: actor.id, subject: { type: "campaign", id: campaign.id }, payload: { remindedAt: at } });
    return { reminded: pending.length };
  });
}

/**
 * How many were invited by e-mail, how many answered — in whole batches (`answeredAtLeast`), so the figure does not
 * move when one person answers — and whether the reminder went out. From the counts the triggers keep, not from the
 * invitations' rows (issue 21).
 */
export function emailInvitationSummary(campaignId: number) {
  const counts = campaignCounts(campaignId);
  return { invited: counts.emailed, answeredAtLeast: batchedCount(counts.emailedUsed, PUBLIC_MIN_CELL), reminderSent: counts.emailedReminded > 0 };
}

export type Respondent = { kind: "invitation"; token: string } | { kind: "user"; user: SessionUser };

/** Who is answering, and their draft: an unused invitation, or a signed-in member of the audience. */
export function openParticipation(slug: string, respondent: Respondent) {
  const campaign = getCampaign(slug);
  if (campaign.status !== "open") throw new HttpError(409, campaign.status === "draft" ? "Cette enquête n'est pas encore ouverte." : "Cette enquête est close.");
  const today = todayInParis();
  if (today < campaign.opensOn || today > campaign.closesOn) throw new HttpError(409, "Cette enquête n'est pas ouverte aujourd'hui.");
  const db = getDb();
  if (respondent.kind === "invitation") {
    const invitation = db.select().from(invitations).where(and(eq(invitations.tokenHash, sha256(respondent.token)), eq(invitations.campaignId, campaign.id))).get();
    // A forged token and a used one get the same answer.
    if (!invitation || invitation.usedOn) throw new HttpError(403, "Ce lien d'invitation n'est pas valide ou a déjà servi.");
    return { campaign, draft: invitation.draft ?? {} };
  }
  const { user } = respondent;
  if (!campaign.allowSignedIn || !campaign.audienceRoles.includes(user.role)) throw new HttpError(403, "Cette enquête se fait sur invitation.");
  if (campaign.audienceProfessions.length) {
    const profession = db.select({ p: users.profession }).from(users).where(eq(users.id, user.id)).get()?.p;
    if (!profession || !campaign.audienceProfessions.includes(profession)) throw new HttpError(403, "Cette enquête s'adresse à d'autres professions.");
  }
  const participation = db.select().from(participations).where(and(eq(participations.campaignId, campaign.id), eq(participations.userId, user.id))).get();
  if (participation?.submittedOn) throw new HttpError(409, "Vous avez déjà répondu à cette enquête. Merci !");
  return { campaign, draft: participation?.draft ?? {} };
}

/** Masks patient identifiers in every text answer (drafts too: a draft is stored until the campaign closes). */
function maskTextAnswers(values: Record<string, unknown>): { values: Record<string, unknown>; redactions: Redaction[] } {
  const clean: Record<string, unknown> = { ...values };
  const found: Redaction[][] = [];
  for (const [key, value] of Object.entries(clean)) {
    if (typeof value !== "string" || value.length <= 2) continue;
    const masked = redactPatientIdentifiers(value);
    clean[key] = masked.text;
    found.push(masked.redactions);
  }
  return { values: clean, redactions: combineRedactions(...found) };
}

/** Saves a draft, its text answers masked; returns what was masked so the respondent can be told. */
export function saveDraft(slug: string, respondent: Respondent, input: Record<string, unknown>): Redaction[] {
  const { campaign } = openParticipation(slug, respondent);
  const { values: draft, redactions } = maskTextAnswers(input);
  const db = getDb();
  if (respondent.kind === "invitation") {
    db.update(invitations).set({ draft }).where(eq(invitations.tokenHash, sha256(respondent.token))).run();
  } else {
    db.insert(participations)
      .values({ campaignId: campaign.id, userId: respondent.user.id, draft })
      .onConflictDoUpdate({ target: [participations.campaignId, participations.userId], set: { draft } })
      .run();
  }
  return redactions;
}

/**
 * Records a complete response, once: the invitation (or participation) is marked used and the response is
 * written with no reference to it and only the day, in one transaction.
 */
export type Subject = { productId: number } | { service: string } | null;

export function submitResponse(slug: string, respondent: Respondent, answers: Record<string, unknown>, subject: Subject) {
  const { campaign } = openParticipation(slug, respondent);
  const parsed = answersSchemaFor(campaign.definition).safeParse(answers);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".")] ??= []).push(issue.message);
    throw new HttpError(422, "Certaines réponses sont manquantes ou invalides.", fields);
  }
  const { values: clean, redactions } = maskTextAnswers({ ...parsed.data });
  // Only the day is kept on anything about a response, so that order and time cannot link it to an invitation.
  const today = todayInParis();
  if (subject && "service" in subject && !campaign.subjectServices.includes(subject.service)) {
    throw new HttpError(422, "Service inconnu.", { subject: ["Choisissez un service de la liste."] });
  }
  if (subject && "productId" in subject && campaign.subjectKind !== "software") throw new HttpError(422, "Cette enquête évalue des services nationaux.", { subject: ["Choisissez un service de la liste."] });
  const subjectProductId = subject && "productId" in subject ? subject.productId : null;
  const subjectService = subject && "service" in subject ? subject.service : null;
  getDb().transaction((tx) => {
    if (subjectProductId) requireActiveProduct(tx, subjectProductId, "subject");
    if (respondent.kind === "invitation") {
      const used = tx
        .update(invitations)
        .set({ usedOn: today, draft: null })
        .where(and(eq(invitations.tokenHash, sha256(respondent.token)), isNull(invitations.usedOn)))
        .run().changes;
      if (!used) throw new HttpError(409, "Ce lien d'invitation a déjà servi.");
    } else {
      tx.insert(participations)
        .values({ campaignId: campaign.id, userId: respondent.user.id, submittedOn: today, draft: null })
        .onConflictDoUpdate({ target: [participations.campaignId, participations.userId], set: { submittedOn: today, draft: null }, where: isNull(participations.submittedOn) })
        .run();
      const row = tx.select({ on: participations.submittedOn }).from(participations).where(and(eq(participations.campaignId, campaign.id), eq(participations.userId, respondent.user.id))).get();
      if (row?.on !== today) throw new HttpError(409, "Vous avez déjà répondu à cette enquête.");
    }
    const stored = tx.insert(responses).values({ campaignId: campaign.id, subjectProductId, subjectService, submittedOn: today, answers: clean }).returning({ id: responses.id }).get();
    tallyResponse(tx, campaign.id, campaign.definition, { id: stored.id, subjectProductId, subjectService, answers: clean });
    keepFreeTexts(tx, campaign.id, campaign.definition, clean);
  });
  return redactions;
}

export function getSnapshot(slug: string) {
  const row = getDb()
    .select({ snapshot: resultSnapshots, title: campaigns.title, wave: campaigns.wave, slug: campaigns.slug })
    .from(resultSnapshots)
    .innerJoin(campaigns, eq(campaigns.id, resultSnapshots.campaignId))
    .where(eq(campaigns.slug, slug))
    .get();
  if (!row) throw new HttpError(404, "Aucun résultat publié pour cette enquête.");
  return row;
}

export function usualProductOf(userId: number) {
  return getDb().select({ id: users.usualProductId }).from(users).where(eq(users.id, userId)).get()?.id ?? null;
}
