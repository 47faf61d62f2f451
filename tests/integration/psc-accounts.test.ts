import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { events, outboxEmails, users } from "#db/schema";
import { createPscAccount, createUser, linkPscAccount, resolvePscSignIn } from "~/modules/accounts/index.server";
import type { PscIdentity } from "~/modules/accounts/psc-claims";
import { createTestDatabase } from "../support/database";

// Which account a verified Pro Santé Connect identity reaches (the rules of decision 011).
const database = createTestDatabase();
afterAll(() => database.close());

const identity = (rpps: string, email: string | null = null): PscIdentity => ({
  rpps,
  displayName: "Camille MARTIN",
  email,
  profession: "medecin",
  professionCode: "10",
  specialty: "Médecine générale",
  practiceMode: "liberal",
  region: "Bretagne",
  site: "CABINET",
});
const row = (id: number) => database.db.select().from(users).where(eq(users.id, id)).get()!;
const PASSWORD = "mot de passe du compte existant";

describe("resolvePscSignIn", () => {
  it("creates the practitioner on a first sign-in with an unused e-mail, then reaches the same account", () => {
    const first = resolvePscSignIn(identity("20000000001", "camille@exemple.test"));
    expect(first).toMatchObject({ kind: "signed-in", created: true });
    if (first.kind !== "signed-in") throw new Error("unreachable");
    expect(row(first.user.id)).toMatchObject({ role: "practitioner", rpps: "20000000001", rppsVerified: true, passwordHash: null, region: "Bretagne" });
    const created = database.db.select().from(events).where(eq(events.type, "user.created")).all().filter((e) => e.subjectId === first.user.id);
    expect(created).toHaveLength(1);

    // Later, even without an e-mail from PSC, the verified RPPS leads to the same account.
    expect(resolvePscSignIn(identity("20000000001"))).toEqual({ kind: "signed-in", created: false, user: first.user });
  });

  it("asks for completion when PSC gives no e-mail", () => {
    expect(resolvePscSignIn(identity("20000000002"))).toEqual({ kind: "needs-completion", emailTaken: false, rppsDeclaredElsewhere: false });
  });

  it("never takes over an account with the same e-mail", async () => {
    const owner = await createUser({ email: "deja@exemple.test", password: PASSWORD, displayName: "Déjà là", role: "practitioner", profession: "medecin" });
    expect(resolvePscSignIn(identity("20000000003", "deja@exemple.test"))).toEqual({ kind: "needs-completion", emailTaken: true, rppsDeclaredElsewhere: false });
    expect(row(owner.id)).toMatchObject({ rpps: null, rppsVerified: false });
  });

  it("never takes over an account that merely declares the same RPPS", async () => {
    const squatter = await createUser({ email: "declare@exemple.test", password: PASSWORD, displayName: "Déclarant", role: "practitioner", rpps: "20000000004" });
    expect(resolvePscSignIn(identity("20000000004", "vrai@exemple.test"))).toEqual({ kind: "needs-completion", emailTaken: false, rppsDeclaredElsewhere: true });
    expect(row(squatter.id)).toMatchObject({ rpps: "20000000004", rppsVerified: false });
    expect(database.db.select().from(users).where(eq(users.email, "vrai@exemple.test")).get()).toBeUndefined();
  });

  it("refuses a disabled account with a 403", () => {
    const outcome = resolvePscSignIn(identity("20000000005", "desactive@exemple.test"));
    if (outcome.kind !== "signed-in") throw new Error("unreachable");
    database.db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, outcome.user.id)).run();
    expect(() => resolvePscSignIn(identity("20000000005"))).toThrow(expect.objectContaining({ status: 403, code: "account_disabled" }));
  });
});

describe("createPscAccount", () => {
  it("refuses an e-mail already used, with a field message", () => {
    expect(() => createPscAccount(identity("20000000006"), "deja@exemple.test", { emailFromProvider: false })).toThrow(
      expect.objectContaining({ status: 409, fields: { email: [expect.stringContaining("Un compte existe déjà")] } }),
    );
  });

  it("refuses an RPPS already verified on another account", () => {
    expect(() => createPscAccount(identity("20000000001"), "autre@exemple.test", { emailFromProvider: false })).toThrow(expect.objectContaining({ status: 409 }));
  });

  it("confirms an e-mail given by the provider, and sends a confirmation link for a typed one", () => {
    const fromProvider = createPscAccount(identity("20000000021"), "fourni@exemple.test", { emailFromProvider: true });
    const typed = createPscAccount(identity("20000000022"), "tape@exemple.test", { emailFromProvider: false });
    const confirmedAt = (id: number) => database.db.select().from(users).where(eq(users.id, id)).get()!.emailConfirmedAt;
    expect(confirmedAt(fromProvider.id)).not.toBeNull();
    expect(confirmedAt(typed.id)).toBeNull();
    const queued = database.db.select().from(outboxEmails).all().map((e) => e.to);
    expect(queued).toContain("tape@exemple.test");
    expect(queued).not.toContain("fourni@exemple.test");
  });
});

describe("linkPscAccount", () => {
  it("needs the account's password, and leaves the account untouched without it", async () => {
    const account = await createUser({ email: "lien@exemple.test", password: PASSWORD, displayName: "À relier", role: "practitioner", region: "Occitanie" });
    await expect(linkPscAccount(identity("20000000007"), "lien@exemple.test", "mauvais")).rejects.toMatchObject({ status: 422 });
    expect(row(account.id)).toMatchObject({ rpps: null, rppsVerified: false });

    const linked = await linkPscAccount(identity("20000000007"), "lien@exemple.test", PASSWORD);
    expect(linked.id).toBe(account.id);
    // PSC's RPPS and profession; the person's own region is kept, empty fields are filled.
    expect(row(account.id)).toMatchObject({ rpps: "20000000007", rppsVerified: true, profession: "medecin", region: "Occitanie", practiceMode: "liberal" });
    expect(resolvePscSignIn(identity("20000000007"))).toMatchObject({ kind: "signed-in", user: { id: account.id } });
  });

  it("links only practitioner accounts", async () => {
    await createUser({ email: "patiente@exemple.test", password: PASSWORD, displayName: "Patiente", role: "patient" });
    await expect(linkPscAccount(identity("20000000008"), "patiente@exemple.test", PASSWORD)).rejects.toMatchObject({ status: 422 });
  });

  it("refuses an RPPS verified on another account, and an account verified with another RPPS", async () => {
    await createUser({ email: "second@exemple.test", password: PASSWORD, displayName: "Second", role: "practitioner" });
    await expect(linkPscAccount(identity("20000000001"), "second@exemple.test", PASSWORD)).rejects.toMatchObject({ status: 409 });
    await expect(linkPscAccount(identity("20000000009"), "lien@exemple.test", PASSWORD)).rejects.toMatchObject({ status: 409 });
    expect(database.db.select().from(users).where(eq(users.email, "lien@exemple.test")).get()).toMatchObject({ rpps: "20000000007" });
  });
});
