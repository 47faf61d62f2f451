import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
const ROLES = {
  anonymous: null,
  practitioner: "medecin@demo.sentinelle.fr",
  patient: "patient@demo.sentinelle.fr",
  vendorA: "editeur-a@demo.sentinelle.fr",
  vendorB: "editeur-b@demo.sentinelle.fr",
  team: "equipe@demo.sentinelle.fr",
  admin: "admin@demo.sentinelle.fr",
} as const;
type Role = keyof typeof ROLES;
const tokens = {} as Record<Role, string | null>;
const cookies = {} as Record<Role, string | null>;

beforeAll(async () => {
  server = await startTestServer();
  for (const [role, email] of Object.entries(ROLES) as [Role, string | null][]) {
    tokens[role] = email ? await apiToken(server.url, email) : null;
    cookies[role] = email ? await signInCookie(server.url, email) : null;
  }
});
afterAll(() => server.close());

// Demo tickets: n°1 is vendor A's (AzurMed), n°2 vendor B's (Brume Cabinet).
const A_TICKET = 1;

const api = (role: Role, method: string, path: string, body?: unknown) =>
  fetch(server.url + "/api/v1" + path, {
    method,
    headers: { "Content-Type": "application/json", ...(tokens[role] ? bearer(tokens[role]!) : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const page = (role: Role, path: string) => fetch(server.url + path, { headers: cookies[role] ? { Cookie: cookies[role]! } : {}, redirect: "manual" });

describe("ticket API isolation matrix", () => {
  const expected: Record<string, Record<Role, number>> = {
    "GET /tickets": { anonymous: 401, practitioner: 403, patient: 403, vendorA: 200, vendorB: 200, team: 200, admin: 200 },
    [`GET /tickets/${A_TICKET}`]: { anonymous: 401, practitioner: 404, patient: 404, vendorA: 200, vendorB: 404, team: 200, admin: 200 },
    [`POST /tickets/${A_TICKET}/replies`]: { anonymous: 401, practitioner: 404, patient: 404, vendorA: 201, vendorB: 404, team: 201, admin: 201 },
    [`POST /tickets/${A_TICKET}/resolution`]: { anonymous: 401, practitioner: 404, patient: 404, vendorA: 200, vendorB: 404, team: 200, admin: 200 },
  };
  const bodies: Record<string, unknown> = {
    [`POST /tickets/${A_TICKET}/replies`]: { body: "Nous regardons.", visibility: "internal" },
    [`POST /tickets/${A_TICKET}/resolution`]: { resolution: "planned", version: "5.1" },
  };
  for (const [endpoint, byRole] of Object.entries(expected)) {
    for (const [role, status] of Object.entries(byRole) as [Role, number][]) {
      it(`${endpoint} as ${role} → ${status}`, async () => {
        const [method, path] = endpoint.split(" ");
        const response = await api(role, method, path, bodies[endpoint]);
        expect(response.status).toBe(status);
        if (status === 404) expect((await response.json()).error.message).toBe("Ce ticket n'existe pas.");
      });
    }
  }

  it("lists only the vendor's own tickets", async () => {
    const a = await (await api("vendorA", "GET", "/tickets")).json();
    const b = await (await api("vendorB", "GET", "/tickets")).json();
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items.every((t: { vendor: { name: string } }) => t.vendor.name === "Azur Logiciels Santé (démo)")).toBe(true);
    expect(b.items.every((t: { vendor: { name: string } }) => t.vendor.name === "Brume Informatique Médicale (démo)")).toBe(true);
    const team = await (await api("team", "GET", "/tickets")).json();
    expect(team.items.length).toBe(a.items.length + b.items.length + 1); // + the laboratory vendor's ticket
  });
});

describe("ticket pages isolation", () => {
  const expected: Record<string, Record<Role, number>> = {
    "/editeur": { anonymous: 302, practitioner: 403, patient: 403, vendorA: 200, vendorB: 200, team: 403, admin: 403 },
    [`/editeur/tickets/${A_TICKET}`]: { anonymous: 302, practitioner: 404, patient: 404, vendorA: 200, vendorB: 404, team: 200, admin: 200 },
    "/equipe/tickets": { anonymous: 302, practitioner: 403, patient: 403, vendorA: 403, vendorB: 403, team: 200, admin: 200 },
    "/equipe/catalogue": { anonymous: 302, practitioner: 403, patient: 403, vendorA: 403, vendorB: 403, team: 200, admin: 200 },
    "/equipe/reglages": { anonymous: 302, practitioner: 403, patient: 403, vendorA: 403, vendorB: 403, team: 200, admin: 200 },
  };
  for (const [path, byRole] of Object.entries(expected)) {
    for (const [role, status] of Object.entries(byRole) as [Role, number][]) {
      it(`${path} as ${role} → ${status}`, async () => {
        expect((await page(role, path)).status).toBe(status);
      });
    }
  }

  it("never shows vendor B anything of vendor A's ticket, even its internal notes", async () => {
    await api("vendorA", "POST", `/tickets/${A_TICKET}/replies`, { body: "Secret interne de l'éditeur A", visibility: "internal" });
    const inbox = await (await page("vendorB", "/editeur")).text();
    expect(inbox).not.toContain("Qualification de l&#x27;INS");
    expect(inbox).not.toContain("Secret interne");
    const irritantPage = await (await page("vendorB", "/signalements/1")).text();
    expect(irritantPage).not.toContain("Secret interne");
  });
});

describe("ticket input", () => {
  it("refuses bad replies and resolutions with French field messages and writes nothing", async () => {
    const before = (await (await api("vendorA", "GET", `/tickets/${A_TICKET}`)).json()).messages.length;
    const cases: [unknown, string, string][] = [
      [{ body: "", visibility: "public" }, "/replies", "body"],
      [{ body: "x".repeat(5001), visibility: "public" }, "/replies", "body"],
      [{ body: "Bonjour", visibility: "secret" }, "/replies", "visibility"],
      [{ resolution: "fixed" }, "/resolution", "version"],
      [{ resolution: "magic" }, "/resolution", "resolution"],
      [{ resolution: "other_product", note: "Pas nous" }, "/resolution", "reassignToProductId"],
    ];
    for (const [body, suffix, field] of cases) {
      const response = await api("vendorA", "POST", `/tickets/${A_TICKET}${suffix}`, body);
      expect(response.status).toBe(422);
      expect(Object.keys((await response.json()).error.fields)).toContain(field);
    }
    const sameVendor = await api("vendorA", "POST", `/tickets/${A_TICKET}/resolution`, { resolution: "other_product", note: "Autre module", reassignToProductId: 2 });
    expect(sameVendor.status).toBe(422);
    expect((await sameVendor.json()).error.fields.reassignToProductId).toEqual(["Choisissez le logiciel d'un autre éditeur."]);
    const after = (await (await api("vendorA", "GET", `/tickets/${A_TICKET}`)).json()).messages.length;
    expect(after).toBe(before);
    expect((await api("vendorA", "GET", "/tickets/999999")).status).toBe(404);
    expect((await api("vendorA", "GET", "/tickets?status=perdu")).status).toBe(422);
  });
});

describe("patient identifiers in ticket messages", () => {
  it("masks a NIR with a wrong key in a vendor's reply and tells the vendor, on the page and in the API", async () => {
    const response = await fetch(`${server.url}/editeur/tickets/${A_TICKET}`, {
      method: "POST",
      headers: { Cookie: cookies.vendorA! },
      body: new URLSearchParams({ intent: "reply", visibility: "public", body: "Le patient 1 85 05 78 006 084 36 a été retrouvé après correction." }),
    });
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Réponse publiée. Nous avons masqué 1 numéro de sécurité sociale (NIR/INS)");
    expect(html).toContain("ne doit pas figurer dans un ticket.");
    const viaApi = await api("vendorA", "POST", `/tickets/${A_TICKET}/replies`, { body: "INS sans clé 2 85 05 2A 006 084 dans le dossier", visibility: "internal" });
    expect(await viaApi.json()).toMatchObject({ redacted: 1 });
    const { messages } = await (await api("vendorA", "GET", `/tickets/${A_TICKET}`)).json();
    const bodies = messages.map((m: { body: string }) => m.body).join("\n");
    expect(bodies).toContain("Le patient [NIR masqué] a été retrouvé");
    expect(bodies).toContain("INS sans clé [NIR masqué] dans le dossier");
    expect(bodies).not.toContain("006 084");
  });
});
