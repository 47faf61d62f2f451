import { todayInParis } from "~/lib/dates";
import { desc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, invitations, participations, users } from "#db/schema";
import type { SessionUser } from "~/lib/session-users.server";
import { emailedInvitationToken } from "./campaigns.server";
import type { CampaignStatus } from "./vocabulary";

type CampaignRow = Pick<typeof campaigns.$inferSelect, "id" | "slug" | "title" | "wave" | "status" | "opensOn" | "closesOn" | "audienceRoles" | "audienceProfessions" | "allowSignedIn">;

export type MyQuestionnaire = {
  slug: string;
  title: string;
  wave: string;
  closesOn: string;
  status: CampaignStatus;
  /** Where to answer (an open wave not answered yet), null otherwise. */
  answerUrl: string | null;
  /** A draft was saved: the answer resumes where it stopped. */
  started: boolean;
  answered: boolean;
};

const columns = {
  id: campaigns.id,
  slug: campaigns.slug,
  title: campaigns.title,
  wave: campaigns.wave,
  status: campaigns.status,
  opensOn: campaigns.opensOn,
  closesOn: campaigns.closesOn,
  audienceRoles: campaigns.audienceRoles,
  audienceProfessions: campaigns.audienceProfessions,
  allowSignedIn: campaigns.allowSignedIn,
};

/**
 * The questionnaires of a signed-in person: the waves open today that they may answer — signed in, when the wave
 * lets its audience (role, profession) answer that way, or through the personal invitation e-mailed to them — and
 * not answered yet, with where to answer; then those they answered, marked as such. Nothing here links a response to
 * its author: "answered" is read from the participation or the invitation, never from the responses.
 */
export function questionnairesFor(user: SessionUser): MyQuestionnaire[] {
  const db = getDb();
  const today = todayInParis();
  const mine = db
    .select({ campaignId: participations.campaignId, submittedOn: participations.submittedOn, draft: participations.draft })
    .from(participations)
    .where(eq(participations.userId, user.id))
    .all();
  const invited = db
    .select({ id: invitations.id, campaignId: invitations.campaignId, usedOn: invitations.usedOn, draft: invitations.draft })
    .from(invitations)
    .where(eq(invitations.inviteeId, user.id))
    .all();
  const ids = [...new Set([...mine.map((p) => p.campaignId), ...invited.map((i) => i.campaignId)])];
  const rows: CampaignRow[] = db
    .select(columns)
    .from(campaigns)
    .where(or(eq(campaigns.status, "open"), ids.length ? inArray(campaigns.id, ids) : undefined))
    .orderBy(desc(campaigns.opensOn), campaigns.slug)
    .all();
  const profession = db.select({ p: users.profession }).from(users).where(eq(users.id, user.id)).get()?.p ?? null;
  const inAudience = (c: CampaignRow) =>
    c.audienceRoles.includes(user.role) && (!c.audienceProfessions.length || (profession !== null && c.audienceProfessions.includes(profession)));

  const result: MyQuestionnaire[] = [];
  for (const c of rows) {
    const participation = mine.find((p) => p.campaignId === c.id);
    const invitation = invited.find((i) => i.campaignId === c.id);
    const answered = !!participation?.submittedOn || !!invitation?.usedOn;
    const openToday = c.status === "open" && c.opensOn <= today && today <= c.closesOn;
    const bySignIn = c.allowSignedIn && inAudience(c);
    let answerUrl: string | null = null;
    if (openToday && !answered) {
      if (bySignIn) answerUrl = `/enquetes/${c.slug}`;
      else if (invitation) answerUrl = `/enquetes/${c.slug}?${new URLSearchParams({ jeton: emailedInvitationToken(invitation.id) })}`;
    }
    if (!answered && !answerUrl) continue;
    const started = !answered && !!(bySignIn ? participation?.draft : invitation?.draft);
    result.push({ slug: c.slug, title: c.title, wave: c.wave, closesOn: c.closesOn, status: c.status, answerUrl, started, answered });
  }
  return result.sort((a, b) => Number(a.answered) - Number(b.answered));
}

/** How many questionnaires await the person (open today, theirs to answer, not answered): the header's count. */
export function awaitingSurveysCount(user: SessionUser): number {
  return questionnairesFor(user).filter((q) => q.answerUrl !== null).length;
}

/**
 * The waves open today, each with whether its audience may answer signed in (`/resultats` links those to their
 * questionnaire; the others are answered through a personal invitation).
 */
export function openWaves(): { slug: string; allowSignedIn: boolean }[] {
  const today = todayInParis();
  return getDb()
    .select({ slug: campaigns.slug, opensOn: campaigns.opensOn, closesOn: campaigns.closesOn, allowSignedIn: campaigns.allowSignedIn })
    .from(campaigns)
    .where(eq(campaigns.status, "open"))
    .all()
    .filter((c) => c.opensOn <= today && today <= c.closesOn)
    .map(({ slug, allowSignedIn }) => ({ slug, allowSignedIn }));
}
