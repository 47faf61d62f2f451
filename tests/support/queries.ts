import type { Db } from "#db/client";

const EXECUTING = ["run", "get", "all", "iterate"] as const;

/**
 * Runs `work` and counts the SQL statements it executes on `db`: every run/get/all/iterate of a prepared statement,
 * those prepared earlier and kept (`preparedQuery`) included, since the methods are counted on the statements' class.
 */
export async function countStatements<T>(db: Db, work: () => T | Promise<T>): Promise<{ result: T; statements: number }> {
  const proto = Object.getPrototypeOf(db.$client.prepare("select 1")) as Record<(typeof EXECUTING)[number], (...args: unknown[]) => unknown>;
  const originals = EXECUTING.map((name) => proto[name]);
  let statements = 0;
  EXECUTING.forEach((name, i) => {
    proto[name] = function (this: unknown, ...args: unknown[]) {
      statements++;
      return originals[i].apply(this, args);
    };
  });
  try {
    const result = await work();
    return { result, statements };
  } finally {
    EXECUTING.forEach((name, i) => (proto[name] = originals[i]));
  }
}
