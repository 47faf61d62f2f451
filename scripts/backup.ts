/**
 * `npm run backup -- <file>`: a consistent online copy of the database named by DATABASE_URL, taken while the
 * app serves (SQLite online backup API), checked before it is kept; the attached files are copied beside it, into
 * `<file>.attachments/`.
 */
import { backupAttachments, backupAttachmentsDir, backupDatabase } from "../db/backup";
import { getEnv } from "../app/lib/env.server";

const destination = process.argv[2];
if (!destination) {
  console.error("Usage: npm run backup -- <destination file>");
  process.exit(2);
}
const source = getEnv().DATABASE_URL;
try {
  const check = await backupDatabase(source, destination, (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\rCopying ${Math.round((100 * done) / Math.max(total, 1))} %`);
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  const files = backupAttachments(source, destination);
  console.log(`Backup of ${source} written to ${destination}: ${check.irritants} irritants, ${check.migrations} migrations, checks passed.`);
  console.log(`Attached files: ${files} copied to ${backupAttachmentsDir(destination)}.`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
