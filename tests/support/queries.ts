import type { Db } from "#db/client";

const EXECUTING = ["run", "get", "all", "iterate"] as const;

/**
 * Runs `work` and calls `seen` for every SQL statement it executes on `db`: every run/get/all/iterate of a prepared
 * statement, those prepared earlier and kept (`preparedQuery`) included, since the methods are patched on the
 * statements' class.
 */
async function watchStatements<T>(db: Db, seen: (sql: string, args: unknown[]) => void, work: () => T | Promise<T>): Promise<T> {
  const proto = Object.getPrototypeOf(db.$client.prepare("select 1")) as Record<(typeof EXECUTING)[number], (...args: unknown[]) => unknown>;
  const originals = EXECUTING.map((name) => proto[name]);
  EXECUTING.forEach((name, i) => {
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      seen(this.source, args);
      return originals[i].apply(this, args);
    };
  });
  try {
    return await work();
  } finally {
    EXECUTING.forEach((name, i) => (proto[name] = originals[i]));
  }
}

/** Runs `work` and counts the SQL statements it executes on `db`. */
export async function countStatements<T>(db: Db, work: () => T | Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const result = await watchStatements(db, () => statements++, work);
  return { result, statements };
}

/** Runs `work` and returns every SQL statement it executed on `db`, with its parameters, in order. */
export async function executedStatements<T>(db: Db, work: () => T | Promise<T>): Promise<{ sql: string; args: unknown[] }[]> {
  const executed: { sql: string; args: unknown[] }[] = [];
  await watchStatements(db, (sql, args) => executed.push({ sql, args }), work);
  return executed;
}

/**
 * Runs `work` and returns the query plan of every statement it executed on `db` (SQLite's `EXPLAIN QUERY PLAN`, with
 * the same parameters), to find statements that read a whole table.
 */
export async function capturePlans<T>(db: Db, work: () => T | Promise<T>): Promise<{ sql: string; plan: string[] }[]> {
  return (await executedStatements(db, work))
    .filter((s) => /^\s*(select|update|delete|insert|with)\b/i.test(s.sql))
    .map((s) => ({
      sql: s.sql,
      plan: (db.$client.prepare(`explain query plan ${s.sql}`).all(...s.args) as { detail: string }[]).map((row) => row.detail),
    }));
}

/** Tables whose size follows the irritants, supports, tickets or responses: at national scale, millions of rows. */
const GROWING = ["irritants", "supports", "events", "tickets", "ticket_messages", "irritant_themes", "comments", "responses", "notifications", "outbox_emails", "attachments", "participations", "invitations", "follows", "sessions", "users"];

/**
 * The lines of `plans` that read a growing table whole: a plain scan, a scan of a full index, or a search of a full
 * index for NULL. A scan of a partial index (only the rows a sweep is about) is allowed.
 */
export function scansOfGrowingTables(db: Db, plans: { sql: string; plan: string[] }[]) {
  const partial = new Set(db.$client.prepare("select name from sqlite_master where type = 'index' and sql like '% where %'").pluck().all() as string[]);
  return plans.flatMap(({ sql, plan }) =>
    plan
      .filter((line) => {
        // A search for NULL through a full index reads every row the column does not apply to (every e-mail without
        // an event, say): as much a scan as a plain one.
        const nullKey = /^SEARCH (\w+) USING (?:COVERING )?INDEX (\w+) \((\w+)=\?\)/.exec(line);
        if (nullKey && GROWING.includes(nullKey[1]) && !partial.has(nullKey[2]) && new RegExp(`"${nullKey[1]}"\\."${nullKey[3]}" is null`, "i").test(sql)) return true;
        const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(line);
        if (scan === null || !GROWING.includes(scan[1]) || (scan[2] && partial.has(scan[2]))) return false;
        // The newest rows of a table, unfiltered, read in its key order: the scan stops at the limit.
        const newestFirst = !/\bwhere\b/i.test(sql) && new RegExp(`order by "${scan[1]}"\\."id" desc limit`, "i").test(sql) && !plan.some((l) => l.includes("TEMP B-TREE FOR ORDER BY"));
        return !newestFirst;
      })
      .map((line) => `${line}  ←  ${sql.slice(0, 2000)}`),
  );
}
