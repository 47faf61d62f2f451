import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDb, type Db } from "#db/client";
import {
  countFromRows,
  findSimilar,
  listIrritants,
  readCounters,
  searchDocument,
} from "~/modules/irritants/index.server";
import { IRRITANT_STATUSES } from "~/modules/irritants/statuses";
import { answersSchemaFor } from "~/modules/surveys/answers";
import type { QuestionnaireDefinition } from "~/modules/surveys/definition";
import { firstResponseDistributionFromRows, readFirstResponseDistribution } from "~/modules/tickets/index.server";

// `npm run seed:scale` at a small size, on a fresh file: every counter it writes must match the rows it wrote.
const IRRITANTS = 2000;
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
let dir: string;
let file: string;
let db: Db;

function seed(...args: string[]) {
  return spawnSync(process.execPath, [tsx, "scripts/seed-scale.ts", ...args], { env: { ...process.env, DATABASE_URL: file }, encoding: "utf8" });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-seed-"));
  file = path.join(dir, "scale.db");
  execFileSync(process.execPath, [tsx, "scripts/seed-scale.ts", "--irritants", String(IRRITANTS), "--seed", "7"], {
    env: { ...process.env, DATABASE_URL: file },
    stdio: "pipe",
  });
  db = openDatabase(file);
  setDb(db);
});

afterAll(() => {
  db?.$client.close();
  setDb(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = <T = number>(query: string, ...params: unknown[]) => Object.values(db.$client.prepare(query).get(...params) as Record<string, T>)[0];

describe("seed:scale", () => {
  it("writes the requested volumes, proportionally to the irritants", () => {
    expect(one("select count(*) from irritants")).toBe(IRRITANTS);
    expect(one("select count(*) from supports")).toBe(3 * IRRITANTS);
    expect(one("select count(*) from users")).toBe(60);
    expect(one("select count(*) from responses")).toBe(IRRITANTS / 5);
    expect(one("select count(*) from campaigns")).toBe(2);
    expect(one("select count(*) from actions")).toBeGreaterThan(0);
    expect(one("select count(*) from indicators")).toBeGreaterThan(0);
    expect(one("select count(*) from events")).toBeGreaterThan(IRRITANTS);
    const statuses = db.$client.prepare("select distinct status from irritants").pluck().all();
    expect(new Set(statuses)).toEqual(new Set(IRRITANT_STATUSES));
    expect(one("select count(*) from themes where id not in (select theme_id from irritant_themes)")).toBe(0);
    expect(one("select count(*) from products where id not in (select product_id from irritants where product_id is not null)")).toBe(0);
  });

  it("publishes a tenth of the irritants, all of them looked at by the team", () => {
    const published = one("select count(*) from irritants where published = 1");
    expect(published / IRRITANTS).toBeGreaterThanOrEqual(0.09);
    expect(published / IRRITANTS).toBeLessThanOrEqual(0.11);
    expect(one("select count(*) from irritants where published = 1 and status in ('new', 'duplicate')")).toBe(0);
  });

  it("keeps the headline counters equal to the rows", () => {
    expect(readCounters(db)).toEqual(countFromRows(db));
  });

  it("keeps each theme's counts equal to its live and published irritants", () => {
    const themes = db.$client
      .prepare(
        `select t.slug, t.irritant_count as kept, t.published_count as keptPublished,
          (select count(*) from irritant_themes it join irritants i on i.id = it.irritant_id
            where it.theme_id = t.id and i.merged_into_id is null and i.hidden_at is null) as live,
          (select count(*) from irritant_themes it join irritants i on i.id = it.irritant_id
            where it.theme_id = t.id and i.merged_into_id is null and i.hidden_at is null and i.published = 1) as published
        from themes t`,
      )
      .all() as { slug: string; kept: number; keptPublished: number; live: number; published: number }[];
    for (const t of themes) expect({ slug: t.slug, total: t.kept, published: t.keptPublished }).toEqual({ slug: t.slug, total: t.live, published: t.published });
    expect(themes.reduce((sum, t) => sum + t.live, 0)).toBeGreaterThan(0);
  });

  it("keeps every irritant's support counts equal to its supports, each person once and never the author", () => {
    expect(
      one(`select count(*) from irritants i where support_count != (select count(*) from supports s where s.irritant_id = i.id)
        or patient_support_count != (select count(*) from supports s where s.irritant_id = i.id and s.lane = 'patient')`),
    ).toBe(0);
    expect(one("select count(*) from supports s join irritants i on i.id = s.irritant_id where s.user_id = i.author_id")).toBe(0);
    expect(one("select count(*) from supports s join users u on u.id = s.user_id where u.role not in ('practitioner', 'patient')")).toBe(0);
    expect(one("select max(support_count) from irritants")).toBeGreaterThan(3);
  });

  it("keeps the first-response distribution equal to the tickets", () => {
    const kept = readFirstResponseDistribution(db);
    expect(kept).toEqual(firstResponseDistributionFromRows(db));
    expect(kept.size).toBeGreaterThan(0);
  });

  it("keeps each campaign's invited count equal to its invitations, with answers that fit the questionnaire", () => {
    expect(one("select count(*) from campaigns c where invited_count != (select count(*) from invitations i where i.campaign_id = c.id)")).toBe(0);
    expect(one("select count(*) from campaigns c where (select count(*) from invitations i where i.campaign_id = c.id and used_on is not null) != (select count(*) from responses r where r.campaign_id = c.id)")).toBe(0);
    const rows = db.$client
      .prepare("select r.answers, v.definition from responses r join campaigns c on c.id = r.campaign_id join questionnaire_versions v on v.id = c.version_id")
      .all() as { answers: string; definition: string }[];
    const schemas = new Map<string, ReturnType<typeof answersSchemaFor>>();
    for (const r of rows) {
      if (!schemas.has(r.definition)) schemas.set(r.definition, answersSchemaFor(JSON.parse(r.definition) as QuestionnaireDefinition));
      expect(schemas.get(r.definition)!.safeParse(JSON.parse(r.answers)).success).toBe(true);
    }
    expect(schemas.size).toBe(2);
    expect(one("select count(*) from result_snapshots")).toBe(1);
  });

  it("indexes every irritant for search, folded and stemmed by the application", () => {
    expect(one("select count(*) from irritants_fts")).toBe(IRRITANTS);
    expect(one("select count(*) from irritants where id not in (select rowid from irritants_fts)")).toBe(0);
    const sample = db.$client.prepare("select i.title, i.body, f.text from irritants i join irritants_fts f on f.rowid = i.id where i.id % 97 = 0").all() as {
      title: string;
      body: string;
      text: string;
    }[];
    for (const r of sample) expect(r.text).toBe(searchDocument(r.title, r.body));
  });

  it("keeps merges, tickets and foreign keys coherent", () => {
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    expect(one("select count(*) from irritants where (status = 'duplicate') != (merged_into_id is not null)")).toBe(0);
    expect(one("select count(*) from irritants d join irritants t on t.id = d.merged_into_id where t.merged_into_id is not null")).toBe(0);
    expect(one("select count(*) from tickets t join irritants i on i.id = t.irritant_id where i.product_id is null or i.product_id != t.product_id or i.status in ('new', 'triaged')")).toBe(0);
    expect(one("select count(*) from tickets t join products p on p.id = t.product_id where p.vendor_id != t.vendor_id")).toBe(0);
  });

  it("is found by the application's search and similar-irritant suggestions", () => {
    const target = db.$client
      .prepare("select id, title from irritants where published = 1 and hidden_at is null and merged_into_id is null order by support_count desc, id limit 1")
      .get() as { id: number; title: string };
    const words = target.title.split(/\s+/).slice(0, 3).join(" ");
    const found: number[] = [];
    let cursor: string | undefined;
    do {
      const page = listIrritants(null, { q: words, cursor, limit: 100 });
      found.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor && !found.includes(target.id));
    expect(found).toContain(target.id);
    const similar = findSimilar(null, target.title, 5);
    expect(similar.some((s) => s.title === target.title)).toBe(true);
  });

  it("refuses to seed a database that already holds data, unless forced", () => {
    const refused = seed("--irritants", "100");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("already holds data");
  });
});
