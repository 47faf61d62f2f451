import { eq } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, runMigrations, setDb, type Db } from "#db/client";
import { users } from "#db/schema";
import { connectCapabilities } from "../../app/capabilities.server";
import { runDataMigrations } from "../../app/data-migrations.server";
import { fileIrritant, updateIrritant } from "../../app/modules/irritants/index.server";
import { EVALUATION_ACCOUNTS, measureLookUps, readLabelledSet, sessionUser, type Split } from "./evaluate";

/**
 * The similar-irritant evaluation at national scale (issue 19): each original of a labelled set buried among the older
 * irritants of a `seed:scale` database, on a copy of it, then every look-up of the set made as on the small database.
 */

const SIDE_FILES = ["-wal"] as const;

/** Copies a `seed:scale` database (and its write-ahead log, if any) into a new folder under `dir`; `file` is only read. */
export function copyScaleDatabase(file: string, dir: string) {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`${file} does not exist.`);
  fs.mkdirSync(dir, { recursive: true });
  const folder = fs.mkdtempSync(path.join(path.resolve(dir), "similar-scale-"));
  const copy = path.join(folder, "scale.db");
  fs.copyFileSync(source, copy);
  for (const suffix of SIDE_FILES) if (fs.existsSync(source + suffix)) fs.copyFileSync(source + suffix, copy + suffix);
  return { copy, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** Opens a copy as the application's database: pending migrations run, as at start-up. */
export function openScaleCopy(copy: string): Db {
  const db = openDatabase(copy);
  runMigrations(db);
  runDataMigrations(db);
  setDb(db);
  connectCapabilities();
  return db;
}

/** The evaluation's viewer: a practitioner who filed nothing (the small evaluation's `soutien-1`); added when missing. */
export function evaluationViewer(db: Db) {
  const exists = db.select({ id: users.id }).from(users).where(eq(users.email, EVALUATION_ACCOUNTS.viewer)).get();
  if (!exists) {
    db.insert(users)
      .values({ email: EVALUATION_ACCOUNTS.viewer, displayName: "Soutien 1 (évaluation)", role: "practitioner", profession: "medecin", practiceMode: "liberal" })
      .run();
  }
  return sessionUser(EVALUATION_ACCOUNTS.viewer, db);
}

/** mulberry32, as in seed:scale: the same seed buries the same originals at the same dates. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of the seeded history, from its start, the originals' dates are drawn in (the first two of three years). */
const OLDER_PART = 2 / 3;

/**
 * Files each original through the application (`fileIrritant`: masking, themes, counters, the index entry the
 * application writes, with its vocabulary; then `updateIrritant` publishes it), and buries it: it takes the place of a
 * seeded irritant filed about a date drawn uniformly over the older part of the history, with that date and that id.
 *
 * The id matters as much as the date: the engine breaks ties and, when even a text's rarest word is common, takes the
 * newest candidates by id (the index's rowid), and a freshly filed irritant has the highest id. So the seeded irritant
 * filed just before the drawn date (just after it when none is before it;
 * unpublished, not merged nor merged into, without ticket or action: nobody sees it and nothing points to it) is
 * removed with its supports, themes, follows, events and index entry, and the original moves to its id, its index entry
 * moved as written. A hundred originals remove a hundred unpublished irritants of a million; the index's size (its
 * highest id) does not change. Counters (received, themes' counts) are left one per original too high.
 */
export function buryOriginals(db: Db, originals: { key: string; title: string; body: string }[], seed = 1) {
  const sqlite = db.$client;
  const author = sessionUser(EVALUATION_ACCOUNTS.author, db);
  const team = sessionUser(EVALUATION_ACCOUNTS.team, db);
  const range = sqlite.prepare("select min(created_at) as first, max(created_at) as last from irritants").get() as { first: string; last: string };
  const first = Date.parse(range.first);
  const until = first + OLDER_PART * (Date.parse(range.last) - first);
  const random = generator(seed);
  // The eligible seeded irritant filed last before the date (or, near the start of the history, first after it).
  const eligible = `i.published = 0 and i.merged_into_id is null and i.status != 'duplicate'
       and not exists (select 1 from irritants m where m.merged_into_id = i.id)
       and not exists (select 1 from tickets t where t.irritant_id = i.id)
       and not exists (select 1 from action_irritants a where a.irritant_id = i.id)
       and i.id not in (select value from json_each(?))`;
  const before = sqlite.prepare(`select i.id from irritants i indexed by irritants_created_idx where i.created_at <= ? and ${eligible} order by i.created_at desc limit 1`);
  const after = sqlite.prepare(`select i.id from irritants i indexed by irritants_created_idx where i.created_at > ? and ${eligible} order by i.created_at limit 1`);
  const slot = (date: string, taken: number[]) =>
    (before.get(date, JSON.stringify(taken)) ?? after.get(date, JSON.stringify(taken))) as { id: number } | undefined;
  const statements = {
    entry: sqlite.prepare("select text from irritants_fts where rowid = ?"),
    unindex: sqlite.prepare("delete from irritants_fts where rowid = ?"),
    index: sqlite.prepare("insert into irritants_fts (rowid, text) values (?, ?)"),
    events: sqlite.prepare("delete from events where subject_type = 'irritant' and subject_id = ?"),
    follows: sqlite.prepare("delete from follows where subject_type = 'irritant' and subject_id = ?"),
    remove: sqlite.prepare("delete from irritants where id = ?"),
    move: sqlite.prepare("update irritants set id = ? where id = ?"),
    themes: sqlite.prepare("update irritant_themes set irritant_id = ? where irritant_id = ?"),
    moveFollows: sqlite.prepare("update follows set subject_id = ? where subject_type = 'irritant' and subject_id = ?"),
    moveEvents: sqlite.prepare("update events set subject_id = ? where subject_type = 'irritant' and subject_id = ?"),
    date: sqlite.prepare("update irritants set created_at = ?, updated_at = ? where id = ?"),
  };
  const moveInto = sqlite.transaction((from: number, to: number) => {
    // The original's theme rows point to its id until they move too: checked at commit.
    sqlite.pragma("defer_foreign_keys = ON");
    statements.unindex.run(to);
    statements.events.run(to);
    statements.follows.run(to);
    statements.remove.run(to); // supports, themes, comments and attachments follow (on delete cascade)
    const { text } = statements.entry.get(from) as { text: string };
    statements.unindex.run(from);
    statements.move.run(to, from);
    statements.themes.run(to, from);
    statements.moveFollows.run(to, from);
    statements.moveEvents.run(to, from);
    statements.index.run(to, text);
  });

  const ids = new Map<string, number>();
  const dates = new Map<string, string>();
  const filingMs: number[] = [];
  for (const original of originals) {
    const date = new Date(first + random() * (until - first)).toISOString();
    const started = performance.now();
    const { id } = fileIrritant(author, { title: original.title, body: original.body });
    filingMs.push(performance.now() - started);
    const place = slot(date, [...ids.values()]);
    if (!place) throw new Error(`No seeded irritant can make room for ${original.key}.`);
    moveInto(id, place.id);
    updateIrritant(team, place.id, { published: true });
    statements.date.run(date, date, place.id);
    ids.set(original.key, place.id);
    dates.set(original.key, date);
  }
  return { ids, dates, filingMs, history: { first: range.first, last: range.last, until: new Date(until).toISOString() } };
}

/**
 * The whole run on a copy of `file`: copies it into `copyDir`, buries every original of the set (as the small evaluation
 * files them all; unrelated queries of one half may name originals of the other), then reopens the copy (the
 * engine's cached word frequencies start from the index as it now is) and looks every query of the split up as the
 * small evaluation's viewer. The copy is removed unless `keepCopy`.
 */
export function evaluateSimilarAtScale(split: Split, file: string, options: { copyDir: string; keepCopy?: boolean; seed?: number }) {
  const set = readLabelledSet(split);
  const { copy, remove } = copyScaleDatabase(file, options.copyDir);
  try {
    let db = openScaleCopy(copy);
    const irritants = (db.$client.prepare("select max(id) as n from irritants").get() as { n: number }).n;
    evaluationViewer(db);
    const buried = buryOriginals(
      db,
      set.pairs.map((p) => ({ key: p.id, ...p.original })),
      options.seed,
    );
    db.$client.close();
    db = openScaleCopy(copy);
    try {
      const viewer = sessionUser(EVALUATION_ACCOUNTS.viewer, db);
      return { ...measureLookUps(set, split, viewer, buried.ids), irritants, buried, copy: options.keepCopy ? copy : null };
    } finally {
      db.$client.close();
      setDb(undefined);
    }
  } finally {
    if (!options.keepCopy) remove();
  }
}
