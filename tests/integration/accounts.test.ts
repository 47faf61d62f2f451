import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { events, sessions } from "#db/schema";
import { HttpError } from "~/lib/errors";
import {
  changePassword,
  createApiToken,
  createSession,
  createUser,
  destroySession,
  getUserByApiToken,
  getUserBySessionId,
  listApiTokens,
  revokeApiToken,
  verifyCredentials,
} from "~/modules/accounts/index.server";
import { createTestDatabase } from "../support/database";
import { executedStatements } from "../support/queries";

const database = createTestDatabase();
afterAll(() => database.close());

let user: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  user = await createUser({ email: "pro@test.fr", password: "mot de passe solide", displayName: "Compte de test", role: "practitioner", profession: "medecin" });
});

describe("accounts", () => {
  it("stores a password hash, never the password", () => {
    const row = database.db.$client.prepare("select password_hash from users where id = ?").get(user.id) as { password_hash: string };
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain("mot de passe solide");
  });

  it("refuses a second account with the same e-mail", async () => {
    await expect(createUser({ email: "pro@test.fr", password: "autre mot de passe", displayName: "Double", role: "patient" })).rejects.toMatchObject({
      status: 409,
    });
  });

  it("records the creation in the events log", () => {
    const rows = database.db.select().from(events).where(eq(events.type, "user.created")).all();
    expect(rows.map((r) => r.subjectId)).toContain(user.id);
  });

  it("checks credentials, case-insensitively on the e-mail", async () => {
    expect((await verifyCredentials("PRO@test.fr", "mot de passe solide"))?.id).toBe(user.id);
    expect(await verifyCredentials("pro@test.fr", "mauvais")).toBeNull();
    expect(await verifyCredentials("inconnu@test.fr", "mot de passe solide")).toBeNull();
  });
});

describe("sessions", () => {
  it("resolves a session id to its user and forgets it once destroyed", () => {
    const { id } = createSession(user.id);
    expect(getUserBySessionId(id)?.email).toBe("pro@test.fr");
    destroySession(id);
    expect(getUserBySessionId(id)).toBeNull();
  });

  it("stores only a hash of the session id", () => {
    const { id } = createSession(user.id);
    const stored = database.db.select({ idHash: sessions.idHash }).from(sessions).all().map((s) => s.idHash);
    expect(stored).not.toContain(id);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it("ignores expired sessions", () => {
    const { id } = createSession(user.id);
    database.db.update(sessions).set({ expiresAt: "2000-01-01T00:00:00.000Z" }).run();
    expect(getUserBySessionId(id)).toBeNull();
  });
});

describe("password change", () => {
  it("requires the current password, then closes every other session", async () => {
    const kept = createSession(user.id);
    const other = createSession(user.id);
    await expect(changePassword(user, "faux", "nouveau mot de passe", { keepSessionId: kept.id })).rejects.toBeInstanceOf(HttpError);
    await changePassword(user, "mot de passe solide", "nouveau mot de passe", { keepSessionId: kept.id });
    expect(getUserBySessionId(kept.id)?.id).toBe(user.id);
    expect(getUserBySessionId(other.id)).toBeNull();
    expect(await verifyCredentials("pro@test.fr", "nouveau mot de passe")).not.toBeNull();
  });
});

describe("API tokens", () => {
  it("authenticates with a token until it is revoked", () => {
    const { id, token } = createApiToken(user.id, "outil de support");
    expect(token).toMatch(/^snt_/);
    expect(getUserByApiToken(token)?.id).toBe(user.id);
    expect(listApiTokens(user.id).map((t) => t.label)).toContain("outil de support");
    const stored = database.db.$client.prepare("select token_hash from api_tokens where id = ?").get(id) as { token_hash: string };
    expect(stored.token_hash).not.toBe(token);
    revokeApiToken(user.id, id);
    expect(getUserByApiToken(token)).toBeNull();
    expect(listApiTokens(user.id).map((t) => t.id)).not.toContain(id);
  });

  it("does not let someone revoke another person's token", async () => {
    const other = await createUser({ email: "autre@test.fr", password: "mot de passe solide", displayName: "Autre", role: "patient" });
    const { id } = createApiToken(other.id, "le sien");
    expect(() => revokeApiToken(user.id, id)).toThrowError(HttpError);
    expect(listApiTokens(other.id).map((t) => t.id)).toContain(id);
  });

  it("records a token's last use to the minute, without a write on every request", async () => {
    const { id, token } = createApiToken(user.id, "client pressé");
    const lastUsed = () => listApiTokens(user.id).find((t) => t.id === id)!.lastUsedAt;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-12-07T10:00:00.000Z"));
      expect(getUserByApiToken(token)?.id).toBe(user.id);
      expect(lastUsed()).toBe("2026-12-07T10:00:00.000Z");
      vi.setSystemTime(new Date("2026-12-07T10:00:30.000Z"));
      const executed = await executedStatements(database.db, () => expect(getUserByApiToken(token)?.id).toBe(user.id));
      expect(executed.filter((statement) => /^\s*(update|insert|delete)/i.test(statement.sql))).toEqual([]);
      expect(lastUsed()).toBe("2026-12-07T10:00:00.000Z");
      vi.setSystemTime(new Date("2026-12-07T10:01:05.000Z"));
      expect(getUserByApiToken(token)?.id).toBe(user.id);
      expect(lastUsed()).toBe("2026-12-07T10:01:05.000Z");
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects tokens of the wrong shape without a lookup", () => {
    expect(getUserByApiToken("nope")).toBeNull();
    expect(getUserByApiToken("snt_" + "x".repeat(500))).toBeNull();
  });
});
