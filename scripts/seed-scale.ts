/**
 * `npm run seed:scale -- --irritants 1000000 [--force] [--seed 1]`
 *
 * Fills the database named by DATABASE_URL (default data/scale.db) with generated data at national scale, through
 * the application's own schema (real migrations and data migrations) and its own text folding for the full-text
 * index. For N irritants: 3N supports, N/50 users, N/5 survey responses over two waves, tickets for the irritants
 * forwarded with a product, the events of every change, the demo action plan, indicators and progress updates.
 *
 * Every counter the application keeps (counters table, themes' counts, irritants' support counts, campaigns' invited
 * counts) is written by this script from what it inserted, never recomputed from the rows: the consistency test
 * (tests/integration/seed-scale.test.ts) compares them with the rows.
 */
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, runMigrations, setDb, type Db } from "#db/client";
import { runDataMigrations } from "../app/data-migrations.server";
import { campaigns, counters, eventCursors, organisations, products, themes, users } from "#db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoActionPlan } from "../app/seed/demo.server";
import { loadDemoIndicators } from "../app/seed/indicators.server";
import { loadDemoNextSteps } from "../app/seed/next-steps.server";
import { loadDemoProgressUpdates, loadDemoResources } from "../app/seed/progress.server";
import { generateAnswers } from "../app/seed/surveys.server";
import { createUser, type SessionUser } from "../app/modules/accounts/index.server";
import { PROFESSIONS } from "../app/modules/accounts";
import { searchDocument } from "../app/modules/irritants/index.server";
import { IRRITANT_STATUSES, type IrritantStatus } from "../app/modules/irritants";
import { getSettings } from "../app/modules/settings/index.server";
import {
  RESULTS_METHOD,
  computeResults,
  createCampaign,
  saveQuestionnaireVersion,
  rebuildAllTallies,
  setCampaignStatus,
} from "../app/modules/surveys/index.server";
import { SEGUR_QUESTIONNAIRE_V1, SEGUR_QUESTIONNAIRE_V2 } from "../app/modules/surveys";
import { addWorkingDays, workingDaysBetween } from "../app/modules/tickets";
import { rebuildScorecardTallies } from "../app/modules/tickets/index.server";
import { Progress } from "./scale/progress";
import {
  COMMON_SENTENCES,
  CORRESPONDENTS,
  DOCUMENTS,
  FIRST_NAMES,
  FREQUENCY_PHRASES,
  LAST_NAMES,
  PROFESSION_PHRASES,
  REGIONS,
  SCALE_VENDORS,
  THEME_VOCABULARY,
  TITLE_SUFFIXES,
} from "./scale/vocabulary";

// --- Options ---------------------------------------------------------------------------------------------------

type Options = { irritants: number; force: boolean; seed: number; batch: number; file: string };

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("Usage: DATABASE_URL=data/scale.db npm run seed:scale -- --irritants 1000000 [--force] [--seed 1] [--batch 10000]");
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const options: Options = { irritants: 1_000_000, force: false, seed: 1, batch: 10_000, file: process.env.DATABASE_URL || "data/scale.db" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isSafeInteger(v) || v < 1) usage(`${arg} needs a positive whole number.`);
      return v;
    };
    if (arg === "--irritants") options.irritants = value();
    else if (arg === "--seed") options.seed = value();
    else if (arg === "--batch") options.batch = value();
    else if (arg === "--force") options.force = true;
    else if (arg === "--help" || arg === "-h") usage();
    else usage(`Unknown option ${arg}.`);
  }
  if (options.irritants < 100) usage("--irritants must be at least 100.");
  return options;
}

// --- Deterministic randomness ----------------------------------------------------------------------------------

/** mulberry32: small, fast, deterministic; the same seed gives the same database. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  /** Index drawn with the given weights. */
  const weighted = (weights: readonly number[]) => {
    let total = 0;
    for (const w of weights) total += w;
    let r = next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  };
  return { next, int, pick, weighted };
}
type Rng = ReturnType<typeof generator>;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

// --- Vocabulary helpers ----------------------------------------------------------------------------------------

const THEME_SLUGS = ["ins", "mssante", "mes-dmp", "vsm", "ordonnance-numerique", "nommage-documents", "performance-lgc", "delegation", "formation", "autre"] as const;
// How often each theme is the main one, for professionals and for patients.
const PRO_THEME_WEIGHTS = [14, 16, 15, 8, 9, 5, 19, 4, 6, 4];
const PATIENT_THEME_WEIGHTS = [4, 2, 50, 2, 10, 28, 0, 0, 0, 4];
const STATUS_INDEX = Object.fromEntries(IRRITANT_STATUSES.map((s, i) => [s, i])) as Record<IrritantStatus, number>;

function fill(template: string, rng: Rng, product: { name: string; versions: string[] } | null) {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case "produit":
        return product?.name ?? "mon logiciel";
      case "version":
        return product ? rng.pick(product.versions) : "actuelle";
      case "minutes":
        return String(2 + rng.int(40));
      case "secondes":
        return String(5 + rng.int(55));
      case "nombre":
        return String(2 + rng.int(18));
      case "profession":
        return rng.pick(PROFESSION_PHRASES);
      case "frequence":
        return rng.pick(FREQUENCY_PHRASES);
      case "document":
        return rng.pick(DOCUMENTS);
      case "correspondant":
        return rng.pick(CORRESPONDENTS);
      default:
        return key;
    }
  });
}

/** A title and a body of varied length (one sentence to two paragraphs), mostly about the main theme. */
function irritantText(rng: Rng, themeSlugs: string[], product: { name: string; versions: string[] } | null) {
  const main = THEME_VOCABULARY[themeSlugs[0]];
  const title = fill(rng.pick(main.titles) + rng.pick(TITLE_SUFFIXES), rng, product).slice(0, 200);
  const length = rng.weighted([10, 22, 24, 18, 12, 8, 6]) + 1;
  const used = new Set<string>();
  const sentences: string[] = [];
  for (let k = 0; k < length; k++) {
    const r = rng.next();
    const pool = r < 0.6 ? main.sentences : r < 0.75 && themeSlugs.length > 1 ? THEME_VOCABULARY[themeSlugs[1]].sentences : COMMON_SENTENCES;
    const template = rng.pick(pool);
    if (used.has(template)) continue;
    used.add(template);
    sentences.push(fill(template, rng, product));
  }
  const half = sentences.length > 4 ? Math.ceil(sentences.length / 2) : sentences.length;
  const body = sentences.length > 4 ? `${sentences.slice(0, half).join(" ")}\n\n${sentences.slice(half).join(" ")}` : sentences.join(" ");
  return { title, body };
}

// --- The seed --------------------------------------------------------------------------------------------------

function refuseNonEmpty(file: string, force: boolean) {
  if (!fs.existsSync(file)) return;
  let rows = 0;
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasUsers = probe.prepare("select 1 from sqlite_master where type = 'table' and name = 'users'").get();
    rows = hasUsers ? (probe.prepare("select count(*) as n from users").get() as { n: number }).n : 0;
  } finally {
    probe.close();
  }
  if (rows === 0) return;
  if (!force) {
    console.error(`${file} already holds data (${rows} users). Use another DATABASE_URL, or --force to delete it and seed again.`);
    process.exit(1);
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  console.error(`--force: deleted ${file}.`);
}

export async function seedScale(options: Options) {
  const started = Date.now();
  const n = options.irritants;
  const targetSupports = 3 * n;
  const userCount = Math.max(60, Math.round(n / 50));
  const responseCount = Math.max(40, Math.round(n / 5));
  const now = Date.now();
  const start = now - 3 * 365 * DAY;
  const rng = generator(options.seed);

  refuseNonEmpty(options.file, options.force);
  const db: Db = openDatabase(options.file);
  runMigrations(db);
  runDataMigrations(db);
  setDb(db);
  const sqlite = db.$client;
  // Bulk-load settings, for this connection only; restored before closing.
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -1048576");
  sqlite.pragma("temp_store = MEMORY");

  console.error(`Seeding ${options.file}: ${n.toLocaleString("en")} irritants, ${targetSupports.toLocaleString("en")} supports, ${userCount.toLocaleString("en")} users, ${responseCount.toLocaleString("en")} survey responses.`);

  // Catalogue: fictional vendors and their products.
  const productList: { id: number; name: string; vendorId: number; category: string; versions: string[]; base: number }[] = [];
  const vendorIds: number[] = [];
  for (const v of SCALE_VENDORS) {
    const slug = v.name
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const org = db
      .insert(organisations)
      .values({ slug, name: `${v.name} (échelle)`, kind: "vendor", isSons: v.sons, contactEmail: `support@${slug}.scale.sentinelle.test` })
      .returning({ id: organisations.id })
      .get();
    vendorIds.push(org.id);
    for (const p of v.products) {
      const major = 1 + rng.int(9);
      const versions = [`${major}.${rng.int(5)}`, `${major}.${5 + rng.int(4)}`, `${major + 1}.0`];
      const row = db
        .insert(products)
        .values({ vendorId: org.id, name: p.name, category: p.category as "LGC", segurWave: p.wave, versions, installedBase: p.base })
        .returning({ id: products.id })
        .get();
      productList.push({ id: row.id, name: p.name, vendorId: org.id, category: p.category, versions, base: p.base });
    }
  }
  const productById = new Map(productList.map((p) => [p.id, p]));
  const productsOf = (categories: string[]) => productList.filter((p) => categories.includes(p.category));
  const pickProduct = (list: typeof productList) => list[rng.weighted(list.map((p) => p.base))];

  // Users: the six demo accounts (they can sign in with the demo password), then generated people without a password.
  const demo: Record<string, SessionUser> = {};
  for (const account of DEMO_ACCOUNTS) {
    demo[account.email] = await createUser({
      email: account.email,
      password: DEMO_PASSWORD,
      displayName: account.displayName,
      role: account.role,
      ...(account.role === "practitioner" ? { profession: "medecin", specialty: "Médecine générale", practiceMode: "liberal", region: "Bretagne" } : {}),
      organisationId: account.email === "editeur-a@demo.sentinelle.fr" ? vendorIds[0] : account.email === "editeur-b@demo.sentinelle.fr" ? vendorIds[1] : null,
    });
  }
  const team = demo["equipe@demo.sentinelle.fr"];
  const azurMed = productList.find((p) => p.name === "AzurMed")!;
  db.update(users).set({ usualProductId: azurMed.id, usualProductVersion: azurMed.versions[2] }).where(eq(users.id, demo["medecin@demo.sentinelle.fr"].id)).run();

  const maxUserId = userCount + 1;
  const role = new Uint8Array(maxUserId + 1); // 1 practitioner, 2 patient, 3 vendor, 4 team, 5 admin
  const userProfession: (string | null)[] = new Array(maxUserId + 1).fill(null);
  const userProduct = new Int32Array(maxUserId + 1);
  const userVersion: (string | null)[] = new Array(maxUserId + 1).fill(null);
  const vendorMembers = new Map<number, number[]>();
  const practitioners: number[] = [];
  const patients: number[] = [];
  const teamIds: number[] = [team.id];
  for (const u of Object.values(demo)) {
    role[u.id] = { practitioner: 1, patient: 2, vendor: 3, team: 4, admin: 5 }[u.role];
    if (u.role === "practitioner") {
      practitioners.push(u.id);
      userProfession[u.id] = "medecin";
      userProduct[u.id] = azurMed.id;
      userVersion[u.id] = azurMed.versions[2];
    }
    if (u.role === "patient") patients.push(u.id);
    if (u.role === "vendor") vendorMembers.set(u.organisationId!, [...(vendorMembers.get(u.organisationId!) ?? []), u.id]);
  }

  const insertEvent = sqlite.prepare("insert into events (type, actor_id, subject_type, subject_id, payload, created_at) values (?, ?, ?, ?, ?, ?)");
  const professionWeights = PROFESSIONS.map((p) => ({ medecin: 38, infirmier: 20, pharmacien: 12, "masseur-kinesitherapeute": 10, "sage-femme": 4, "chirurgien-dentiste": 5, biologiste: 2, radiologue: 2 })[p.value as string] ?? 1);
  const softwareFor = (profession: string) =>
    profession === "pharmacien" ? productsOf(["LGO"]) : profession === "biologiste" ? productsOf(["SGL"]) : profession === "radiologue" ? productsOf(["RIS"]) : productsOf(["LGC"]);
  {
    const insertUser = sqlite.prepare(
      `insert into users (id, email, display_name, role, profession, specialty, practice_mode, region, rpps, rpps_verified, organisation_id,
        usual_product_id, usual_product_version, created_at, email_confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const firstId = (sqlite.prepare("select max(id) as m from users").get() as { m: number }).m + 1;
    const total = userCount - DEMO_ACCOUNTS.length;
    const progress = new Progress("users", total);
    sqlite.transaction(() => {
      for (let k = 0; k < total; k++) {
        const id = firstId + k;
        const r = rng.next();
        const kind = k < 30 ? (k < 3 ? 5 : 4) : r < 0.86 ? 1 : r < 0.985 ? 2 : 3;
        role[id] = kind;
        const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        const createdAt = iso(start + rng.next() * (now - start));
        let profession: string | null = null;
        let product: (typeof productList)[number] | null = null;
        let organisationId: number | null = null;
        if (kind === 1) {
          profession = PROFESSIONS[rng.weighted(professionWeights)].value;
          product = pickProduct(softwareFor(profession));
          practitioners.push(id);
        } else if (kind === 2) patients.push(id);
        else if (kind === 3) {
          organisationId = rng.pick(vendorIds);
          vendorMembers.set(organisationId, [...(vendorMembers.get(organisationId) ?? []), id]);
        } else if (kind === 4) teamIds.push(id);
        userProfession[id] = profession;
        userProduct[id] = product?.id ?? 0;
        userVersion[id] = product ? rng.pick(product.versions) : null;
        const roleName = ["", "practitioner", "patient", "vendor", "team", "admin"][kind];
        insertUser.run(
          id,
          `${roleName}-${id}@scale.sentinelle.test`,
          kind === 1 ? `${name} (${PROFESSIONS.find((p) => p.value === profession)!.label.toLowerCase()})` : name,
          roleName,
          profession,
          profession === "medecin" ? (rng.next() < 0.8 ? "Médecine générale" : "Pédiatrie") : null,
          kind === 1 ? (rng.next() < 0.7 ? "liberal" : rng.next() < 0.5 ? "exercice-coordonne" : "mixte") : null,
          kind === 1 || kind === 2 ? rng.pick(REGIONS) : null,
          kind === 1 && rng.next() < 0.6 ? `10${String(100_000_000 + id).slice(-9)}` : null,
          0,
          organisationId,
          product?.id ?? null,
          product ? userVersion[id] : null,
          createdAt,
          createdAt,
        );
        insertEvent.run("user.created", id, "user", id, JSON.stringify({ role: roleName }), createdAt);
        progress.tick();
      }
    })();
    progress.finish();
  }
  // Every vendor has at least one member, who acts on its tickets.
  for (const vendorId of vendorIds) if (!vendorMembers.has(vendorId)) vendorMembers.set(vendorId, [team.id]);
  const filers = [...practitioners, ...patients];

  // --- Plan every irritant first (compact arrays), so supports can be shared out exactly ----------------------
  const themeIdBySlug = new Map(db.select({ id: themes.id, slug: themes.slug }).from(themes).all().map((t) => [t.slug, t.id]));
  const createdAt = new Float64Array(n + 1);
  const author = new Int32Array(n + 1);
  const status = new Uint8Array(n + 1);
  const published = new Uint8Array(n + 1);
  const hidden = new Uint8Array(n + 1);
  const mergedInto = new Int32Array(n + 1);
  const product = new Int32Array(n + 1);
  const themeList: number[][] = new Array(n + 1);
  const supportTarget = new Int32Array(n + 1);
  const weights = PRO_THEME_WEIGHTS;
  for (let i = 1; i <= n; i++) {
    // Activity grows over the three years: more recent irritants than old ones.
    createdAt[i] = start + (now - start - DAY / 2) * Math.pow(i / n, 0.7) + rng.int(3_600_000);
    const patient = patients.length > 0 && rng.next() < 0.12;
    author[i] = patient ? rng.pick(patients) : rng.pick(practitioners);
    const mainTheme = rng.weighted(patient ? PATIENT_THEME_WEIGHTS : weights);
    const list = [mainTheme];
    if (rng.next() < 0.3) {
      const second = rng.weighted(weights);
      if (second !== mainTheme) list.push(second);
    }
    themeList[i] = list;
    if (!patient) {
      const r = rng.next();
      product[i] = r < 0.7 && userProduct[author[i]] ? userProduct[author[i]] : r < 0.8 ? rng.pick(productList).id : 0;
    }
    const ageDays = (now - createdAt[i]) / DAY;
    const s: IrritantStatus =
      ageDays < 7
        ? rng.next() < 0.8
          ? "new"
          : "triaged"
        : (["new", "triaged", "forwarded", "in_progress", "resolved", "wont_fix", "duplicate"] as const)[rng.weighted([12, 22, 14, 12, 22, 8, 5])];
    status[i] = STATUS_INDEX[s];
    if (s === "duplicate") {
      if (i === 1) status[i] = STATUS_INDEX.triaged;
      else {
        const j = 1 + rng.int(i - 1);
        mergedInto[i] = mergedInto[j] || j;
      }
    }
    if (rng.next() < 0.004) hidden[i] = 1;
  }
  // Exactly a tenth published, among the irritants the team has looked at (not new, not merged, not hidden).
  {
    const eligible: number[] = [];
    for (let i = 1; i <= n; i++) if (status[i] !== STATUS_INDEX.new && !mergedInto[i] && !hidden[i]) eligible.push(i);
    const target = Math.min(eligible.length, Math.round(n / 10));
    for (let k = 0; k < target; k++) {
      const j = k + rng.int(eligible.length - k);
      [eligible[k], eligible[j]] = [eligible[j], eligible[k]];
      published[eligible[k]] = 1;
    }
  }
  // Supports: heavy-tailed (most irritants have none or a few, some have thousands), published ones far more.
  {
    const cap = Math.min(5000, filers.length - 1);
    const w = new Float64Array(n + 1);
    let total = 0;
    for (let i = 1; i <= n; i++) {
      w[i] = Math.pow(1 - rng.next(), -1 / 1.3) * (published[i] ? 6 : 1);
      total += w[i];
    }
    let assigned = 0;
    for (let i = 1; i <= n; i++) {
      supportTarget[i] = Math.min(cap, Math.floor((w[i] * targetSupports) / total + rng.next()));
      assigned += supportTarget[i];
    }
    // Share out what rounding and the cap left (or take back any excess), one at a time.
    while (assigned !== targetSupports) {
      const i = 1 + rng.int(n);
      if (assigned < targetSupports && supportTarget[i] < cap) {
        supportTarget[i]++;
        assigned++;
      } else if (assigned > targetSupports && supportTarget[i] > 0) {
        supportTarget[i]--;
        assigned--;
      }
    }
  }

  // --- Write irritants, their themes, search entries, supports, follows, tickets and events, in batches ---------
  const settings = getSettings(db);
  // The due dates depend only on the Paris day of the opening, constant within a UTC hour: computed once per hour.
  const dueDates = new Map<string, [string, string]>();
  const dueDatesFor = (openedIso: string) => {
    const hour = openedIso.slice(0, 13);
    let due = dueDates.get(hour);
    if (!due) {
      due = [addWorkingDays(openedIso, settings.slaFirstResponseDays), addWorkingDays(openedIso, settings.slaResolutionDays)];
      dueDates.set(hour, due);
    }
    return due;
  };
  const statements = {
    irritant: sqlite.prepare(
      `insert into irritants (id, title, body, status, lane, author_id, product_id, product_version, severity, frequency, time_lost_minutes,
        patient_safety, consultation_step, redactions, published, hidden_at, hidden_reason, merged_into_id, support_count, patient_support_count,
        created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    theme: sqlite.prepare("insert into irritant_themes (irritant_id, theme_id, source) values (?, ?, ?)"),
    fts: sqlite.prepare("insert into irritants_fts (rowid, text) values (?, ?)"),
    support: sqlite.prepare("insert into supports (irritant_id, user_id, lane, profession, product_id, product_version, created_at) values (?, ?, ?, ?, ?, ?, ?)"),
    follow: sqlite.prepare("insert into follows (user_id, subject_type, subject_id, created_at) values (?, 'irritant', ?, ?)"),
    ticket: sqlite.prepare(
      `insert into tickets (irritant_id, product_id, vendor_id, status, resolution, resolution_version, opened_at, first_response_at,
        first_response_due, resolution_due, resolved_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    message: sqlite.prepare("insert into ticket_messages (ticket_id, author_id, visibility, kind, body, created_at) values (?, ?, 'public', ?, ?, ?)"),
    event: insertEvent,
  };
  const themeCounts = new Map<number, { total: number; published: number }>();
  const firstResponseDays = new Map<number, number>();
  const totals = { received: 0, patients: 0, published: 0, resolved: 0, supports: 0, tickets: 0 };
  const severities = ["bloquant", "genant", "mineur"];
  const frequencies = ["plusieurs-fois-par-jour", "quotidien", "hebdomadaire", "mensuel", "rarement"];
  const steps = ["avant", "pendant", "apres"];
  const event = (type: string, actor: number | null, subjectType: string, subjectId: number, payload: object, at: number) =>
    statements.event.run(type, actor, subjectType, subjectId, JSON.stringify(payload), iso(at));

  // Bulk load: secondary indexes of the big tables are dropped and built again afterwards (one sort instead of
  // millions of random B-tree inserts), and foreign keys are checked by the consistency test rather than per row.
  const BULK_TABLES = ["irritants", "irritant_themes", "supports", "follows", "events", "tickets", "ticket_messages"];
  const droppedIndexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${BULK_TABLES.map(() => "?").join(", ")})`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const index of droppedIndexes) sqlite.exec(`drop index "${index.name}"`);
  sqlite.pragma("foreign_keys = OFF");

  const progress = new Progress("irritants", n);
  const writeBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i <= to; i++) {
      const s = IRRITANT_STATUSES[status[i]];
      const slugs = themeList[i].map((t) => THEME_SLUGS[t]);
      const p = product[i] ? productById.get(product[i])! : null;
      const { title, body } = irritantText(rng, slugs, p);
      const filed = createdAt[i];
      const lane = role[author[i]] === 2 ? "patient" : "practitioner";
      // The team looks at an irritant within days; later steps follow.
      const triagedAt = Math.min(now - 60_000, filed + (0.2 + rng.next() * 6) * DAY);
      const forwardedAt = Math.min(now - 50_000, triagedAt + rng.next() * 3 * DAY);
      const settledAt = Math.min(now - 40_000, forwardedAt + (1 + rng.next() * 60) * DAY);
      const updatedAt = s === "new" ? filed : s === "triaged" ? triagedAt : s === "forwarded" ? forwardedAt : settledAt;
      const isLive = !mergedInto[i] && !hidden[i];
      const redacted = rng.next() < 0.002;
      const k = supportTarget[i];

      // Supporters: distinct people other than the author, mostly from the author's lane.
      const supporters: number[] = [];
      if (k > 0) {
        const chosen = new Set<number>([author[i]]);
        const fromPatients = lane === "patient" ? 0.6 : 0.03;
        while (supporters.length < k) {
          const pool = patients.length && rng.next() < fromPatients ? patients : practitioners;
          let u = rng.pick(pool);
          if (chosen.has(u)) u = rng.pick(filers);
          if (chosen.has(u)) continue;
          chosen.add(u);
          supporters.push(u);
        }
      }
      let patientSupports = 0;
      for (const u of supporters) if (role[u] === 2) patientSupports++;

      statements.irritant.run(
        i,
        redacted ? `${title} [NIR masqué]` : title,
        body,
        s,
        lane,
        author[i],
        p?.id ?? null,
        p ? rng.pick(p.versions) : null,
        lane === "patient" ? null : severities[rng.weighted([2, 5, 3])],
        lane === "patient" ? null : frequencies[rng.weighted([3, 4, 3, 1, 1])],
        lane === "patient" || rng.next() < 0.3 ? null : 1 + rng.int(60),
        rng.next() < 0.02 ? 1 : 0,
        lane === "patient" ? null : steps[rng.weighted([2, 5, 3])],
        redacted ? '{"nir":1}' : "{}",
        published[i],
        hidden[i] ? iso(triagedAt) : null,
        hidden[i] ? "Contenu hors sujet ou injurieux" : null,
        mergedInto[i] || null,
        k,
        patientSupports,
        iso(filed),
        iso(updatedAt),
      );
      totals.received++;
      if (lane === "patient") totals.patients++;
      if (published[i] && isLive) {
        totals.published++;
        if (s === "resolved") totals.resolved++;
      }
      const confirmed = s !== "new";
      const filedSource = rng.next() < 0.5 ? "author" : "suggested";
      for (const t of themeList[i]) {
        const id = themeIdBySlug.get(THEME_SLUGS[t])!;
        statements.theme.run(i, id, confirmed ? "team" : filedSource);
        const c = themeCounts.get(id) ?? { total: 0, published: 0 };
        if (isLive) {
          c.total++;
          if (published[i]) c.published++;
        }
        themeCounts.set(id, c);
      }
      statements.fts.run(i, searchDocument(redacted ? `${title} [NIR masqué]` : title, body));

      // The author follows their report; each supporter follows what they support.
      statements.follow.run(author[i], i, iso(filed));
      event("irritant.filed", author[i], "irritant", i, { themes: slugs, themeSource: filedSource, redacted: redacted ? 1 : 0 }, filed);
      for (const u of supporters) {
        const at = filed + Math.pow(rng.next(), 3) * (now - filed);
        const profile = role[u] === 2 ? null : userProfession[u];
        statements.support.run(i, u, role[u] === 2 ? "patient" : "practitioner", profile, userProduct[u] || null, userVersion[u], iso(at));
        statements.follow.run(u, i, iso(at));
        event("irritant.supported", u, "irritant", i, { lane: role[u] === 2 ? "patient" : "practitioner" }, at);
      }
      totals.supports += k;

      // The team's changes, each with its event, in the order they happened.
      const actor = teamIds[i % teamIds.length];
      if (confirmed) event("irritant.themes_confirmed", actor, "irritant", i, { themes: slugs }, triagedAt);
      const path: [IrritantStatus, IrritantStatus, number][] = [];
      if (s === "duplicate") {
        event("irritant.merged", actor, "irritant", i, { into: mergedInto[i] }, triagedAt);
        event("irritant.duplicate_absorbed", actor, "irritant", mergedInto[i], { from: i }, triagedAt);
      } else if (s !== "new") {
        path.push(["new", "triaged", triagedAt]);
        const forwarded = s === "forwarded" || s === "in_progress" || s === "resolved" || (s === "wont_fix" && p !== null);
        if (forwarded) path.push(["triaged", "forwarded", forwardedAt]);
        if (s === "in_progress") path.push(["forwarded", "in_progress", settledAt]);
        if (s === "resolved" || s === "wont_fix") path.push([forwarded ? "forwarded" : "triaged", s, settledAt]);
      }
      for (const [from, to, at] of path) event("irritant.status_changed", actor, "irritant", i, { from, to, ...(p && to === "resolved" ? { cause: "ticket" } : {}) }, at);
      if (published[i]) event("irritant.published", actor, "irritant", i, {}, triagedAt + 60_000);
      if (hidden[i]) event("irritant.hidden", actor, "irritant", i, { reason: "Contenu hors sujet ou injurieux" }, triagedAt + 120_000);

      // Irritants forwarded with a product have their vendor's ticket, at the stage the irritant reached.
      if (p && (s === "forwarded" || s === "in_progress" || s === "resolved" || s === "wont_fix")) {
        const opened = forwardedAt;
        const vendorActor = rng.pick(vendorMembers.get(p.vendorId)!);
        const responded = s === "forwarded" ? (rng.next() < 0.5 ? null : Math.min(now - 30_000, opened + (0.1 + rng.next() * 10) * DAY)) : Math.min(settledAt, opened + (0.1 + rng.next() * 10) * DAY);
        const ticketStatus = s === "forwarded" ? (responded ? "acknowledged" : "open") : s === "in_progress" ? "answered" : "resolved";
        const resolution = s === "resolved" ? "fixed" : s === "wont_fix" ? "not_reproducible" : null;
        const version = resolution === "fixed" ? p.versions[p.versions.length - 1] : null;
        const openedIso = iso(opened);
        const ticketId = statements.ticket.run(
          i,
          p.id,
          p.vendorId,
          ticketStatus,
          resolution,
          version,
          openedIso,
          responded ? iso(responded) : null,
          ...dueDatesFor(openedIso),
          s === "resolved" || s === "wont_fix" ? iso(settledAt) : null,
          null,
        ).lastInsertRowid as number;
        totals.tickets++;
        event("ticket.opened", actor, "ticket", ticketId, { irritantId: i, productId: p.id, vendorId: p.vendorId }, opened);
        if (responded) {
          const days = workingDaysBetween(openedIso, iso(responded));
          firstResponseDays.set(days, (firstResponseDays.get(days) ?? 0) + 1);
          const kind = ticketStatus === "acknowledged" ? "acknowledgement" : ticketStatus === "answered" ? "reply" : "resolution";
          const text =
            kind === "acknowledgement"
              ? "L'éditeur a pris en compte ce signalement."
              : kind === "reply"
                ? "Nous reproduisons le problème ; un correctif est en cours de test chez des utilisateurs pilotes."
                : resolution === "fixed"
                  ? `Corrigé dans la version ${version}.`
                  : "L'éditeur n'a pas pu reproduire le problème.";
          statements.message.run(ticketId, vendorActor, kind, text, iso(responded));
          const payload = { irritantId: i, vendorId: p.vendorId };
          if (kind === "acknowledgement") event("ticket.acknowledged", vendorActor, "ticket", ticketId, payload, responded);
          else if (kind === "reply") event("ticket.replied", vendorActor, "ticket", ticketId, { ...payload, visibility: "public" }, responded);
          else event("ticket.resolution_set", vendorActor, "ticket", ticketId, { ...payload, resolution, version }, responded);
        }
      }
      progress.tick();
    }
  });
  for (let from = 1; from <= n; from += options.batch) writeBatch(from, Math.min(n, from + options.batch - 1));
  progress.finish();
  {
    const indexing = new Progress("indexes", droppedIndexes.length);
    for (const index of droppedIndexes) {
      sqlite.exec(index.sql);
      indexing.tick();
    }
    indexing.finish();
  }
  sqlite.pragma("foreign_keys = ON");

  // Counters, from what was inserted above (not recounted from the rows): irritants, themes, first-response times.
  db.transaction((tx) => {
    for (const [themeId, c] of themeCounts) tx.update(themes).set({ irritantCount: c.total, publishedCount: c.published }).where(eq(themes.id, themeId)).run();
    const keyed = Object.entries({ "irritants.received": totals.received, "irritants.received.patients": totals.patients, "irritants.published": totals.published, "irritants.resolved": totals.resolved });
    for (const [days, count] of firstResponseDays) keyed.push([`tickets.first_response_days:${days}`, count]);
    for (const [key, value] of keyed) {
      tx.insert(counters).values({ key, value }).onConflictDoUpdate({ target: counters.key, set: { value } }).run();
    }
  });

  // The deck's action plan; each challenge's first action answers the most supported published irritants of its theme.
  {
    const top = new Map<string, { id: number; supports: number }[]>();
    for (let i = 1; i <= n; i++) {
      if (!published[i] || mergedInto[i] || hidden[i]) continue;
      const slug = THEME_SLUGS[themeList[i][0]];
      const list = top.get(slug) ?? [];
      list.push({ id: i, supports: supportTarget[i] });
      if (list.length > 12) list.sort((a, b) => b.supports - a.supports).splice(3);
      top.set(slug, list);
    }
    loadDemoActionPlan(team, (theme) => (top.get(theme) ?? []).sort((a, b) => b.supports - a.supports).slice(0, 3).map((t) => t.id));
  }

  // Two survey waves of the demo questionnaire ("Satisfaction fonctions Ségur", versions 1 and 2).
  const survey = { responses: 0, invitations: 0 };
  {
    const v1 = saveQuestionnaireVersion(team, { slug: "satisfaction-segur", title: "Satisfaction fonctions Ségur", definition: SEGUR_QUESTIONNAIRE_V1 });
    const v2 = saveQuestionnaireVersion(team, { slug: "satisfaction-segur", title: "Satisfaction fonctions Ségur", definition: SEGUR_QUESTIONNAIRE_V2 });
    const waves = [
      { slug: "segur-2024", title: "Satisfaction fonctions Ségur — vague 2024", wave: "janvier–février 2024", versionId: v1.id, opensOn: "2024-01-08", closesOn: "2024-02-29", version: 1 as const },
      { slug: "segur-2025", title: "Satisfaction fonctions Ségur — vague 2025", wave: "janvier–février 2025", versionId: v2.id, opensOn: "2025-01-06", closesOn: "2025-02-28", version: 2 as const },
    ];
    const rated = productsOf(["LGC", "LGO", "SGL", "RIS"]);
    const bias = new Map(rated.map((p) => [p.id, rng.next() * 1.1 - 0.5]));
    const insertResponse = sqlite.prepare("insert into responses (campaign_id, subject_product_id, submitted_on, answers) values (?, ?, ?, ?)");
    const insertInvitation = sqlite.prepare("insert into invitations (campaign_id, token_hash, used_on) values (?, ?, ?)");
    let previous: number | null = null;
    for (const [index, w] of waves.entries()) {
      const id = createCampaign(team, {
        slug: w.slug,
        title: w.title,
        wave: w.wave,
        versionId: w.versionId,
        previousCampaignId: previous,
        opensOn: w.opensOn,
        closesOn: w.closesOn,
        audienceRoles: ["practitioner"],
        audienceProfessions: [],
        allowSignedIn: false,
      });
      previous = id;
      const count = index === 0 ? Math.floor(responseCount / 2) : responseCount - Math.floor(responseCount / 2);
      // Responses answered invitations; as many again and a half were never used.
      const invited = Math.round(count * 2.5);
      const progress = new Progress(`survey ${w.slug}`, invited);
      let written = 0;
      const days = Math.round((Date.parse(w.closesOn) - Date.parse(w.opensOn)) / DAY);
      const write = sqlite.transaction((from: number, to: number) => {
        for (let k = from; k < to; k++) {
          const used = k < count ? iso(Date.parse(w.opensOn) + rng.int(days + 1) * DAY).slice(0, 10) : null;
          if (used) {
            const p = pickProduct(rated);
            const answers = generateAnswers(rng.next, bias.get(p.id)! + index * 0.25, w.version);
            insertResponse.run(id, p.id, used, JSON.stringify(answers));
            written++;
          }
          insertInvitation.run(id, createHash("sha256").update(`${options.seed}:${w.slug}:${k}`).digest("hex"), used);
          progress.tick();
        }
      });
      for (let from = 0; from < invited; from += options.batch) write(from, Math.min(invited, from + options.batch));
      progress.finish();
      db.update(campaigns).set({ status: "closed", invitedCount: invited }).where(eq(campaigns.id, id)).run();
      survey.responses += written;
      survey.invitations += invited;
    }
    setCampaignStatus(team, "segur-2024", "published", () => ({ method: RESULTS_METHOD, results: computeResults("segur-2024") }));
    // The answers' tallies of every wave, as the application keeps them (the first wave's were built just above).
    rebuildAllTallies();
  }

  loadDemoIndicators();
  loadDemoProgressUpdates(team);
  loadDemoResources();
  loadDemoNextSteps();

  // The vendors' scorecard tallies, as the application keeps them (issue 21).
  console.error("Scorecard tallies…");
  rebuildScorecardTallies();

  // The history above is already told: the notification worker starts after it, as on a server that has been running.
  const lastEvent = (sqlite.prepare("select max(id) as m from events").get() as { m: number }).m;
  db.insert(eventCursors).values({ name: "in-app", lastEventId: lastEvent }).onConflictDoUpdate({ target: eventCursors.name, set: { lastEventId: lastEvent } }).run();

  console.error("ANALYZE…");
  sqlite.exec("ANALYZE");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const events = (sqlite.prepare("select count(*) as n from events").get() as { n: number }).n;
  db.$client.close();
  setDb(undefined);
  const size = fs.statSync(options.file).size;
  const summary = {
    file: path.resolve(options.file),
    irritants: totals.received,
    published: totals.published,
    supports: totals.supports,
    users: userCount,
    tickets: totals.tickets,
    surveyResponses: survey.responses,
    invitations: survey.invitations,
    events,
    sizeBytes: size,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  console.error(
    `Done in ${summary.seconds}s: ${summary.irritants.toLocaleString("en")} irritants (${summary.published.toLocaleString("en")} published), ` +
      `${summary.supports.toLocaleString("en")} supports, ${summary.users.toLocaleString("en")} users, ${summary.tickets.toLocaleString("en")} tickets, ` +
      `${summary.surveyResponses.toLocaleString("en")} survey responses, ${summary.events.toLocaleString("en")} events; ${(size / 1024 ** 2).toFixed(0)} MiB.`,
  );
  return summary;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  seedScale(parseOptions(process.argv.slice(2))).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
