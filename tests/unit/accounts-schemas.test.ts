import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "~/modules/accounts/schemas";

const validSignUp = {
  role: "practitioner",
  displayName: "Compte de test",
  email: "  Test@Exemple.FR ",
  password: "une phrase de passe",
  passwordConfirmation: "une phrase de passe",
  profession: "medecin",
};

describe("signUpSchema", () => {
  it("normalises the e-mail address", () => {
    const result = signUpSchema.parse(validSignUp);
    expect(result.email).toBe("test@exemple.fr");
  });

  it("explains in French what is wrong, field by field", () => {
    const result = signUpSchema.safeParse({ ...validSignUp, email: "pas-une-adresse", password: "court", passwordConfirmation: "autre" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.email).toBe("Cette adresse e-mail n'est pas valide.");
    expect(messages.password).toBe("Le mot de passe doit contenir au moins 12 caractères.");
  });

  it("requires a profession from professionals but not from patients", () => {
    const { profession: _p, ...withoutProfession } = validSignUp;
    expect(signUpSchema.safeParse(withoutProfession).success).toBe(false);
    expect(signUpSchema.safeParse({ ...withoutProfession, role: "patient" }).success).toBe(true);
  });

  it("refuses mismatched confirmations and malformed RPPS numbers", () => {
    const mismatch = signUpSchema.safeParse({ ...validSignUp, passwordConfirmation: "une autre phrase" });
    expect(mismatch.error?.issues[0].path).toEqual(["passwordConfirmation"]);
    const rpps = signUpSchema.safeParse({ ...validSignUp, rpps: "1234" });
    expect(rpps.error?.issues[0].message).toBe("Le numéro RPPS comporte 11 chiffres.");
    expect(signUpSchema.safeParse({ ...validSignUp, rpps: "10003456789" }).success).toBe(true);
  });

  it("refuses roles that cannot be self-assigned", () => {
    expect(signUpSchema.safeParse({ ...validSignUp, role: "admin" }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...validSignUp, role: "team" }).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("asks for both fields", () => {
    const result = signInSchema.safeParse({});
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Indiquez votre adresse e-mail.", "Indiquez votre mot de passe."]);
  });
});

describe("password rules", () => {
  it("refuse common long passwords, repeated characters and digit runs, and accept a passphrase", async () => {
    const { weakPasswordReason } = await import("~/modules/accounts/password-rules");
    expect(weakPasswordReason("MotDePasse123")).toMatch(/plus utilisés/);
    expect(weakPasswordReason("aaaaaaaaaaaa")).toMatch(/répète/);
    expect(weakPasswordReason("abababababab")).toMatch(/répète/);
    expect(weakPasswordReason("345678901234")).toMatch(/suite de chiffres/);
    expect(weakPasswordReason("une phrase assez longue")).toBeNull();
    expect(weakPasswordReason("sentinelle-demo")).toBeNull();
  });
});
