import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CAMPAIGN_STATUSES } from "../vocabularies/surveys";
import { users } from "./accounts";
import { products } from "./vendors";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const questionnaires = sqliteTable("questionnaires", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

/** A version's definition is frozen once a campaign uses it; `changes` compares it with the previous version. */
export const questionnaireVersions = sqliteTable(
  "questionnaire_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionnaireId: integer("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id),
    number: integer("number").notNull(),
    definition: text("definition", { mode: "json" }).notNull().$type<unknown>(),
    changes: text("changes", { mode: "json" }).notNull().$type<{ key: string; change: string }[]>().default(sql`'[]'`),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("questionnaire_versions_number_idx").on(t.questionnaireId, t.number)],
);

export const campaigns = sqliteTable("campaigns", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  wave: text("wave").notNull(),
  versionId: integer("version_id")
    .notNull()
    .references(() => questionnaireVersions.id),
  // The earlier wave this one is compared with, item by item where the items are comparable.
  previousCampaignId: integer("previous_campaign_id"),
  status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
  opensOn: text("opens_on").notNull(),
  closesOn: text("closes_on").notNull(),
  audienceRoles: text("audience_roles", { mode: "json" }).notNull().$type<string[]>().default(sql`'["practitioner"]'`),
  audienceProfessions: text("audience_professions", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
  // What is rated: the respondent's software from the catalogue, or one of the listed national services.
  subjectKind: text("subject_kind", { enum: ["software", "service"] }).notNull().default("software"),
  subjectServices: text("subject_services", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
  // Signed-in professionals of the audience may answer without an invitation, once each.
  allowSignedIn: integer("allow_signed_in", { mode: "boolean" }).notNull().default(false),
  invitedCount: integer("invited_count").notNull().default(0),
  createdAt: text("created_at").notNull().default(now),
});

/**
 * Single-use invitations: only the token's hash is kept. The draft lives here until submission;
 * the response itself has no link back (no key, no time finer than the day).
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    tokenHash: text("token_hash").notNull().unique(),
    draft: text("draft", { mode: "json" }).$type<Record<string, unknown> | null>(),
    usedOn: text("used_on"),
    // Set for invitations sent by e-mail to a member of the audience (to send one reminder); never on responses.
    inviteeId: integer("invitee_id").references(() => users.id, { onDelete: "set null" }),
    remindedAt: text("reminded_at"),
  },
  (t) => [
    index("invitations_campaign_idx").on(t.campaignId),
    uniqueIndex("invitations_invitee_idx").on(t.campaignId, t.inviteeId),
    // A person's invitations (the header's count of awaiting questionnaires, on every signed-in page): without it, a
    // read of every invitation.
    index("invitations_invitee_only_idx").on(t.inviteeId),
  ],
);

/** Signed-in participation without invitation: once per person, never linked to the response. */
export const participations = sqliteTable(
  "participations",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    draft: text("draft", { mode: "json" }).$type<Record<string, unknown> | null>(),
    submittedOn: text("submitted_on"),
  },
  // A person's participations, for the same count: the primary key is led by the campaign.
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] }), index("participations_user_idx").on(t.userId)],
);

export const responses = sqliteTable(
  "responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    // The rated subject: the respondent's software.
    subjectProductId: integer("subject_product_id").references(() => products.id),
    subjectService: text("subject_service"),
    submittedOn: text("submitted_on").notNull(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
  },
  (t) => [index("responses_campaign_idx").on(t.campaignId, t.subjectProductId)],
);

/** Published results are an immutable snapshot, with the method used to compute them. */
export const resultSnapshots = sqliteTable("result_snapshots", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  publishedAt: text("published_at").notNull(),
  method: text("method").notNull(),
  results: text("results", { mode: "json" }).notNull().$type<unknown>(),
});

/**
 * Themes the team gives to free-text answers. An answer is known by a hash of its question and masked text, never by
 * its response: tags cannot link an answer to the other answers of the same response.
 */
export const surveyTextTags = sqliteTable(
  "survey_text_tags",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    answerHash: text("answer_hash").notNull(),
    // A theme's slug (the irritants' themes, a layer above surveys: no foreign key, the caller checks it).
    themeSlug: text("theme_slug").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.itemKey, t.answerHash, t.themeSlug] })],
);

/*
 * A campaign's free-text answers kept for the team's page (issue 21): the page read and masked every text of the
 * wave on each view. Kept in the transaction that stores a response, rebuilt from the responses when the campaign's
 * revision (kept by triggers) moved past the one they account for, as the tallies are.
 */

/** Each distinct masked text of a question: how many gave it, and the rank (0 = oldest) of its first answer. */
export const surveyTextAnswers = sqliteTable(
  "survey_text_answers",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    /** The answer's hash (of its question and masked text), as the tags know it. */
    hash: text("hash").notNull(),
    text: text("text").notNull(),
    /** The text without case or accents: the page's alphabetical order, read a page at a time. */
    sortKey: text("sort_key").notNull(),
    times: integer("times").notNull(),
    firstRank: integer("first_rank").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.itemKey, t.hash] }), index("survey_text_answers_order_idx").on(t.campaignId, t.itemKey, t.sortKey, t.hash)],
);

/** Which text each answer of a question gave, by its rank: the newest ranks are those a running wave holds back. */
export const surveyTextRanks = sqliteTable(
  "survey_text_ranks",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    rank: integer("rank").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.itemKey, t.rank] })],
);

/** The campaign revision (`survey_campaign_counts.revision`) the kept texts account for. */
export const surveyTextState = sqliteTable("survey_text_state", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  revision: integer("revision").notNull(),
});

/*
 * Incremental tallies of each campaign's answers (issue 21), kept in the transaction that stores a response and
 * rebuilt from the responses when they disagree with them (`npm run surveys:tallies` rebuilds them all). A cell is a
 * reportable question (a measure) for one group of respondents (subject key: "p:<product id>", "s:<service>" or
 * "none"). `counted` is the team's provisional view: each cell's oldest whole batches of PUBLIC_MIN_CELL answers, one
 * batch behind; answers not yet in it wait in `survey_tally_pending` (fewer than two batches per cell).
 */
export const surveyTallyState = sqliteTable("survey_tally_state", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  responses: integer("responses").notNull(),
  lastResponseId: integer("last_response_id").notNull(),
  /** The `survey_campaign_counts.revision` of the responses these tallies account for; -1 when unknown. */
  revision: integer("revision").notNull().default(-1),
});

/**
 * Per campaign, counts kept by triggers on `responses` and `invitations` (migration 0035, hand-written SQL): every
 * insert, deletion and edit, whichever path makes it (the application, a seed, a script). Pages read them instead of
 * counting rows (issue 21: a count over a 100,000-response wave grows with it). `revision` moves on every change to
 * the campaign's responses: the tallies are current when theirs equals it.
 */
export const surveyCampaignCounts = sqliteTable("survey_campaign_counts", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  responses: integer("responses").notNull().default(0),
  revision: integer("revision").notNull().default(0),
  /** Invitations used (anonymous links and e-mailed ones). */
  invitationsUsed: integer("invitations_used").notNull().default(0),
  /** Invitations e-mailed to a member of the audience (`invitee_id` set), used ones, reminded ones. */
  emailed: integer("emailed").notNull().default(0),
  emailedUsed: integer("emailed_used").notNull().default(0),
  emailedReminded: integer("emailed_reminded").notNull().default(0),
});

/** The groups of respondents in the order of their first response (the results list them in that order). */
export const surveyTallySubjects = sqliteTable(
  "survey_tally_subjects",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    subject: text("subject").notNull(),
    firstResponseId: integer("first_response_id").notNull(),
  },
  // Covering, in the order read: one wave's groups are a range of it, whatever the number of waves (issue 21).
  (t) => [primaryKey({ columns: [t.campaignId, t.subject] }), index("survey_tally_subjects_read_idx").on(t.campaignId, t.firstResponseId, t.subject)],
);

/** How many respondents answered a measure in a group. */
export const surveyTallyCells = sqliteTable(
  "survey_tally_cells",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    measure: text("measure").notNull(),
    subject: text("subject").notNull(),
    answered: integer("answered").notNull(),
  },
  // Covering: reading one wave's cells never reads the table (with few waves, the planner scanned it rather than
  // use the primary key and fetch each row).
  (t) => [primaryKey({ columns: [t.campaignId, t.measure, t.subject] }), index("survey_tally_cells_read_idx").on(t.campaignId, t.measure, t.subject, t.answered)],
);

/** How often each value (JSON) was given in a cell: in every answer (`total`) and in the provisional view (`counted`). */
export const surveyTallyValues = sqliteTable(
  "survey_tally_values",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    measure: text("measure").notNull(),
    subject: text("subject").notNull(),
    value: text("value").notNull(),
    total: integer("total").notNull(),
    counted: integer("counted").notNull(),
  },
  // Covering, as the cells'.
  (t) => [
    primaryKey({ columns: [t.campaignId, t.measure, t.subject, t.value] }),
    index("survey_tally_values_read_idx").on(t.campaignId, t.measure, t.subject, t.value, t.total, t.counted),
  ],
);

/** Values of the answers of a cell not yet in its provisional view, by their rank in the cell (0 = oldest). */
export const surveyTallyPending = sqliteTable(
  "survey_tally_pending",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    measure: text("measure").notNull(),
    subject: text("subject").notNull(),
    rank: integer("rank").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.measure, t.subject, t.rank, t.value] })],
);
