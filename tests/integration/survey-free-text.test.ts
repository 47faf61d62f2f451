import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, responses } from "#db/schema";
import type { SessionUser } from "~/modules/accounts/index.server";
import { campaignMicrodata, freeTextGroups, setCampaignStatus, tagFreeTextAnswer } from "~/modules/surveys/index.server";
import { parseCsvRecords } from "~/lib/csv";
import { loadDemoData } from "~/seed/demo.server";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";
import { addFreeTexts, campaignIdOf, FREE_TEXT_KEY } from "../support/surveys";

const database = createTestDatabase();
let team: SessionUser;
beforeAll(async () => {
  await loadDemoData();
  team = demoUser("equipe@demo.sentinelle.fr");
});
afterAll(() => database.close());

const MICRODATA_MASK = "masqué";
describe("free-text answers", () => {
  it("shows a closed campaign's answers masked, in alphabetical order, known by a hash and never by their response", () => {
    const [group] = freeTextGroups("segur-2025");
    expect(group.key).toBe(FREE_TEXT_KEY);
    const stored = database.db.select({ answers: responses.answers }).from(responses).where(eq(responses.campaignId, campaignIdOf("segur-2025"))).all();
    const texts = stored.map((r) => r.answers[FREE_TEXT_KEY]).filter((t): t is string => typeof t === "string");
    expect(group.count).toBe(texts.length);
    expect(group.answers.reduce((sum, a) => sum + a.times, 0)).toBe(texts.length);
    // The demo's telephone number is masked as in every free text.
    expect(texts.some((t) => t.includes("06 12 34 56 78"))).toBe(true);
    expect(group.answers.some((a) => a.text.includes("06 12 34 56 78"))).toBe(false);
    expect(group.answers.some((a) => a.text.includes("[téléphone masqué]"))).toBe(true);
    const listed = group.answers.map((a) => a.text);
    expect(listed).toEqual([...listed].sort((a, b) => a.localeCompare(b, "fr")));
    for (const answer of group.answers) expect(Object.keys(answer).sort()).toEqual(["hash", "text", "themes", "times"]);
  });

  it("never shows a group under 10; while the campaign runs, in whole batches of 10, one behind", () => {
    addFreeTexts("segur-en-cours", Array.from({ length: 9 }, (_, i) => `Suggestion numéro ${i + 1}`));
    expect(freeTextGroups("segur-en-cours")[0]).toMatchObject({ count: null, answers: [] });
    addFreeTexts("segur-en-cours", Array.from({ length: 10 }, (_, i) => `Autre suggestion ${i + 1}`));
    // 19 answers: (1 − 1) batches of 10 counted.
    expect(freeTextGroups("segur-en-cours")[0]).toMatchObject({ count: null, answers: [] });
    addFreeTexts("segur-en-cours", ["Vingtième suggestion"]);
    expect(freeTextGroups("segur-en-cours")[0].count).toBe(10);
    setCampaignStatus(team, "segur-en-cours", "closed");
    expect(freeTextGroups("segur-en-cours")[0].count).toBe(20);
  });

  it("tags an answer with themes the team chooses among the known ones", () => {
    const themes = ["ins", "mssante", "mes-dmp"];
    const [group] = freeTextGroups("segur-2025");
    const answer = group.answers.find((a) => a.text.includes("INS"))!;
    expect(tagFreeTextAnswer(team, "segur-2025", { item: FREE_TEXT_KEY, answer: answer.hash, themes: ["ins"] }, themes)).toBe(1);
    expect(freeTextGroups("segur-2025")[0].answers.find((a) => a.hash === answer.hash)!.themes).toEqual(["ins"]);
    expect(tagFreeTextAnswer(team, "segur-2025", { item: FREE_TEXT_KEY, answer: answer.hash, themes: [] }, themes)).toBe(0);
    expect(freeTextGroups("segur-2025")[0].answers.find((a) => a.hash === answer.hash)!.themes).toEqual([]);
    expect(() => tagFreeTextAnswer(team, "segur-2025", { item: FREE_TEXT_KEY, answer: answer.hash, themes: ["inconnu"] }, themes)).toThrowError(
      expect.objectContaining({ status: 422, fields: { themes: ["Thème inconnu : inconnu."] } }),
    );
    expect(() => tagFreeTextAnswer(team, "segur-2025", { item: FREE_TEXT_KEY, answer: "0".repeat(24), themes: ["ins"] }, themes)).toThrowError(expect.objectContaining({ status: 422 }));
    const practitioner = demoUser("medecin@demo.sentinelle.fr");
    expect(() => tagFreeTextAnswer(practitioner, "segur-2025", { item: FREE_TEXT_KEY, answer: answer.hash, themes: ["ins"] }, themes)).toThrowError(expect.objectContaining({ status: 403 }));
  });
});

describe("anonymised microdata", () => {
  it("exports one row per response without free text or identifiers, every value shown held by at least 10 respondents", () => {
    const csv = campaignMicrodata("segur-2025");
    const [header, ...rows] = parseCsvRecords(csv.replace(/^\uFEFF/, ""), ";").map((r) => r.cells);
    const total = database.db.select().from(responses).where(eq(responses.campaignId, campaignIdOf("segur-2025"))).all().length;
    expect(rows).toHaveLength(total);
    expect(header[0]).toBe("ligne");
    expect(header).toContain("sujet");
    expect(header).toContain("satisfaction-globale");
    expect(header.some((h) => h.startsWith(FREE_TEXT_KEY))).toBe(false);
    expect(csv).not.toContain("Suggestion");
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    // Brume Imagerie (6 respondents) is a small cell; Cèdre Labo (12) is masked with it, so neither comes back by subtraction.
    const subjects = rows.map((r) => r[header.indexOf("sujet")]);
    expect(subjects).not.toContain("Brume Imagerie");
    expect(subjects).not.toContain("Cèdre Labo");
    expect(subjects.filter((s) => s === MICRODATA_MASK)).toHaveLength(18);
    for (let c = 1; c < header.length; c++) {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r[c], (counts.get(r[c]) ?? 0) + 1);
      for (const [value, n] of counts) if (value !== MICRODATA_MASK) expect(n, `${header[c]} = « ${value} »`).toBeGreaterThanOrEqual(10);
    }
  });

  it("exports nothing under 10 responses", () => {
    database.db.update(campaigns).set({ status: "draft" }).where(eq(campaigns.slug, "segur-en-cours")).run();
    database.db.delete(responses).where(eq(responses.campaignId, campaignIdOf("segur-en-cours"))).run();
    addFreeTexts("segur-en-cours", ["Une", "Deux"]);
    expect(() => campaignMicrodata("segur-en-cours")).toThrowError(expect.objectContaining({ status: 422, message: "Moins de 10 réponses : les microdonnées ne sont pas exportées." }));
  });
});
