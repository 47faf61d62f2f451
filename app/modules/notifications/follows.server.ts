import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { actions, follows, irritants, themes } from "#db/schema";
import { HttpError } from "~/lib/errors";

export type FollowSubjectType = "irritant" | "action" | "theme";

/** The people who follow a subject. */
export function followersOf(tx: DbOrTx, subjectType: FollowSubjectType, subjectId: number) {
  return tx
    .select({ id: follows.userId })
    .from(follows)
    .where(and(eq(follows.subjectType, subjectType), eq(follows.subjectId, subjectId)))
    .all()
    .map((f) => f.id);
}

export function isFollowing(userId: number, subjectType: FollowSubjectType, subjectId: number) {
  return !!getDb()
    .select({ u: follows.userId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.subjectType, subjectType), eq(follows.subjectId, subjectId)))
    .get();
}

/** Follows or stops following; the caller has checked that the person may see the subject. */
export function setFollow(tx: DbOrTx, userId: number, subjectType: FollowSubjectType, subjectId: number, follow: boolean) {
  if (follow) tx.insert(follows).values({ userId, subjectType, subjectId }).onConflictDoNothing().run();
  else tx.delete(follows).where(and(eq(follows.userId, userId), eq(follows.subjectType, subjectType), eq(follows.subjectId, subjectId))).run();
  return { following: follow };
}

/** Actions and themes are public: anyone signed in may follow them while they exist. */
export function followPublicSubject(userId: number, subjectType: "action" | "theme", subjectId: number, follow: boolean) {
  const exists =
    subjectType === "action"
      ? getDb().select({ id: actions.id }).from(actions).where(eq(actions.id, subjectId)).get()
      : getDb().select({ id: themes.id }).from(themes).where(and(eq(themes.id, subjectId), isNull(themes.retiredAt))).get();
  if (!exists) throw new HttpError(404, subjectType === "action" ? "Cette action n'existe pas." : "Ce thème n'existe pas.");
  return setFollow(getDb(), userId, subjectType, subjectId, follow);
}

const SUBJECT_NOUNS: Record<FollowSubjectType, string> = { irritant: "le signalement", action: "l'action", theme: "le thème" };

/** How a followed subject is named in pages and e-mails. */
export function describeSubject(subjectType: FollowSubjectType, subjectId: number) {
  const db = getDb();
  switch (subjectType) {
    case "irritant": {
      const title = db.select({ title: irritants.title }).from(irritants).where(eq(irritants.id, subjectId)).get()?.title;
      return title ? `le signalement « ${title} »` : `le signalement n°${subjectId}`;
    }
    case "action": {
      const title = db.select({ title: actions.title }).from(actions).where(eq(actions.id, subjectId)).get()?.title;
      return title ? `l'action « ${title} »` : `l'action n°${subjectId}`;
    }
    case "theme": {
      const label = db.select({ label: themes.label }).from(themes).where(eq(themes.id, subjectId)).get()?.label;
      return label ? `le thème « ${label} »` : `le thème n°${subjectId}`;
    }
  }
}

/** What a person follows, newest first (the latest `limit`), with the page of each subject: one query per kind. */
export function listFollows(userId: number, limit = 200) {
  const db = getDb();
  const rows = db.select().from(follows).where(eq(follows.userId, userId)).orderBy(desc(follows.createdAt)).limit(limit).all();
  const idsOf = (type: FollowSubjectType) => rows.filter((r) => r.subjectType === type).map((r) => r.subjectId);
  const titles = new Map<string, { name: string; slug?: string }>();
  const irritantIds = idsOf("irritant");
  if (irritantIds.length) for (const r of db.select({ id: irritants.id, title: irritants.title }).from(irritants).where(inArray(irritants.id, irritantIds)).all()) titles.set(`irritant:${r.id}`, { name: r.title });
  const actionIds = idsOf("action");
  if (actionIds.length) for (const r of db.select({ id: actions.id, title: actions.title }).from(actions).where(inArray(actions.id, actionIds)).all()) titles.set(`action:${r.id}`, { name: r.title });
  const themeIds = idsOf("theme");
  if (themeIds.length) for (const r of db.select({ id: themes.id, label: themes.label, slug: themes.slug }).from(themes).where(inArray(themes.id, themeIds)).all()) titles.set(`theme:${r.id}`, { name: r.label, slug: r.slug });
  return rows.map((r) => {
    const found = titles.get(`${r.subjectType}:${r.subjectId}`);
    const noun = SUBJECT_NOUNS[r.subjectType];
    const description = found ? `${noun} « ${found.name} »` : `${noun} n°${r.subjectId}`;
    const url = r.subjectType === "irritant" ? `/signalements/${r.subjectId}` : r.subjectType === "action" ? `/plan-action/${r.subjectId}` : `/avancement/themes/${found?.slug ?? ""}`;
    return { subjectType: r.subjectType, subjectId: r.subjectId, description, url };
  });
}
