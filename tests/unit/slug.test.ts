import { describe, expect, it } from "vitest";
import { slugFromTitle } from "~/lib/text/slug";
import { updatesPageSchema } from "~/modules/progress";

describe("slugFromTitle", () => {
  it("derives an address from a French title", () => {
    expect(slugFromTitle("Point d'étape — janvier 2024 : Ségur & œuvre")).toBe("point-d-etape-janvier-2024-segur-oeuvre");
    expect(slugFromTitle("  Déjà  ")).toBe("deja");
  });
});

describe("a point d'étape's address", () => {
  const fields = { intent: "create", title: "Point d'étape de mars", summary: "Résumé du point.", body: "Le contenu du point d'étape." };
  it("may be left blank (the module derives it from the title)", () => {
    const parsed = updatesPageSchema.safeParse({ ...fields, slug: "" });
    expect(parsed.success).toBe(true);
  });
  it("is checked, with a French message, when given", () => {
    const parsed = updatesPageSchema.safeParse({ ...fields, slug: "Pas Valide" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toContain("minuscules sans accent");
  });
});
