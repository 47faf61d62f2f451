import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default("data/sentinelle.db"),
  SESSION_SECRET: optionalString.pipe(z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional()),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default("Sentinelle <ne-pas-repondre@sentinelle.localhost>"),
  PUBLIC_URL: optionalUrl,
  DEMO_DATA: booleanFromString.default(true),
  PSC_ISSUER: optionalUrl,
  PSC_CLIENT_ID: optionalString,
  PSC_CLIENT_SECRET: optionalString,
  // Requests per minute and per client address on sign-in, sign-up and token endpoints.
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(10),
  // POSTs per minute and per client address on live workshop boards (a room may share one address).
  RATE_LIMIT_WORKSHOP_PER_MINUTE: z.coerce.number().int().positive().default(600),
  // Deliver notifications inside the server process; false when `npm run worker` runs separately.
  NOTIFICATIONS_IN_PROCESS: booleanFromString.default(true),
  // Largest accepted request body, in bytes.
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
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
