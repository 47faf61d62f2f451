import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

export type DatabaseCheck = { ok: boolean; problems: string[]; migrations: number; irritants: number };

/**
 * Checks a database file: SQLite's integrity check, foreign keys, the migrations table, and that the kept
 * counters agree with the rows they count.
 */
export function checkDatabaseFile(file: string): DatabaseCheck {
  if (!fs.existsSync(file)) return { ok: false, problems: [`${file}: no such file`], migrations: 0, irritants: 0 };
  try {
    return checkOpenDatabase(new Database(file, { readonly: true, fileMustExist: true }));
  } catch (error) {
    return { ok: false, problems: [`unreadable: ${(error as Error).message}`], migrations: 0, irritants: 0 };
  }
}

function checkOpenDatabase(db: Database.Database): DatabaseCheck {
  const problems: string[] = [];
  try {
    const integrity = db.prepare("pragma integrity_check").pluck().all() as string[];
    if (integrity.join() !== "ok") problems.push(`integrity_check: ${integrity.slice(0, 5).join("; ")}`);
    const fk = db.prepare("pragma foreign_key_check").all();
    if (fk.length) problems.push(`${fk.length} foreign key violation(s)`);
    const hasMigrations = db.prepare("select count(*) from sqlite_master where name = '__drizzle_migrations'").pluck().get() as number;
    if (!hasMigrations) {
      problems.push("not a Sentinelle database (no migrations table)");
      return { ok: false, problems, migrations: 0, irritants: 0 };
    }
    const migrations = db.prepare("select count(*) from __drizzle_migrations").pluck().get() as number;
    const irritants = db.prepare("select count(*) from irritants").pluck().get() as number;
    // The counters' rule, irritants' publiclyVisible(), repeated: db/ does not import the application.
    const counted = db
      .prepare(
        `select coalesce(sum(case when published = 1 and hidden_at is null and merged_into_id is null then 1 else 0 end), 0) as published,
                coalesce(sum(case when published = 1 and hidden_at is null and merged_into_id is null and status = 'resolved' then 1 else 0 end), 0) as resolved
         from irritants`,
      )
      .get() as { published: number; resolved: number };
    const kept = Object.fromEntries((db.prepare("select key, value from counters").all() as { key: string; value: number }[]).map((r) => [r.key, r.value]));
    const expected: Record<string, number> = { "irritants.received": irritants, "irritants.published": counted.published, "irritants.resolved": counted.resolved };
    for (const [key, value] of Object.entries(expected)) {
      if ((kept[key] ?? 0) !== value) problems.push(`counter ${key} is ${kept[key] ?? 0}, rows say ${value}`);
    }
    const supportDrift = db
      .prepare("select count(*) from irritants i where i.support_count != (select count(*) from supports s where s.irritant_id = i.id)")
      .pluck()
      .get() as number;
    if (supportDrift) problems.push(`${supportDrift} irritant(s) whose support count disagrees with their supports`);
    return { ok: problems.length === 0, problems, migrations, irritants };
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of a live database through SQLite's online backup API: the app keeps serving and writing;
 * the copy is a snapshot of one moment. Written beside the destination, checked, then renamed into place.
 */
export async function backupDatabase(source: string, destination: string, onProgress?: (done: number, total: number) => void) {
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    await db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 200; // pages per step: writers get the lock between steps
      },
    });
  } finally {
    db.close();
  }
  const check = checkDatabaseFile(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new Error(`The copy failed its checks: ${check.problems.join("; ")}`);
  }
  fs.renameSync(partial, destination);
  return check;
}

/**
 * Puts a checked backup in place of the database. The server must be stopped: the file is replaced under it.
 * Refuses a backup that fails its checks, or one made by a newer version of the app (more migrations).
 */
export function restoreDatabase(backup: string, target: string, knownMigrations: number, { force = false } = {}) {
  const check = checkDatabaseFile(backup);
  if (!check.ok) throw new Error(`The backup failed its checks: ${check.problems.join("; ")}`);
  if (check.migrations > knownMigrations) throw new Error(`The backup comes from a newer version (${check.migrations} migrations; this version knows ${knownMigrations}).`);
  if (fs.existsSync(target) && !force) throw new Error(`${target} exists: pass --force to replace it (stop the server first).`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backup, incoming);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(incoming, target);
  return check;
}

/** The attached files' folder of a database file: `attachments/` beside it (the attachments module's rule, repeated). */
function attachmentsDirOf(databaseFile: string) {
  return path.join(path.dirname(path.resolve(databaseFile)), "attachments");
}

/** Where a backup keeps the attached files: a folder beside the backup file, `<backup>.attachments/`. */
export function backupAttachmentsDir(backupFile: string) {
  return `${path.resolve(backupFile)}.attachments`;
}

/**
 * Copies the attached files (masked images, thumbnails, and images still waiting for analysis) beside a backup.
 * Taken after the database copy: files are named by content and only deleted with their row, so every file the
 * copied rows name is there (a file added since is copied too, harmlessly). Returns how many files were copied.
 */
export function backupAttachments(databaseFile: string, backupFile: string): number {
  const source = attachmentsDirOf(databaseFile);
  const destination = backupAttachmentsDir(backupFile);
  fs.rmSync(destination, { recursive: true, force: true });
  if (!fs.existsSync(source)) return 0;
  // Not `held/`: files waiting between the filing form's duplicate check and its submission are not yet masked, no
  // row names them and they are swept within a day; a backup, kept far longer, must not carry them.
  const held = path.resolve(source, "held");
  fs.cpSync(source, destination, { recursive: true, filter: (file) => path.resolve(file) !== held });
  return fs.readdirSync(destination, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/** Puts a backup's attached files in place of the database's (none in the backup: the folder is emptied). */
export function restoreAttachments(backupFile: string, databaseFile: string): number {
  const source = backupAttachmentsDir(backupFile);
  const target = attachmentsDirOf(databaseFile);
  fs.rmSync(target, { recursive: true, force: true });
  if (!fs.existsSync(source)) return 0;
  fs.cpSync(source, target, { recursive: true });
  return fs.readdirSync(target, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}
