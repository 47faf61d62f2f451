import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { DEMO_EMAILS } from "../support/demo";

/**
 * Remix serialises loader data into the page (window.__remixContext, turbo-stream) and serves it at `<path>.data`.
 * Whatever a role may not see must not be in that data either: every person's name and e-mail address (and the
 * internal ticket notes) found in the payload of a page must also be visible in the page's rendered text.
 */
const ROLES = { visitor: null, ...DEMO_EMAILS } as const;
type Role = keyof typeof ROLES;

const PUBLIC_PAGES = [
  "/",
  "/accessibilite",
  "/mentions-legales",
  "/donnees-personnelles",
  "/plan-du-site",
  "/connexion",
  "/inscription",
  "/mot-de-passe-oublie",
  "/signalements",
  "/signalements?sort=supports",
  "/plan-action",
  "/plan-action?vue=calendrier",
  "/resultats",
  "/resultats/segur-2024",
  "/enquetes/segur-en-cours/merci",
  "/avancement",
  "/avancement/editeurs",
  "/avancement/indicateurs",
  "/avancement/donnees",
  "/avancement/themes/mssante",
  "/avancement/themes/ins",
  "/points-etape",
  "/points-etape/point-etape-11-janvier-2024",
  "/seminaires",
  "/seminaires/seminaire-20-novembre-2023",
  "/seminaires/seminaire-tripartite-demonstration",
  "/seminaires/seminaire-tripartite-demonstration/inscription",
  "/atelier",
  "/atelier/ATE347",
];
const SIGNED_IN_PAGES = ["/compte", "/notifications", "/signalements/nouveau", "/enquetes/segur-en-cours", "/editeur"];
const TEAM_PAGES = [
  "/equipe",
  "/equipe/signalements/4",
  "/equipe/tickets",
  "/equipe/seminaires",
  "/equipe/plan-action",
  "/equipe/avancement",
];

const ID_KEYS = ["authorId", "actorId", "userId", "facilitatorId", "createdById", "inviteeId", "facilitatorEmail", "authorEmail", "actorEmail"];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
/** Names and addresses of every account, renamed to distinct real-looking names so that a leak is recognisable. */
let secrets: string[] = [];
let pages: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  // A team member's real name: the pages show "Équipe programme" instead.
  db.run(sql`UPDATE users SET display_name = 'Prénom' || id || ' Nomdefamille' || id || 'x'`);
  // Activity by every kind of author, so that each place that names people has someone to name.
  const team = sql`(SELECT id FROM users WHERE email = 'equipe@demo.sentinelle.fr')`;
  const practitioner = sql`(SELECT id FROM users WHERE email = 'medecin@demo.sentinelle.fr')`;
  db.run(sql`UPDATE workshops SET facilitator_id = ${team}`);
  db.run(sql`INSERT INTO comments (irritant_id, author_id, body) SELECT id, ${team}, 'Commentaire de l''équipe' FROM irritants`);
  db.run(sql`INSERT INTO comments (irritant_id, author_id, body) SELECT id, ${practitioner}, 'Commentaire du médecin' FROM irritants`);
  db.run(sql`INSERT INTO ticket_messages (ticket_id, author_id, visibility, kind, body) SELECT id, ${team}, 'public', 'reply', 'Réponse publique de l''équipe' FROM tickets`);
  db.run(sql`INSERT INTO ticket_messages (ticket_id, author_id, visibility, kind, body) SELECT id, ${team}, 'internal', 'reply', 'Note interne de l''équipe sur le ticket ' || id FROM tickets`);
  db.run(sql`INSERT INTO ticket_messages (ticket_id, author_id, visibility, kind, body) SELECT t.id, u.id, 'public', 'reply', 'Réponse publique de l''éditeur' FROM tickets t JOIN users u ON u.organisation_id = t.vendor_id`);
  db.run(sql`INSERT INTO action_notes (action_id, author_id, body) SELECT id, ${team}, 'Note d''avancement' FROM actions`);
  db.run(sql`UPDATE progress_updates SET author_id = ${team}`);
  const rows = db.all<{ id: number; email: string; display_name: string }>(sql`SELECT id, email, display_name FROM users`);
  const internal = db.all<{ body: string }>(sql`SELECT body FROM ticket_messages WHERE visibility = 'internal'`);
  secrets = [...rows.flatMap((r) => [r.email, r.display_name]), ...internal.map((r) => r.body.slice(0, 60))];
  expect(internal.length).toBeGreaterThan(0);
  for (const [role, email] of Object.entries(ROLES)) if (email) cookies[role as Role] = await signInCookie(server.url, email);
  const irritantIds = db.all<{ id: number }>(sql`SELECT id FROM irritants ORDER BY id`).map((r) => r.id);
  const ticketIds = db.all<{ id: number }>(sql`SELECT id FROM tickets ORDER BY id`).map((r) => r.id);
  const actionIds = db.all<{ id: number }>(sql`SELECT id FROM actions ORDER BY id LIMIT 5`).map((r) => r.id);
  pages = [
    ...PUBLIC_PAGES,
    ...SIGNED_IN_PAGES,
    ...TEAM_PAGES,
    ...irritantIds.map((id) => `/signalements/${id}`),
    ...ticketIds.map((id) => `/editeur/tickets/${id}`),
    ...actionIds.map((id) => `/plan-action/${id}`),
  ];
});
afterAll(() => server?.close());

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");

/** What a reader sees: the text and the values shown in fields, without scripts and the markup. */
function visibleText(html: string): string {
  const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/gi, " ").replace(/<style[\s\S]*?<\/style>/gi, " ");
  const shownValues = [...withoutScripts.matchAll(/\s(?:value|title|alt|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const text = withoutScripts.replace(/<[^>]*>/g, " ");
  return decode([text, ...shownValues].join(" ")).replace(/\s+/g, " ");
}

/** The data URL of single fetch: `/path.data`, the root as `/_root.data`. */
function dataUrl(path: string): string {
  const [pathname, query] = path.split("?");
  return `${pathname === "/" ? "/_root" : pathname.replace(/\/$/, "")}.data${query ? `?${query}` : ""}`;
}

const normalise = (s: string) => s.replace(/\s+/g, " ");

describe("loader data carries nothing the page does not show to that role", () => {
  for (const role of Object.keys(ROLES) as Role[]) {
    it(`as ${role}`, async () => {
      const headers: Record<string, string> = cookies[role] ? { Cookie: cookies[role]! } : {};
      const leaks: string[] = [];
      let checked = 0;
      const isTeam = role === "team";
      for (const path of pages) {
        const page = await fetch(server.url + path, { headers, redirect: "manual" });
        if (page.status !== 200) {
          await page.body?.cancel();
          continue;
        }
        const html = await page.text();
        const data = await fetch(server.url + dataUrl(path), { headers, redirect: "manual" });
        expect(data.headers.get("content-type") ?? "", `${path}.data`).toMatch(/text\/x-script/);
        const payload = normalise(await data.text());
        const scripts = normalise([...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join("\n"));
        const visible = visibleText(html);
        checked++;
        for (const secret of secrets) {
          const s = normalise(secret);
          const inPayload = payload.includes(s) || payload.includes(JSON.stringify(s).slice(1, -1)) || scripts.includes(s);
          if (inPayload && !visible.includes(s)) leaks.push(`${path}: ${s}`);
        }
        // Account ids say who did what even without a name: only the team's pages carry them.
        if (!isTeam) for (const key of ID_KEYS) if (payload.includes(`"${key}"`)) leaks.push(`${path}: key ${key}`);
      }
      expect(checked).toBeGreaterThan(10);
      expect(leaks).toEqual([]);
    });
  }
});
