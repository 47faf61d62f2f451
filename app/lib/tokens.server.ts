import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "./env.server";

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A random secret for a link or a cookie (URL-safe). */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** A deterministic secret derived from the server secret: the same input always gives the same token. */
export const derivedToken = (purpose: string, id: number | string) => createHmac("sha256", getEnv().SESSION_SECRET).update(`${purpose}:${id}`).digest("base64url");

const signature = (body: string) => createHmac("sha256", getEnv().SESSION_SECRET).update(`signed-link:${body}`).digest("base64url");

/** Signs a small payload with an expiry, for links that act without sign-in (unsubscribe). */
export function signPayload(payload: Record<string, unknown>, expiresAt: Date) {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url");
  return `${body}.${signature(body)}`;
}

export type SignedPayloadResult = { ok: true; payload: Record<string, unknown> } | { ok: false; reason: "forged" | "expired" };

/** Checks a signed payload: a wrong signature is "forged" whatever it says; a past expiry is "expired". */
export function verifySignedPayload(token: string, now = new Date()): SignedPayloadResult {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return { ok: false, reason: "forged" };
  const expected = Buffer.from(signature(body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "forged" };
  }
  if (typeof payload.exp !== "number" || payload.exp * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}

const sealKey = (purpose: string) => createHmac("sha256", getEnv().SESSION_SECRET).update(`sealed-link:${purpose}`).digest();

/**
 * Encrypts and authenticates a payload with an expiry (AES-256-GCM, a key per purpose derived from the server
 * secret), for links that must carry data nobody may read or change, such as a sign-up waiting for its e-mail.
 */
export function sealPayload(purpose: string, payload: Record<string, unknown>, expiresAt: Date) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(purpose), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ ...payload, exp: Math.floor(expiresAt.getTime() / 1000) }), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** Opens a sealed payload: anything altered, sealed for another purpose or with another secret is "forged". */
export function openSealedPayload(purpose: string, token: string, now = new Date()): SignedPayloadResult {
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 29 || raw.toString("base64url") !== token) return { ok: false, reason: "forged" };
  let payload: Record<string, unknown>;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealKey(purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    payload = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"));
  } catch {
    return { ok: false, reason: "forged" };
  }
  if (typeof payload !== "object" || payload === null || typeof payload.exp !== "number" || payload.exp * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}
