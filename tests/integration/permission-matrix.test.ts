import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicators, irritants, progressUpdates, seminars, users, workshops } from "#db/schema";
import { API_OPERATIONS } from "~/modules/api/index.server";
import { loadBuild } from "../../server";
import { apiToken, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every page route (from the route config of the build) and every API operation (from the OpenAPI source) × every
 * role, with the expected outcome declared here. A route or operation missing from the tables fails the test.
 */
const ROLES = ["anonymous", "practitioner", "patient", "vendorA", "vendorB", "team", "admin"] as const;
type Role = (typeof ROLES)[number];
const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  practitioner: "medecin@demo.sentinelle.fr",
  patient: "patient@demo.sentinelle.fr",
  vendorA: "editeur-a@demo.sentinelle.fr",
  vendorB: "editeur-b@demo.sentinelle.fr",
  team: "equipe@demo.sentinelle.fr",
  admin: "admin@demo.sentinelle.fr",
};
/** "login": redirected to the sign-in page; "redirect": sent elsewhere (already signed in, a page's own home). */
type Outcome = 200 | 400 | 401 | 403 | 404 | 405 | 410 | 422 | "login" | "redirect";
type Expected = Record<Role, Outcome>;

const all = (o: Outcome): Expected => Object.fromEntries(ROLES.map((r) => [r, o])) as Expected;
const PUBLIC = all(200);
const SIGNED_IN: Expected = { ...all(200), anonymous: "login" };
const TEAM: Expected = { anonymous: "login", practitioner: 403, patient: 403, vendorA: 403, vendorB: 403, team: 200, admin: 200 };
const ADMIN: Expected = { ...TEAM, team: 403 };
const FILERS: Expected = { anonymous: "login", practitioner: 200, patient: 200, vendorA: 403, vendorB: 403, team: 403, admin: 403 };
const GUESTS: Expected = { ...all("redirect"), anonymous: 200 };

// Filled in beforeAll from the demo data: an unpublished irritant and its author.
const dynamic = { attachment: 0, indicator: "", published: 0, publishedAuthor: "practitioner" as Role, unpublished: 0, unpublishedAuthor: "practitioner" as Role, updateId: 0, seminarId: 0, workshopId: 0 };
/** Only its author and the team see an unpublished irritant; for everyone else it does not exist. */
const unpublishedPage = (): Expected => ({ ...all(404), [dynamic.unpublishedAuthor]: 200, team: 200, admin: 200 });

const PAGES: Record<string, { url: () => string; expect: () => Expected }> = {
  "routes/_index": { url: () => "/", expect: () => PUBLIC },
  "routes/$": { url: () => "/page-inexistante", expect: () => all(404) },
  "routes/accessibilite": { url: () => "/accessibilite", expect: () => PUBLIC },
  "routes/mentions-legales": { url: () => "/mentions-legales", expect: () => PUBLIC },
  "routes/donnees-personnelles": { url: () => "/donnees-personnelles", expect: () => PUBLIC },
  "routes/plan-du-site": { url: () => "/plan-du-site", expect: () => PUBLIC },
  "routes/a-propos": { url: () => "/a-propos", expect: () => PUBLIC },
  "routes/connexion": { url: () => "/connexion", expect: () => GUESTS },
  "routes/inscription": { url: () => "/inscription", expect: () => GUESTS },
  "routes/inscription_.confirmer": { url: () => "/inscription/confirmer?jeton=lien-inconnu-0000000000", expect: () => all(400) },
  "routes/deconnexion": { url: () => "/deconnexion", expect: () => PUBLIC },
  "routes/mot-de-passe-oublie": { url: () => "/mot-de-passe-oublie", expect: () => PUBLIC },
  "routes/mot-de-passe.nouveau": { url: () => "/mot-de-passe/nouveau?jeton=lien-inconnu-000", expect: () => all(410) },
  "routes/confirmer-email": { url: () => "/confirmer-email", expect: () => all(400) },
  "routes/confirmer-inscription": { url: () => "/confirmer-inscription", expect: () => all(400) },
  "routes/desabonnement": { url: () => "/desabonnement?jeton=faux.lien", expect: () => all(400) },
  // Pro Santé Connect is not configured here: its routes do not exist.
  "routes/auth.psc._index": { url: () => "/auth/psc", expect: () => all(404) },
  "routes/auth.psc.callback": { url: () => "/auth/psc/callback?state=x&code=y", expect: () => all(404) },
  "routes/auth.psc.finaliser": { url: () => "/auth/psc/finaliser", expect: () => all(404) },
  "routes/compte": { url: () => "/compte", expect: () => SIGNED_IN },
  "routes/compte._index": { url: () => "/compte", expect: () => SIGNED_IN },
  "routes/compte.mot-de-passe": { url: () => "/compte/mot-de-passe", expect: () => SIGNED_IN },
  "routes/compte.notifications": { url: () => "/compte/notifications", expect: () => SIGNED_IN },
  "routes/compte.jetons": { url: () => "/compte/jetons", expect: () => SIGNED_IN },
  "routes/compte.securite": { url: () => "/compte/securite", expect: () => SIGNED_IN },
  "routes/compte_.export": { url: () => "/compte/export", expect: () => SIGNED_IN },
  "routes/notifications": { url: () => "/notifications", expect: () => SIGNED_IN },
  "routes/signalements._index": { url: () => "/signalements", expect: () => PUBLIC },
  "routes/signalements.nouveau": { url: () => "/signalements/nouveau", expect: () => FILERS },
  "routes/signalements.$id": { url: () => `/signalements/${dynamic.unpublished}`, expect: unpublishedPage },
  // A file its author attached to the unpublished irritant, awaiting review: the author and the team may cover areas.
  "routes/pieces-jointes.$id.masquer": { url: () => `/pieces-jointes/${dynamic.attachment}/masquer`, expect: () => ({ ...unpublishedPage(), anonymous: "login" }) },
  // « Mes signalements » and « Mes enquêtes »: everyone signed in has theirs (empty for those who neither file nor answer).
  "routes/mes-signalements": { url: () => "/mes-signalements", expect: () => SIGNED_IN },
  "routes/enquetes._index": { url: () => "/enquetes", expect: () => SIGNED_IN },
  "routes/editeur._index": { url: () => "/editeur", expect: () => ({ ...TEAM, vendorA: 200, vendorB: 200, team: 403, admin: 403 }) },
  // Vendor isolation: ticket 1 belongs to vendor A; to vendor B it does not exist.
  // Issue 20: a vendor files about another vendor's software.
  "routes/editeur.signaler": { url: () => "/editeur/signaler", expect: () => ({ ...TEAM, vendorA: 200, vendorB: 200, team: 403, admin: 403 }) },
  "routes/editeur.tickets.$id": { url: () => "/editeur/tickets/1", expect: () => ({ ...TEAM, practitioner: 404, patient: 404, vendorA: 200, vendorB: 404 }) },
  "routes/plan-action._index": { url: () => "/plan-action", expect: () => PUBLIC },
  "routes/plan-action.$id": { url: () => "/plan-action/9", expect: () => PUBLIC },
  "routes/plan-action[.]csv": { url: () => "/plan-action.csv", expect: () => PUBLIC },
  "routes/resultats._index": { url: () => "/resultats", expect: () => PUBLIC },
  "routes/resultats.$slug": { url: () => "/resultats/segur-2024", expect: () => PUBLIC },
  "routes/resultats_.$slug.export[.]csv": { url: () => "/resultats/segur-2024/export.csv", expect: () => PUBLIC },
  "routes/enquetes.$slug": { url: () => "/enquetes/segur-en-cours", expect: () => ({ anonymous: "login", practitioner: 200, patient: 403, vendorA: 403, vendorB: 403, team: 403, admin: 403 }) },
  "routes/enquetes_.$slug.merci": { url: () => "/enquetes/segur-en-cours/merci", expect: () => PUBLIC },
  "routes/avancement._index": { url: () => "/avancement", expect: () => PUBLIC },
  "routes/avancement.donnees": { url: () => "/avancement/donnees", expect: () => PUBLIC },
  "routes/avancement.donnees[.]csv": { url: () => "/avancement/donnees.csv", expect: () => PUBLIC },
  "routes/avancement.donnees[.]json": { url: () => "/avancement/donnees.json", expect: () => PUBLIC },
  "routes/avancement.editeurs": { url: () => "/avancement/editeurs", expect: () => PUBLIC },
  "routes/avancement.indicateurs": { url: () => "/avancement/indicateurs", expect: () => PUBLIC },
  "routes/avancement.themes.$slug": { url: () => "/avancement/themes/mssante", expect: () => PUBLIC },
  "routes/points-etape._index": { url: () => "/points-etape", expect: () => PUBLIC },
  // A draft point d'étape is the team's only.
  "routes/points-etape.$slug": { url: () => "/points-etape/point-etape-printemps-2024", expect: () => ({ ...all(404), team: 200, admin: 200 }) },
  "routes/flux[.]atom": { url: () => "/flux.atom", expect: () => PUBLIC },
  "routes/seminaires._index": { url: () => "/seminaires", expect: () => PUBLIC },
  "routes/seminaires.$slug": { url: () => "/seminaires/seminaire-20-novembre-2023", expect: () => PUBLIC },
  "routes/seminaires.$slug_.inscription": { url: () => "/seminaires/seminaire-tripartite-demonstration/inscription", expect: () => PUBLIC },
  "routes/atelier._index": { url: () => "/atelier", expect: () => PUBLIC },
  "routes/atelier.$code": { url: () => "/atelier/ATE347", expect: () => PUBLIC },
  "routes/atelier.$code_.revision": { url: () => "/atelier/ATE347/revision", expect: () => PUBLIC },
  // A workshop board is its facilitator's (here a team account) and the team's.
  "routes/ateliers.$id.animation": { url: () => `/ateliers/${dynamic.workshopId}/animation`, expect: () => TEAM },
  "routes/ateliers.$id.revision": { url: () => `/ateliers/${dynamic.workshopId}/revision`, expect: () => TEAM },
  "routes/equipe.seminaires._index": { url: () => "/equipe/seminaires", expect: () => TEAM },
  "routes/equipe.seminaires.$id": { url: () => `/equipe/seminaires/${dynamic.seminarId}`, expect: () => TEAM },
  "routes/equipe.seminaires.$id_.inscriptions": { url: () => `/equipe/seminaires/${dynamic.seminarId}/inscriptions`, expect: () => TEAM },
  "routes/equipe.seminaires.$id_.bilan": { url: () => `/equipe/seminaires/${dynamic.seminarId}/bilan`, expect: () => TEAM },
  "routes/equipe._index": { url: () => "/equipe", expect: () => ({ ...TEAM, team: "redirect", admin: "redirect" }) },
  "routes/equipe.signalements._index": { url: () => "/equipe/signalements", expect: () => TEAM },
  "routes/equipe.signalements.$id": { url: () => "/equipe/signalements/4", expect: () => TEAM },
  "routes/equipe.signalements.recueillir": { url: () => "/equipe/signalements/recueillir", expect: () => TEAM },
  "routes/equipe.signalements.import": { url: () => "/equipe/signalements/import", expect: () => TEAM },
  "routes/equipe.themes": { url: () => "/equipe/themes", expect: () => TEAM },
  "routes/equipe.vocabulaire": { url: () => "/equipe/vocabulaire", expect: () => TEAM },
  "routes/equipe.tickets": { url: () => "/equipe/tickets", expect: () => TEAM },
  "routes/equipe.catalogue": { url: () => "/equipe/catalogue", expect: () => TEAM },
  "routes/equipe.reglages": { url: () => "/equipe/reglages", expect: () => TEAM },
  "routes/equipe.plan-action._index": { url: () => "/equipe/plan-action", expect: () => TEAM },
  "routes/equipe.plan-action.$id": { url: () => "/equipe/plan-action/7", expect: () => TEAM },
  "routes/equipe.plan-action.import": { url: () => "/equipe/plan-action/import", expect: () => TEAM },
  "routes/equipe.enquetes._index": { url: () => "/equipe/enquetes", expect: () => TEAM },
  "routes/equipe.enquetes.$slug": { url: () => "/equipe/enquetes/segur-2025", expect: () => TEAM },
  "routes/equipe.enquetes.editeur": { url: () => "/equipe/enquetes/editeur", expect: () => TEAM },
  "routes/equipe.enquetes.$slug_.reponses-libres": { url: () => "/equipe/enquetes/segur-2025/reponses-libres", expect: () => TEAM },
  "routes/equipe.enquetes.$slug_.microdonnees[.]csv": { url: () => "/equipe/enquetes/segur-2025/microdonnees.csv", expect: () => TEAM },
  "routes/equipe.annonces": { url: () => "/equipe/annonces", expect: () => TEAM },
  // The demo's announcement went to the SONS vendors: vendor A (SONS) reads it, vendor B (hors SONS) does not see it.
  "routes/editeur.annonces.$id": { url: () => "/editeur/annonces/1", expect: () => ({ ...all(404), anonymous: "login", vendorA: 200, team: 200, admin: 200 }) },
  "routes/equipe.avancement._index": { url: () => "/equipe/avancement", expect: () => TEAM },
  "routes/equipe.avancement.$id": { url: () => `/equipe/avancement/${dynamic.updateId}`, expect: () => TEAM },
  "routes/equipe.avancement.indicateurs": { url: () => "/equipe/avancement/indicateurs", expect: () => TEAM },
  "routes/equipe.avancement.ressources": { url: () => "/equipe/avancement/ressources", expect: () => TEAM },
  "routes/equipe.journal": { url: () => "/equipe/journal", expect: () => TEAM },
  "routes/reglementation._index": { url: () => "/reglementation", expect: () => PUBLIC },
  "routes/reglementation.$slug": { url: () => "/reglementation/loi-asap", expect: () => PUBLIC },
  "routes/equipe.reglementation._index": { url: () => "/equipe/reglementation", expect: () => TEAM },
  "routes/equipe.reglementation.$slug": { url: () => "/equipe/reglementation/loi-asap", expect: () => TEAM },
  // "Masquer un passage": the team's only, on an irritant's texts or a workshop's cards.
  "routes/equipe.masquer": { url: () => "/equipe/masquer?signalement=1", expect: () => TEAM },
  "routes/equipe.journal[.]csv": { url: () => "/equipe/journal.csv", expect: () => TEAM },
  "routes/equipe.comptes": { url: () => "/equipe/comptes", expect: () => ADMIN },
  "routes/equipe.courriels": { url: () => "/equipe/courriels", expect: () => ADMIN },
};

type ApiCase = { url: () => string; body?: unknown; expect: () => Expected };
const API_ANON_401 = (rest: Partial<Expected>): Expected => ({ ...all(403), anonymous: 401, ...rest });
const API: Record<string, ApiCase> = {
  "post /tokens": { url: () => "/tokens", body: {}, expect: () => all(422) },
  "get /themes": { url: () => "/themes", expect: () => PUBLIC },
  "get /professions": { url: () => "/professions", expect: () => PUBLIC },
  "post /themes/suggestions": { url: () => "/themes/suggestions", body: { text: "messagerie lente" }, expect: () => PUBLIC },
  "get /products": { url: () => "/products", expect: () => PUBLIC },
  "get /irritants": { url: () => "/irritants?theme=mssante", expect: () => PUBLIC },
  // Reporters, vendors (another vendor's product) and the team (on a practitioner's behalf) file: {} is invalid for them.
  "post /irritants": { url: () => "/irritants", body: {}, expect: () => ({ ...all(422), anonymous: 401 }) },
  "post /irritants/similar": { url: () => "/irritants/similar", body: { text: "messagerie lente" }, expect: () => PUBLIC },
  "get /irritants/{id}": { url: () => `/irritants/${dynamic.unpublished}`, expect: unpublishedPage },
  "patch /irritants/{id}": { url: () => "/irritants/1", body: { status: "pas-un-statut" }, expect: () => API_ANON_401({ team: 422, admin: 422 }) },
  "post /irritants/{id}/supports": { url: () => `/irritants/${dynamic.unpublished}/supports`, body: {}, expect: () => ({ ...all(404), anonymous: 401, vendorA: 403, vendorB: 403, team: 403, admin: 403, [dynamic.unpublishedAuthor]: 409 }) as Expected },
  // Withdrawing one's own support: idempotent (the author, who never supports their own report, gets 200, nothing withdrawn).
  "delete /irritants/{id}/supports": { url: () => `/irritants/${dynamic.unpublished}/supports`, body: {}, expect: () => ({ ...all(404), anonymous: 401, vendorA: 403, vendorB: 403, team: 403, admin: 403, [dynamic.unpublishedAuthor]: 200 }) as Expected },
  "get /tickets": { url: () => "/tickets", expect: () => API_ANON_401({ vendorA: 200, vendorB: 200, team: 200, admin: 200 }) },
  "get /tickets/{id}": { url: () => "/tickets/1", expect: () => API_ANON_401({ practitioner: 404, patient: 404, vendorA: 200, vendorB: 404, team: 200, admin: 200 }) },
  "post /tickets/{id}/replies": { url: () => "/tickets/1/replies", body: {}, expect: () => API_ANON_401({ practitioner: 404, patient: 404, vendorA: 422, vendorB: 404, team: 422, admin: 422 }) },
  "post /tickets/{id}/resolution": { url: () => "/tickets/1/resolution", body: {}, expect: () => API_ANON_401({ practitioner: 404, patient: 404, vendorA: 422, vendorB: 404, team: 422, admin: 422 }) },
  "post /irritants/{id}/attachments": {
    url: () => `/irritants/${dynamic.unpublished}/attachments`,
    body: {},
    // Past the guard a JSON body is not a multipart upload (400).
    expect: () => ({ ...all(404), anonymous: 401, team: 400, admin: 400, [dynamic.unpublishedAuthor]: 400 }) as Expected,
  },
  // A comment: vendors answer from their tickets (403); an unpublished irritant exists for its author and the team only.
  "post /irritants/{id}/comments": {
    url: () => `/irritants/${dynamic.unpublished}/comments`,
    body: {},
    expect: () => ({ ...all(404), anonymous: 401, vendorA: 403, vendorB: 403, [dynamic.unpublishedAuthor]: 422, team: 422, admin: 422 }) as Expected,
  },
  "get /attachments/{id}": { url: () => "/attachments/999999", expect: () => all(404) },
  "get /attachments/{id}/file": { url: () => "/attachments/999999/file", expect: () => all(404) },
  // Before the body is read, an attachment one may not see does not exist; then an empty body is invalid (422).
  "patch /attachments/{id}": { url: () => `/attachments/${dynamic.attachment}`, body: {}, expect: () => ({ ...all(404), anonymous: 401, [dynamic.unpublishedAuthor]: 422, team: 422, admin: 422 }) as Expected },
  "get /action-plan": { url: () => "/action-plan", expect: () => PUBLIC },
  "get /campaigns": { url: () => "/campaigns", expect: () => PUBLIC },
  "get /campaigns/{slug}/results": { url: () => "/campaigns/segur-2024/results", expect: () => PUBLIC },
  "get /progress": { url: () => "/progress", expect: () => PUBLIC },
  "get /obligations": { url: () => "/obligations", expect: () => PUBLIC },
  "get /obligations/{slug}": { url: () => "/obligations/loi-asap", expect: () => PUBLIC },
  "get /seminars": { url: () => "/seminars", expect: () => PUBLIC },
};

/**
 * Every page action (POST) × every intent it declares × every role. Intents come from the build: a multi-intent action
 * exports `INTENTS` (a literal that tests/unit/route-intents.test.ts holds to the action's schema), so an intent it handles is an intent
 * it declares, and a declared intent without a row here fails the test. An action without `INTENTS` has one row, "*".
 * "pass": the guard lets the role through (any answer but 401/403/404/sign-in page; the minimal body may be refused);
 * every other role must be refused (401/403/404/sign-in page) with nothing written to the database.
 */
type Actor = Exclude<Role, "anonymous">;
const ANYONE: readonly Role[] = ROLES;
const MEMBERS: readonly Role[] = ROLES.filter((r) => r !== "anonymous");
const STAFF: readonly Role[] = ["team", "admin"];
const REPORTERS: readonly Role[] = ["practitioner", "patient"];
type IntentRow = { pass: readonly Role[]; signsOut?: boolean; body?: () => Record<string, string> };
type ActionRow = { url: () => string; intents: Record<string, IntentRow> };
const each = (intents: readonly string[], row: IntentRow): Record<string, IntentRow> => Object.fromEntries(intents.map((i) => [i, row]));
const ANY_INTENT = "*";

const ACTIONS: Record<string, ActionRow> = {
  // An unknown page answers a POST with 404, for everyone.
  "routes/$": { url: () => "/page-inexistante", intents: { "*": { pass: [] } } },
  "routes/connexion": { url: () => "/connexion", intents: { "*": { pass: ANYONE } } },
  "routes/inscription": { url: () => "/inscription", intents: { "*": { pass: ANYONE } } },
  "routes/deconnexion": { url: () => "/deconnexion", intents: { "*": { pass: ANYONE, signsOut: true } } },
  "routes/mot-de-passe-oublie": { url: () => "/mot-de-passe-oublie", intents: { "*": { pass: ANYONE } } },
  "routes/mot-de-passe.nouveau": { url: () => "/mot-de-passe/nouveau?jeton=lien-inconnu-000", intents: { "*": { pass: ANYONE } } },
  "routes/confirmer-email": { url: () => "/confirmer-email", intents: { "*": { pass: ANYONE } } },
  "routes/inscription_.confirmer": { url: () => "/inscription/confirmer", intents: { "*": { pass: ANYONE } } },
  "routes/confirmer-inscription": { url: () => "/confirmer-inscription", intents: { "*": { pass: ANYONE } } },
  "routes/desabonnement": { url: () => "/desabonnement", intents: { "*": { pass: ANYONE } } },
  // Pro Santé Connect is not configured here: its routes do not exist for anyone.
  "routes/auth.psc.finaliser": { url: () => "/auth/psc/finaliser", intents: each(["create", "link"], { pass: [] }) },
  // The account's pages: the index's action answers a POST to /compte?index (a plain /compte is its layout's).
  "routes/compte._index": { url: () => "/compte?index", intents: each(["profile", "resend-confirmation"], { pass: MEMBERS }) },
  "routes/compte.mot-de-passe": { url: () => "/compte/mot-de-passe", intents: { "*": { pass: MEMBERS } } },
  "routes/compte.notifications": { url: () => "/compte/notifications", intents: each(["notifications", "unfollow"], { pass: MEMBERS }) },
  "routes/compte.jetons": { url: () => "/compte/jetons", intents: each(["create-token", "revoke-token"], { pass: MEMBERS }) },
  "routes/compte.securite": {
    url: () => "/compte/securite",
    intents: { "delete-account": { pass: MEMBERS }, "signout-everywhere": { pass: MEMBERS, signsOut: true } },
  },
  "routes/avancement.themes.$slug": { url: () => "/avancement/themes/mssante", intents: each(["follow", "unfollow"], { pass: MEMBERS }) },
  "routes/plan-action.$id": { url: () => "/plan-action/9", intents: each(["follow", "unfollow"], { pass: MEMBERS }) },
  "routes/signalements.nouveau": { url: () => "/signalements/nouveau", intents: each(["file", "check", "support", "support-comment"], { pass: REPORTERS }) },
  "routes/signalements.$id": {
    url: () => `/signalements/${dynamic.published}`,
    intents: {
      support: { pass: REPORTERS },
      "withdraw-support": { pass: REPORTERS },
      // Anyone signed in may answer "is it fixed?"; the module then finds no question pending for them.
      "fix-answer": { pass: MEMBERS },
      follow: { pass: MEMBERS },
      unfollow: { pass: MEMBERS },
      comment: { pass: ["practitioner", "patient", "team", "admin"] },
      // Files: the irritant's author and the team (the post carries no file: 422 once past the guard).
      get attach() {
        return { pass: [dynamic.publishedAuthor, "team", "admin"] as Role[] };
      },
    },
  },
  "routes/enquetes.$slug": { url: () => "/enquetes/segur-en-cours", intents: each(["previous", "next", "submit"], { pass: ["practitioner"] }) },
  "routes/seminaires.$slug_.inscription": { url: () => "/seminaires/seminaire-tripartite-demonstration/inscription", intents: { "*": { pass: ANYONE } } },
  // A workshop's participants hold a cookie token, not an account.
  "routes/atelier.$code": { url: () => "/atelier/ATE347", intents: each(["card", "vote"], { pass: ANYONE }) },
  "routes/ateliers.$id.animation": {
    url: () => `/ateliers/${dynamic.workshopId}/animation`,
    intents: each(["status", "voting", "cluster-create", "cluster-rename", "move", "hide", "show", "irritant", "action", "link"], { pass: STAFF }),
  },
  // Ticket 1 belongs to vendor A: vendor B must not act on it.
  "routes/editeur.tickets.$id": {
    url: () => "/editeur/tickets/1",
    intents: {
      acknowledge: { pass: ["vendorA", "team", "admin"] },
      reply: { pass: ["vendorA", "team", "admin"] },
      resolution: { pass: ["vendorA", "team", "admin"] },
      reassign: { pass: STAFF },
      close: { pass: STAFF },
    },
  },
  "routes/equipe.signalements._index": { url: () => "/equipe/signalements", intents: { "*": { pass: STAFF } } },
  "routes/equipe.signalements.recueillir": { url: () => "/equipe/signalements/recueillir", intents: { file: { pass: STAFF } } },
  "routes/equipe.signalements.import": { url: () => "/equipe/signalements/import", intents: each(["preview", "apply"], { pass: STAFF }) },
  "routes/editeur.signaler": { url: () => "/editeur/signaler", intents: { file: { pass: ["vendorA", "vendorB"] } } },
  "routes/equipe.signalements.$id": {
    url: () => "/equipe/signalements/4",
    intents: each(["themes", "status", "publish", "unpublish", "hide", "unhide", "merge", "open-ticket", "obligations", "approve-attachment", "remove-attachment"], { pass: STAFF }),
  },
  "routes/equipe.themes": { url: () => "/equipe/themes", intents: each(["update", "create"], { pass: STAFF }) },
  "routes/equipe.vocabulaire": { url: () => "/equipe/vocabulaire", intents: each(["create", "update", "delete", "reindex"], { pass: STAFF }) },
  "routes/equipe.catalogue": { url: () => "/equipe/catalogue", intents: each(["vendor", "product"], { pass: STAFF }) },
  "routes/equipe.reglages": { url: () => "/equipe/reglages", intents: { "*": { pass: STAFF } } },
  "routes/equipe.plan-action._index": { url: () => "/equipe/plan-action", intents: each(["workstream", "challenge", "move"], { pass: STAFF }) },
  "routes/equipe.plan-action.$id": { url: () => "/equipe/plan-action/7", intents: each(["save", "note", "steps", "obligations"], { pass: STAFF }) },
  "routes/equipe.reglementation.$slug": { url: () => "/equipe/reglementation/loi-asap", intents: each(["save", "documents", "indicators"], { pass: STAFF }) },
  "routes/equipe.plan-action.import": { url: () => "/equipe/plan-action/import", intents: each(["preview", "apply"], { pass: STAFF }) },
  "routes/equipe.enquetes._index": { url: () => "/equipe/enquetes", intents: each(["version", "campaign"], { pass: STAFF }) },
  "routes/equipe.enquetes.$slug": { url: () => "/equipe/enquetes/segur-2025", intents: each(["open", "close", "publish", "invite-audience", "remind"], { pass: STAFF }) },
  "routes/equipe.enquetes.$slug_.reponses-libres": { url: () => "/equipe/enquetes/segur-2025/reponses-libres", intents: each(["tag"], { pass: STAFF }) },
  "routes/equipe.annonces": { url: () => "/equipe/annonces", intents: each(["preview", "send"], { pass: STAFF }) },
  "routes/equipe.enquetes.editeur": { url: () => "/equipe/enquetes/editeur", intents: each(["set-title", "add-section", "add-item", "remove-item", "move-item", "save"], { pass: STAFF }) },
  "routes/equipe.avancement._index": { url: () => "/equipe/avancement", intents: each(["create", "headlines"], { pass: STAFF }) },
  "routes/equipe.avancement.$id": { url: () => `/equipe/avancement/${dynamic.updateId}`, intents: each(["save", "publish", "unpublish", "add-block", "save-block", "move-block", "delete-block"], { pass: STAFF }) },
  "routes/equipe.avancement.indicateurs": {
    url: () => "/equipe/avancement/indicateurs",
    intents: { create: { pass: STAFF }, ...each(["value", "preview", "apply"], { pass: STAFF, body: () => ({ indicator: dynamic.indicator }) }) },
  },
  "routes/equipe.avancement.ressources": { url: () => "/equipe/avancement/ressources", intents: each(["add", "complete", "remove"], { pass: STAFF }) },
  "routes/equipe.seminaires._index": { url: () => "/equipe/seminaires", intents: { "*": { pass: STAFF } } },
  "routes/equipe.seminaires.$id": { url: () => `/equipe/seminaires/${dynamic.seminarId}`, intents: each(["seminar", "workshop-add", "workshop-edit", "workshop-code", "slot-add", "slot-remove", "slot-up", "slot-down"], { pass: STAFF }) },
  "routes/equipe.seminaires.$id_.inscriptions": { url: () => `/equipe/seminaires/${dynamic.seminarId}/inscriptions`, intents: each(["register", "remove"], { pass: STAFF }) },
  "routes/equipe.seminaires.$id_.bilan": { url: () => `/equipe/seminaires/${dynamic.seminarId}/bilan`, intents: each(["feedback", "verbatim-add", "verbatim-publish", "verbatim-unpublish", "verbatim-remove"], { pass: STAFF }) },
  "routes/equipe.masquer": { url: () => `/equipe/masquer?signalement=${dynamic.published}`, intents: { "*": { pass: STAFF } } },
  // Nothing ticked: 422 once past the guard (the author and the team), 404 for everyone else.
  "routes/pieces-jointes.$id.masquer": {
    url: () => `/pieces-jointes/${dynamic.attachment}/masquer`,
    intents: {
      get "*"() {
        return { pass: [dynamic.unpublishedAuthor, "team", "admin"] as Role[] };
      },
    },
  },
  "routes/equipe.comptes": { url: () => "/equipe/comptes", intents: each(["disable", "enable"], { pass: ["admin"] }) },
};

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const tokens: Partial<Record<Role, string>> = {};
beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const hidden = db.select({ id: irritants.id, author: users.email }).from(irritants).innerJoin(users, eq(users.id, irritants.authorId)).where(and(eq(irritants.published, false))).all();
  const byKnownAuthor = hidden.find((h) => Object.values(ACCOUNTS).includes(h.author))!;
  dynamic.unpublished = byKnownAuthor.id;
  dynamic.unpublishedAuthor = (Object.entries(ACCOUNTS).find(([, email]) => email === byKnownAuthor.author)![0]) as Role;
  const authorId = db.select({ id: users.id }).from(users).where(eq(users.email, ACCOUNTS[dynamic.unpublishedAuthor as Exclude<Role, "anonymous">])).get()!.id;
  dynamic.attachment = server.database.db.$client
    .prepare("insert into attachments (owner_kind, owner_id, irritant_id, uploader_id, status, sha256, width, height) values ('irritant', ?, ?, ?, 'pending_review', ?, 640, 360) returning id")
    .pluck()
    .get(dynamic.unpublished, dynamic.unpublished, authorId, "f".repeat(64)) as number;
  dynamic.published = db.select({ id: irritants.id }).from(irritants).where(and(eq(irritants.published, true), isNull(irritants.mergedIntoId), isNull(irritants.hiddenAt))).get()!.id;
  const publishedAuthor = db.select({ email: users.email }).from(irritants).innerJoin(users, eq(users.id, irritants.authorId)).where(eq(irritants.id, dynamic.published)).get()!.email;
  dynamic.publishedAuthor = (Object.entries(ACCOUNTS).find(([, email]) => email === publishedAuthor)?.[0] ?? "team") as Role;
  dynamic.indicator = db.select({ slug: indicators.slug }).from(indicators).get()!.slug;
  dynamic.updateId = db.select({ id: progressUpdates.id }).from(progressUpdates).get()!.id;
  dynamic.seminarId = db.select({ id: seminars.id }).from(seminars).where(eq(seminars.slug, "seminaire-tripartite-demonstration")).get()!.id;
  dynamic.workshopId = db.select({ id: workshops.id }).from(workshops).where(eq(workshops.seminarId, dynamic.seminarId)).get()!.id;
  await signInAll();
  for (const [role, email] of Object.entries(ACCOUNTS)) tokens[role as Role] = await apiToken(server.url, email);
}, 60_000);

async function signInAll() {
  for (const [role, email] of Object.entries(ACCOUNTS)) cookies[role as Role] = await signInCookie(server.url, email);
}
afterAll(() => server.close());

function outcomeOf(response: Response): Outcome {
  if (response.status === 302 || response.status === 303) return (response.headers.get("location") ?? "").startsWith("/connexion") ? "login" : "redirect";
  return response.status as Outcome;
}

describe("permission matrix", () => {
  it("declares every page route and every API operation", async () => {
    const build = await loadBuild();
    const pageRoutes = Object.values(build.routes).filter((r) => r.id !== "root" && !r.id.startsWith("routes/api.v1"));
    expect(pageRoutes.map((r) => r.id).filter((id) => !(id in PAGES))).toEqual([]);
    expect(Object.keys(PAGES).filter((id) => !pageRoutes.some((r) => r.id === id))).toEqual([]);
    const operations = API_OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(operations.filter((op) => !(op in API))).toEqual([]);
    expect(Object.keys(API).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it("gives each role the declared outcome on every page", async () => {
    const mismatches: string[] = [];
    for (const [id, entry] of Object.entries(PAGES)) {
      const expected = entry.expect();
      for (const role of ROLES) {
        const response = await fetch(server.url + entry.url(), { headers: role === "anonymous" ? {} : { Cookie: cookies[role]! }, redirect: "manual" });
        await response.arrayBuffer();
        const got = outcomeOf(response);
        if (got !== expected[role]) mismatches.push(`${id} ${entry.url()} as ${role}: expected ${expected[role]}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("shows each person only their own reports under « Mes signalements », and the open questionnaire to its audience only", async () => {
    const page = async (url: string, role: Role) => {
      const response = await fetch(server.url + url, { headers: role === "anonymous" ? {} : { Cookie: cookies[role]! }, redirect: "manual" });
      return { status: response.status, html: await response.text() };
    };
    const link = `href="/signalements/${dynamic.unpublished}"`;
    for (const role of ROLES.filter((r) => r !== "anonymous")) {
      const mine = await page("/mes-signalements", role);
      expect(mine.status, role).toBe(200);
      expect(mine.html.includes(link), `${role} sees the unpublished irritant n°${dynamic.unpublished} under « Mes signalements »`).toBe(role === dynamic.unpublishedAuthor);
      const surveys = await page("/enquetes", role);
      expect(surveys.html.includes(`href="/enquetes/segur-en-cours"`), `${role} is offered the open questionnaire`).toBe(role === "practitioner");
    }
    // A cursor that is not an id is refused in French, never a 500.
    const bad = await page("/mes-signalements?avant=pas-un-nombre", dynamic.unpublishedAuthor);
    expect(bad.status).toBe(422);
    expect(bad.html).toContain("Ce lien de page n&#x27;est pas valide.");
  });

  it("gives each role the declared outcome on every API operation", async () => {
    const mismatches: string[] = [];
    for (const [key, entry] of Object.entries(API)) {
      const method = key.split(" ")[0].toUpperCase();
      const expected = entry.expect();
      for (const role of ROLES) {
        const headers: Record<string, string> = { "Content-Type": "application/json" };
        if (role !== "anonymous") headers.Authorization = `Bearer ${tokens[role]}`;
        const response = await fetch(`${server.url}/api/v1${entry.url()}`, { method, headers, body: entry.body === undefined ? undefined : JSON.stringify(entry.body), redirect: "manual" });
        const text = await response.text();
        const got = outcomeOf(response);
        // One error shape everywhere: {error: {code, message}}.
        if (response.status >= 400) {
          const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
          if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string") mismatches.push(`${key} as ${role}: error body ${text.slice(0, 80)}`);
        }
        // Writes that succeed answer 200 or 201: both count as allowed.
        const normalised = got === (201 as Outcome) ? 200 : got;
        if (normalised !== expected[role]) mismatches.push(`${key} as ${role}: expected ${expected[role]}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("declares every page action and every intent it handles", async () => {
    const build = await loadBuild();
    const missing: string[] = [];
    for (const route of Object.values(build.routes)) {
      if (route.id.startsWith("routes/api.v1") || !route.module.action) continue;
      const row = ACTIONS[route.id];
      if (!row) {
        missing.push(`${route.id}: its action has no row in ACTIONS`);
        continue;
      }
      for (const intent of declaredIntents(route.module as unknown as Record<string, unknown>)) if (!(intent in row.intents)) missing.push(`${route.id}: intent "${intent}" has no row in ACTIONS`);
      for (const intent of Object.keys(row.intents)) if (!declaredIntents(route.module as unknown as Record<string, unknown>).includes(intent)) missing.push(`${route.id}: intent "${intent}" is in ACTIONS but not declared by the route`);
    }
    const withAction = Object.values(build.routes).filter((r) => r.module.action).map((r) => r.id);
    for (const id of Object.keys(ACTIONS)) if (!withAction.includes(id)) missing.push(`${id}: in ACTIONS but has no action`);
    expect(missing).toEqual([]);
  });

  it("lets only the declared roles through every page action and intent, and a refused post writes nothing", async () => {
    const build = await loadBuild();
    const mismatches: string[] = [];
    const changes = () => (server.database.db.$client.prepare("select total_changes() as n").get() as { n: number }).n;
    for (const [id, row] of Object.entries(ACTIONS)) {
      const declared = declaredIntents(build.routes[id].module as unknown as Record<string, unknown>);
      for (const [intent, expected] of Object.entries(row.intents)) {
        for (const role of ROLES) {
          const before = changes();
          const response = await post(row.url(), role, { ...expected.body?.(), ...(intent === ANY_INTENT ? {} : { intent }) });
          // The sign-in page asked for by a guard carries redirectTo; signing out sends there without it.
          const location = response.headers.get("location") ?? "";
          const got = outcomeOf(response) === "login" && !location.startsWith("/connexion?redirectTo=") ? "redirect" : outcomeOf(response);
          const refused = got === 401 || got === 403 || got === 404 || got === "login";
          const label = `${id} ${intent} as ${role}`;
          if (expected.pass.includes(role)) {
            if (refused || response.status >= 500) mismatches.push(`${label}: expected to pass the guard, got ${got}`);
          } else {
            if (!refused) mismatches.push(`${label}: expected a refusal, got ${got}`);
            if (changes() !== before) mismatches.push(`${label}: refused but wrote ${changes() - before} row(s)`);
          }
        }
        if (expected.signsOut) await signInAll();
      }
      // An intent the route does not declare is refused as unknown: nothing is handled outside INTENTS.
      const allowed = Object.values(row.intents)[0].pass[0];
      if (declared[0] !== ANY_INTENT && allowed) {
        const response = await post(row.url(), allowed, { intent: "intention-inconnue" });
        // 400 from readIntent, 422 from a route that validates its intent with a zod enum.
        if (response.status !== 400 && response.status !== 422) mismatches.push(`${id} unknown intent as ${allowed}: expected 400, got ${response.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});

/** The intents a route module declares (`INTENTS`), or "*" for an action with a single purpose. */
function declaredIntents(module: Record<string, unknown>): readonly string[] {
  const intents = module.INTENTS;
  return Array.isArray(intents) ? (intents as string[]) : [ANY_INTENT];
}

async function post(url: string, role: Role, body: Record<string, string>) {
  const headers: Record<string, string> = { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" };
  if (role !== "anonymous") headers.Cookie = cookies[role as Actor]!;
  const response = await fetch(server.url + url, { method: "POST", headers, body: new URLSearchParams(body), redirect: "manual" });
  await response.arrayBuffer();
  return response;
}
