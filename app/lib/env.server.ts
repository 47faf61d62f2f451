import "./zod-french";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const stringWithDefault = (fallback: string) => z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).default(fallback));

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
/** Plain http is only acceptable towards this machine (the test identity provider); anything else is https. */
export function isLoopbackHttp(url: string) {
  const parsed = new URL(url);
  return parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname);
}
const pscUrl = optionalUrl.refine((v) => v === undefined || v.startsWith("https:") || isLoopbackHttp(v), {
  message: "must be an https URL (plain http is accepted only on localhost)",
});

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default("data/sentinelle.db"),
  SESSION_SECRET: optionalString.pipe(z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional()),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default("Sentinelle <ne-pas-repondre@sentinelle.localhost>"),
  PUBLIC_URL: optionalUrl,
  DEMO_DATA: booleanFromString.default(true),
  // Pro Santé Connect (OpenID Connect): offered only when the issuer, client id and secret are all set.
  PSC_ISSUER: pscUrl,
  PSC_CLIENT_ID: optionalString,
  PSC_CLIENT_SECRET: optionalString,
  // Discovery document; default {PSC_ISSUER}/.well-known/wallet-openid-configuration, then the standard path.
  PSC_DISCOVERY_URL: pscUrl,
  PSC_SCOPE: stringWithDefault("openid scope_all"),
  // Authentication level asked for (acr_values) and required in the ID token.
  PSC_ACR: stringWithDefault("eidas1"),
  // How the client secret is sent to the token endpoint.
  PSC_TOKEN_AUTH_METHOD: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["client_secret_basic", "client_secret_post"]).default("client_secret_basic")),
  // Requests per minute and per client address on sign-in, sign-up and token endpoints.
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(10),
  // POSTs per minute and per client address on live workshop boards (a room may share one address).
  RATE_LIMIT_WORKSHOP_PER_MINUTE: z.coerce.number().int().positive().default(600),
  // Deliver notifications inside the server process; false when `npm run worker` runs separately.
  NOTIFICATIONS_IN_PROCESS: booleanFromString.default(true),
  // Hour of the day (Europe/Paris) after which the daily digests of notifications are sent.
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  // Days after which the text of a hidden irritant is erased (retention of personal data).
  RETENTION_HIDDEN_DAYS: z.coerce.number().int().min(1).default(365),
  // Reverse proxies in front of the server (0: reached directly). Client addresses (rate limits), the forwarded host
  // and protocol are read from X-Forwarded-* headers that many hops deep; a client cannot spoof what comes after.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Largest accepted request body, in bytes.
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  // Memory budget of the render cache of anonymous public pages, in bytes (0 turns it off; 32 MiB keeps the server under
  // 500 MB with the cache full, decision 033), and the age after which
  // an entry is rendered again even when no event was written (relative dates, moving windows).
  RENDER_CACHE_BYTES: z.coerce.number().int().min(0).default(32 * 1024 * 1024),
  RENDER_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Size bound of the write-ahead log: past three quarters of it, a commit checkpoints it itself (decision 035).
  WAL_CAP_BYTES: z.coerce.number().int().min(65_536).default(32 * 1024 * 1024),
  // /healthz adds the render cache's fill and the process's memory (decision 033) only when this is on: the benchmark
  // reads them; the public Internet need not learn how loaded the server is.
  HEALTHZ_DETAILS: booleanFromString.default(false),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string; sessionSecretGenerated: boolean };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/**
 * Origins a form may be redirected to besides this site (CSP form-action): Pro Santé Connect's, when configured,
 * since signing out of a PSC session redirects the sign-out form to the provider's end-session endpoint.
 */
export function pscFormActionOrigins(env: Pick<z.infer<typeof envSchema>, "PSC_ISSUER" | "PSC_CLIENT_ID" | "PSC_CLIENT_SECRET" | "PSC_DISCOVERY_URL">) {
  if (!env.PSC_ISSUER || !env.PSC_CLIENT_ID || !env.PSC_CLIENT_SECRET) return [];
  return [...new Set([env.PSC_ISSUER, env.PSC_DISCOVERY_URL].filter((u): u is string => !!u).map((u) => new URL(u).origin))];
}

/** Reads the secret kept beside the database, creating it on first start. */
function persistedSessionSecret(databaseUrl: string): string {
  const dir = databaseUrl === ":memory:" ? "data" : path.dirname(path.resolve(databaseUrl));
  const file = path.join(dir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let cached: Env | undefined;

/** The configuration, parsed once per process. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  const generated = !parsed.SESSION_SECRET;
  cached = {
    ...parsed,
    SESSION_SECRET: parsed.SESSION_SECRET ?? persistedSessionSecret(parsed.DATABASE_URL),
    sessionSecretGenerated: generated,
  };
  return cached;
}

/** Tests change the environment between files; this forgets the parsed copy. */
export function resetEnvForTests() {
  cached = undefined;
}
