import { and, asc, eq, gt, sql } from "drizzle-orm";
import { DEFAULT_KEYWORD_RULES } from "~/modules/irritants";
import { initialiseCounters, reindexIrritants } from "~/modules/irritants/index.server";
import { initialiseFirstResponseCounters } from "~/modules/tickets/index.server";
import { type LegacySnapshot, PUBLIC_MIN_CELL, secureLegacySnapshot } from "~/modules/surveys";
import type { Db } from "#db/client";
import { linkedIrritantIds } from "~/lib/email-template";
import { outboxEmails, outboxMentions, resultSnapshots, themes } from "#db/schema";

/**
 * Data changes that need application code (so they cannot be plain SQL migrations).
 * Each runs once per database, recorded by name, after the schema migrations.
 */
const DATA_MIGRATIONS: { name: string; run: (db: Db) => void }[] = [
  {
    // The default keyword rules of the seeded themes; the team edits them afterwards.
    name: "0001-default-theme-keywords",
    run: (db) => {
      for (const [slug, keywords] of Object.entries(DEFAULT_KEYWORD_RULES)) {
        db.update(themes).set({ keywords }).where(and(eq(themes.slug, slug), eq(themes.keywords, []))).run();
      }
    },
  },
  {
    // Headline counters, from the rows present when this runs; kept up to date by every change afterwards.
    name: "0002-irritant-counters",
    run: (db) => initialiseCounters(db),
  },
  {
    // Distribution of vendors' first-response times (working days), kept with each first response afterwards.
    name: "0003-first-response-counters",
    run: (db) => initialiseFirstResponseCounters(db),
  },
  {
    // Survey snapshots published before every group was a cell: the no-software remainder could be rebuilt by
    // subtraction. They are masked (never recomputed: a published figure is never changed, only hidden).
    name: "0004-survey-snapshots-no-subject-cell",
    run: (db) => {
      for (const snapshot of db.select({ campaignId: resultSnapshots.campaignId, results: resultSnapshots.results }).from(resultSnapshots).all()) {
        const results = snapshot.results as LegacySnapshot;
        const secured = secureLegacySnapshot(results, Math.max(results.minCell, PUBLIC_MIN_CELL));
        if (secured !== results) db.update(resultSnapshots).set({ results: secured }).where(eq(resultSnapshots.campaignId, snapshot.campaignId)).run();
      }
    },
  },
  {
    // The field's vocabulary (issue 19): the index holds concept tokens for synonyms and abbreviations, which queries
    // now use; entries written before are rewritten once. A later change of the vocabulary runs `npm run reindex`.
    name: "0005-search-index-vocabulary",
    run: (db) => void reindexIrritants(db),
  },
  {
    // Received irritants by voice (patients, vendors about another vendor, collected by the team), so that the public
    // figures say whose reports they count (decision 028, amended): every counter recomputed from the rows.
    name: "0006-irritant-voice-counters",
    run: (db) => initialiseCounters(db),
  },
  {
    // The irritants' pages each e-mail already queued links to (migration 0042): retention finds them there from now on.
    name: "0007-outbox-mentions",
    run: (db) => {
      for (let after = 0; ; ) {
        const rows = db.select({ id: outboxEmails.id, text: outboxEmails.text, html: outboxEmails.html }).from(outboxEmails).where(gt(outboxEmails.id, after)).orderBy(asc(outboxEmails.id)).limit(500).all();
        if (rows.length === 0) break;
        const mentions = rows.flatMap((row) => linkedIrritantIds(row.text, row.html).map((irritantId) => ({ irritantId, outboxId: row.id })));
        for (let i = 0; i < mentions.length; i += 500) db.insert(outboxMentions).values(mentions.slice(i, i + 500)).onConflictDoNothing().run();
        after = rows.at(-1)!.id;
      }
    },
  },
];

export function runDataMigrations(db: Db) {
  db.run(sql`create table if not exists data_migrations (name text primary key, applied_at text not null)`);
  for (const migration of DATA_MIGRATIONS) {
    db.transaction((tx) => {
      const done = tx.get<{ name: string } | undefined>(sql`select name from data_migrations where name = ${migration.name}`);
      if (done) return;
      migration.run(tx as unknown as Db);
      tx.run(sql`insert into data_migrations (name, applied_at) values (${migration.name}, ${new Date().toISOString()})`);
    });
  }
}
