import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { OUTCOME_SOURCES, OUTCOME_TARGETS, SIDE_DETAILS, SIDES, SLOT_KINDS, WORKSHOP_STATUSES } from "../vocabularies/seminars";
import { users } from "./accounts";
import { themes } from "./irritants";
import { campaigns } from "./surveys";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** A tripartite seminar: the event, its objectives and the team's feedback after it. */
export const seminars = sqliteTable(
  "seminars",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    // The day of the event (YYYY-MM-DD, Paris time).
    date: text("date").notNull(),
    place: text("place").notNull().default(""),
    description: text("description").notNull().default(""),
    objectives: text("objectives", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    // Shown on the public pages once published.
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    registrationOpen: integer("registration_open", { mode: "boolean" }).notNull().default(false),
    // Feedback recorded by the team after the event.
    positives: text("positives", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    improvements: text("improvements", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    // The post-event questionnaire, run by the surveys capability.
    feedbackCampaignId: integer("feedback_campaign_id").references(() => campaigns.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("seminars_date_idx").on(t.published, t.date)],
);

export const workshops = sqliteTable(
  "workshops",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    seminarId: integer("seminar_id")
      .notNull()
      .references(() => seminars.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    question: text("question").notNull(),
    // The team member (or any account) who runs the board; the label is what the pages show.
    facilitatorId: integer("facilitator_id").references(() => users.id),
    facilitatorLabel: text("facilitator_label").notNull().default(""),
    capacity: integer("capacity"),
    // Short code typed by participants (unambiguous characters, stored normalised).
    code: text("code").notNull().unique(),
    status: text("status", { enum: WORKSHOP_STATUSES }).notNull().default("draft"),
    votingOpen: integer("voting_open", { mode: "boolean" }).notNull().default(false),
    dotsPerParticipant: integer("dots_per_participant").notNull().default(3),
    // Bumped in the same transaction as every change of the board: what live views poll.
    revision: integer("revision").notNull().default(0),
    closedAt: text("closed_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("workshops_number_idx").on(t.seminarId, t.number), index("workshops_facilitator_idx").on(t.facilitatorId)],
);

/** Agenda time slots, in order. */
export const seminarSlots = sqliteTable(
  "seminar_slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    seminarId: integer("seminar_id")
      .notNull()
      .references(() => seminars.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    // As written: "Matinée", "9 h 30 – 10 h 30"…
    period: text("period").notNull().default(""),
    kind: text("kind", { enum: SLOT_KINDS }).notNull(),
    title: text("title").notNull(),
    workshopId: integer("workshop_id").references(() => workshops.id),
  },
  (t) => [index("seminar_slots_seminar_idx").on(t.seminarId, t.position)],
);

/** Who comes, and which side of the triangle they speak for. Guests have no account. */
export const seminarRegistrations = sqliteTable(
  "seminar_registrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    seminarId: integer("seminar_id")
      .notNull()
      .references(() => seminars.id),
    userId: integer("user_id").references(() => users.id),
    name: text("name").notNull(),
    // Lower-cased; one registration per address and seminar.
    email: text("email").notNull(),
    side: text("side", { enum: SIDES }).notNull(),
    sideDetail: text("side_detail", { enum: SIDE_DETAILS }),
    organisation: text("organisation").notNull().default(""),
    createdAt: text("created_at").notNull().default(now),
    // Set when the address was confirmed (the e-mailed link, a confirmed account, or the team adding the person);
    // only confirmed registrations count in capacity, the balance and the published figures.
    confirmedAt: text("confirmed_at"),
    // SHA-256 of the single-use link sent to the address; cleared once used. Unconfirmed rows expire (retention).
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmExpiresAt: text("confirm_expires_at"),
  },
  (t) => [uniqueIndex("seminar_registrations_email_idx").on(t.seminarId, t.email), index("seminar_registrations_user_idx").on(t.userId)],
);

export const registrationWorkshops = sqliteTable(
  "registration_workshops",
  {
    registrationId: integer("registration_id")
      .notNull()
      .references(() => seminarRegistrations.id, { onDelete: "cascade" }),
    workshopId: integer("workshop_id")
      .notNull()
      .references(() => workshops.id),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.workshopId] }), index("registration_workshops_workshop_idx").on(t.workshopId)],
);

/** Anonymous participants of a live board: a browser cookie's token, kept only as its hash. */
export const workshopParticipants = sqliteTable(
  "workshop_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workshopId: integer("workshop_id")
      .notNull()
      .references(() => workshops.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("workshop_participants_token_idx").on(t.workshopId, t.tokenHash)],
);

export const workshopClusters = sqliteTable(
  "workshop_clusters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workshopId: integer("workshop_id")
      .notNull()
      .references(() => workshops.id),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("workshop_clusters_workshop_idx").on(t.workshopId, t.position)],
);

export const workshopCards = sqliteTable(
  "workshop_cards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workshopId: integer("workshop_id")
      .notNull()
      .references(() => workshops.id),
    // Null for cards typed by the facilitator.
    participantId: integer("participant_id").references(() => workshopParticipants.id),
    text: text("text").notNull(),
    themeId: integer("theme_id").references(() => themes.id),
    clusterId: integer("cluster_id").references(() => workshopClusters.id),
    // What the redaction masked, by kind (never the masked values).
    redactions: text("redactions", { mode: "json" }).notNull().$type<Record<string, number>>().default(sql`'{}'`),
    hiddenAt: text("hidden_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("workshop_cards_workshop_idx").on(t.workshopId, t.id),
    index("workshop_cards_participant_idx").on(t.participantId, t.createdAt),
    index("workshop_cards_cluster_idx").on(t.clusterId),
  ],
);

/** Dot votes: one row per dot, on a card or on a cluster. */
export const workshopVotes = sqliteTable(
  "workshop_votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workshopId: integer("workshop_id")
      .notNull()
      .references(() => workshops.id),
    participantId: integer("participant_id")
      .notNull()
      .references(() => workshopParticipants.id),
    cardId: integer("card_id").references(() => workshopCards.id),
    clusterId: integer("cluster_id").references(() => workshopClusters.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("workshop_votes_participant_idx").on(t.workshopId, t.participantId),
    index("workshop_votes_card_idx").on(t.cardId),
    index("workshop_votes_cluster_idx").on(t.clusterId),
    check("workshop_votes_one_target", sql`(${t.cardId} is null) <> (${t.clusterId} is null)`),
  ],
);

/** Quotes, with the speaker's side and their consent to publish. */
export const seminarVerbatims = sqliteTable(
  "seminar_verbatims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    seminarId: integer("seminar_id")
      .notNull()
      .references(() => seminars.id),
    text: text("text").notNull(),
    side: text("side", { enum: SIDES }),
    consent: integer("consent", { mode: "boolean" }).notNull().default(false),
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("seminar_verbatims_seminar_idx").on(t.seminarId, t.position), check("seminar_verbatims_consent", sql`${t.published} = 0 or ${t.consent} = 1`)],
);

/** Restitution: a card or cluster that became an irritant or an action, linked both ways. */
export const seminarOutcomes = sqliteTable(
  "seminar_outcomes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    seminarId: integer("seminar_id")
      .notNull()
      .references(() => seminars.id),
    workshopId: integer("workshop_id")
      .notNull()
      .references(() => workshops.id),
    sourceKind: text("source_kind", { enum: OUTCOME_SOURCES }).notNull(),
    sourceId: integer("source_id").notNull(),
    targetKind: text("target_kind", { enum: OUTCOME_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("seminar_outcomes_source_idx").on(t.sourceKind, t.sourceId, t.targetKind),
    index("seminar_outcomes_target_idx").on(t.targetKind, t.targetId),
    index("seminar_outcomes_seminar_idx").on(t.seminarId, t.workshopId),
  ],
);
