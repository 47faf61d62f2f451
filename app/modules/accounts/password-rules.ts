/**
 * Sane password rules without a downloaded breach list (nothing can be fetched here): long enough (the schema asks
 * 12 characters), and not one of the long passwords that every guessing list starts with.
 */
const COMMON_LONG_PASSWORDS = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "azertyuiop123",
  "azertyuiopqsd",
  "qwertyuiop123",
  "motdepasse123",
  "motdepasse1234",
  "password1234",
  "password12345",
  "passwordpassword",
  "motdepassemotdepasse",
  "sentinelle123",
  "sentinelle2024",
  "sentinelle2025",
  "sentinelle2026",
  "iloveyou1234",
  "bonjour123456",
  "soleil123456",
  "doudou123456",
  "administrateur",
  "administrator1",
]);

/** Why a password is refused, or null when it is acceptable. */
export function weakPasswordReason(password: string): string | null {
  const lower = password.toLowerCase();
  if (COMMON_LONG_PASSWORDS.has(lower)) return "Ce mot de passe figure parmi les plus utilisés : choisissez-en un autre.";
  if (new Set(lower).size <= 2) return "Ce mot de passe répète trop les mêmes caractères.";
  if (/^\d+$/.test(lower) && "01234567890123456789".includes(lower)) return "Une suite de chiffres se devine trop facilement.";
  return null;
}
