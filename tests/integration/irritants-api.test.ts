import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let url: string;
let tokens: Record<"medecin" | "patient" | "equipe" | "editeurA", string>;
beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  tokens = {
    medecin: await apiToken(url, "medecin@demo.sentinelle.fr"),
    patient: await apiToken(url, "patient@demo.sentinelle.fr"),
    equipe: await apiToken(url, "equipe@demo.sentinelle.fr"),
    editeurA: await apiToken(url, "editeur-a@demo.sentinelle.fr"),
  };
});
afterAll(() => server.close());

const send = (method: string, path: string, body?: unknown, token?: string) =>
  fetch(url + path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? bearer(token) : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /irritants", () => {
  it("returns the suggested themes, the redaction count and similar irritants", async () => {
    const response = await send(
      "POST",
      "/api/v1/irritants",
      { title: "INSi en échec", body: "Le téléservice INSi ne trouve pas l'identité du patient 1 85 05 78 006 084 91, appel au 0612345678." },
      tokens.medecin,
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.themes[0]).toBe("ins");
    expect(body.redacted).toBe(2);
    expect(body.similar[0]).toMatchObject({ id: 1, title: "Qualification de l'INS trop longue en consultation" });
    expect(Object.keys(body.similar[0]).sort()).toEqual(["id", "score", "title"]);
    const stored = await (await send("GET", `/api/v1/irritants/${body.id}`, undefined, tokens.medecin)).json();
    expect(stored.body).not.toMatch(/\d{3} \d{3}/);
    expect(stored.body).toContain("[NIR masqué]");
  });

  it("caps lengths and checks products and themes, with French messages and nothing written", async () => {
    const before = (await (await send("GET", "/api/v1/irritants", undefined, tokens.equipe)).json()).items.length;
    const long = await send("POST", "/api/v1/irritants", { title: "t".repeat(161), body: "b".repeat(5001) }, tokens.medecin);
    expect(long.status).toBe(422);
    const { error } = await long.json();
    expect(error.fields.title).toEqual(["Le titre ne doit pas dépasser 160 caractères."]);
    expect(error.fields.body).toEqual(["La description ne doit pas dépasser 5000 caractères."]);
    const product = await send("POST", "/api/v1/irritants", { title: "Logiciel inconnu", body: "Un logiciel absent.", productId: 999 }, tokens.medecin);
    expect(product.status).toBe(422);
    expect((await product.json()).error.fields.productId).toEqual(["Ce logiciel ne figure pas dans le catalogue."]);
    const severity = await send("POST", "/api/v1/irritants", { title: "Gravité", body: "Gravité inventée.", severity: "apocalyptique" }, tokens.medecin);
    expect((await severity.json()).error.fields.severity).toEqual(["Choisissez une gravité dans la liste."]);
    const after = (await (await send("GET", "/api/v1/irritants", undefined, tokens.equipe)).json()).items.length;
    expect(after).toBe(before);
  });
});

describe("GET /irritants", () => {
  it("searches, filters by product and sorts by supports with a working cursor", async () => {
    const search = await (await send("GET", "/api/v1/irritants?q=lenteurs")).json();
    // The field's vocabulary folds « trop longue » with « lenteur » (issue 19): both irritants are found.
    expect(search.items.map((i: { title: string }) => i.title).sort()).toEqual(
      ["Lenteurs du logiciel de cabinet depuis la version Ségur", "Qualification de l'INS trop longue en consultation"].sort(),
    );
    const products = await (await send("GET", "/api/v1/products")).json();
    const azurMed = products.items.find((p: { name: string }) => p.name === "AzurMed");
    expect(azurMed).toMatchObject({ category: "LGC", vendor: { name: "Azur Logiciels Santé (démo)" } });
    const byProduct = await (await send("GET", `/api/v1/irritants?product=${azurMed.id}`)).json();
    expect(byProduct.items.length).toBe(2);
    const first = await (await send("GET", "/api/v1/irritants?sort=supports&cursor=")).json();
    const counts = first.items.map((i: { supportCount: number }) => i.supportCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const page1 = await (await send("GET", "/api/v1/irritants?sort=supports&limit=2")).json();
    expect(page1.items.length).toBeGreaterThan(0);
    expect((await send("GET", "/api/v1/irritants?sort=supports&cursor=abc")).status).toBe(422);
    expect((await send("GET", "/api/v1/irritants?product=abc")).status).toBe(422);
  });
});

describe("POST /irritants/similar and POST /themes/suggestions", () => {
  it("ranks a paraphrase first and validates its input", async () => {
    const response = await send("POST", "/api/v1/irritants/similar", { text: "Je n'arrive pas à trouver l'adresse de messagerie sécurisée d'un confrère dans l'annuaire" });
    expect(response.status).toBe(200);
    const { items } = await response.json();
    expect(items[0].title).toBe("Adresse MSSanté du correspondant introuvable dans l'annuaire");
    expect(items[0].score).toBeGreaterThan(items[1]?.score ?? 0);
    expect((await send("POST", "/api/v1/irritants/similar", {})).status).toBe(422);
    expect((await send("POST", "/api/v1/irritants/similar", { text: "ab" })).status).toBe(422);
    expect((await send("POST", "/api/v1/irritants/similar", "pas du json")).status).toBe(400);
  });

  it("suggests themes from a text sent in the body", async () => {
    const response = await send("POST", "/api/v1/themes/suggestions", { text: "La messagerie sécurisée MSSanté ne trouve pas l'adresse du confrère" });
    expect(response.status).toBe(200);
    const { items } = await response.json();
    expect(items.map((i: { slug: string }) => i.slug)).toContain("mssante");
    expect((await send("POST", "/api/v1/themes/suggestions", { text: "" })).status).toBe(422);
  });

  it("refuses the old GET forms with 405 and Allow: POST, so no draft is put in a URL", async () => {
    for (const path of ["/api/v1/irritants/similar", "/api/v1/themes/suggestions"]) {
      const response = await send("GET", `${path}?text=${encodeURIComponent("NIR 1 85 05 78 006 084 36 introuvable")}`);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      const body = await response.json();
      expect(body.error.code).toBe("method_not_allowed");
      expect(JSON.stringify(body)).not.toContain("006 084");
    }
  });
});

describe("POST /irritants/:id/supports", () => {
  it("is idempotent, 401 for visitors, 403 for vendors, 404 for missing or private irritants, 409 for the author", async () => {
    expect((await send("POST", "/api/v1/irritants/1/supports")).status).toBe(401);
    const first = await send("POST", "/api/v1/irritants/1/supports", undefined, tokens.patient);
    expect(first.status).toBe(201);
    const again = await send("POST", "/api/v1/irritants/1/supports", undefined, tokens.patient);
    expect(again.status).toBe(200);
    const count = (await first.json()).supportCount;
    expect((await again.json()).supportCount).toBe(count);
    expect((await send("POST", "/api/v1/irritants/1/supports", undefined, tokens.editeurA)).status).toBe(403);
    expect((await send("POST", "/api/v1/irritants/999999/supports", undefined, tokens.patient)).status).toBe(404);
    expect((await send("POST", "/api/v1/irritants/5/supports", undefined, tokens.patient)).status).toBe(404);
    expect((await send("POST", "/api/v1/irritants/1/supports", undefined, tokens.medecin)).status).toBe(409);
    expect((await (await send("GET", "/api/v1/irritants/1")).json()).supportCount).toBe(count);
  });
});

describe("PATCH /irritants/:id", () => {
  it("lets the team re-tag, and refuses impossible merges and transitions with 409/422", async () => {
    const themes = await send("PATCH", "/api/v1/irritants/4", { themes: ["nommage-documents"], published: true }, tokens.equipe);
    expect(themes.status).toBe(200);
    expect((await (await send("GET", "/api/v1/irritants/4")).json()).themes).toEqual(["nommage-documents"]);
    expect((await send("PATCH", "/api/v1/irritants/4", { mergeInto: 4 }, tokens.equipe)).status).toBe(422);
    expect((await send("PATCH", "/api/v1/irritants/4", { mergeInto: 999999 }, tokens.equipe)).status).toBe(404);
    expect((await send("PATCH", "/api/v1/irritants/4", { status: "duplicate" }, tokens.equipe)).status).toBe(422);
    expect((await send("PATCH", "/api/v1/irritants/6", { status: "forwarded" }, tokens.equipe)).status).toBe(409);
    expect((await send("PATCH", "/api/v1/irritants/4", { themes: ["inconnu"] }, tokens.equipe)).status).toBe(422);
    expect((await send("PATCH", "/api/v1/irritants/4", { colour: "bleu" }, tokens.equipe)).status).toBe(422);
    expect((await send("PATCH", "/api/v1/irritants/4", "{", tokens.equipe)).status).toBe(400);
  });

  it("is 403 for everyone outside the team and 401 without credentials", async () => {
    expect((await send("PATCH", "/api/v1/irritants/4", { published: false })).status).toBe(401);
    for (const token of [tokens.medecin, tokens.patient, tokens.editeurA]) {
      expect((await send("PATCH", "/api/v1/irritants/4", { published: false }, token)).status).toBe(403);
    }
  });

  it("merges through the API and the duplicate's page redirects", async () => {
    const merge = await send("PATCH", "/api/v1/irritants/5", { mergeInto: 2 }, tokens.equipe);
    expect(merge.status).toBe(200);
    expect(await merge.json()).toMatchObject({ status: "duplicate", mergedInto: 2 });
    const cookie = await signInCookie(url, "medecin@demo.sentinelle.fr");
    const page = await fetch(`${url}/signalements/5`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/signalements/2?fusionne=5");
  });
});

describe("page forms", () => {
  it("answer bad input on the irritant page with 4xx, never 500", async () => {
    const cookie = await signInCookie(url, "patient@demo.sentinelle.fr");
    const post = (path: string, fields: Record<string, string>) =>
      fetch(url + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });
    expect((await post("/signalements/1", { intent: "comment", body: "" })).status).toBe(422);
    expect((await post("/signalements/1", { intent: "n'importe quoi" })).status).toBe(400);
    expect((await post("/signalements/999999", { intent: "support" })).status).toBe(404);
    expect((await post("/signalements/abc", { intent: "support" })).status).toBe(404);
    expect((await post("/equipe/signalements/1", { intent: "publish" })).status).toBe(403);
    expect((await post("/signalements/nouveau", { title: "x".repeat(500), body: "court" })).status).toBe(422);
  });
});
