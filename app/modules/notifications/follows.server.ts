import { and, eq, isNull } from "drizzle-orm";
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

/** What a person follows, newest first, with the page of each subject. */
export function listFollows(userId: number) {
  const db = getDb();
  const rows = db.select().from(follows).where(eq(follows.userId, userId)).all();
  return rows
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((r) => {
      const description = describeSubject(r.subjectType, r.subjectId);
      let url = `/signalements/${r.subjectId}`;
      if (r.subjectType === "action") url = `/plan-action/${r.subjectId}`;
      if (r.subjectType === "theme") url = `/avancement/themes/${db.select({ slug: themes.slug }).from(themes).where(eq(themes.id, r.subjectId)).get()?.slug ?? ""}`;
      return { subjectType: r.subjectType, subjectId: r.subjectId, description, url };
    });
}
