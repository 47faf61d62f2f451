/**
 * French plurals through `Intl.PluralRules("fr")`: 0 and 1 take the singular ("0 signalement",
 * "1 signalement"), 2 and more the plural. Pure; used by pages and e-mails instead of "(s)".
 */
const rules = new Intl.PluralRules("fr");

/** The form of a word or phrase that agrees with `n`: `plural(2, "soutien", "soutiens")` → "soutiens". */
export function plural(n: number, one: string, other: string): string {
  return rules.select(n) === "one" ? one : other;
}

/** `n` followed by the agreeing form: `counted(6, "signalement publié", "signalements publiés")` → "6 signalements publiés". */
export function counted(n: number, one: string, other: string): string {
  return `${n} ${plural(n, one, other)}`;
}
