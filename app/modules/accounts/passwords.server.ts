import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum recommendation.
export function hashPassword(password: string) {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so response times do not tell which e-mails exist. */
export async function verifyAgainstDummy(password: string) {
  dummyHash ??= hashPassword("sentinelle-dummy-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
