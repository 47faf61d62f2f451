import { describe, expect, it } from "vitest";
import { regulatoryCalendar } from "~/modules/regulation/calendar";
import { readEffectiveDate } from "~/modules/regulation/effective";
import { linkSentence } from "~/modules/regulation/links";

const entry = (slug: string, label: string, due: string | null) => ({ slug, title: slug, status: "en-vigueur" as const, effective: { label, due } });
const row = (documentType: string, effectiveLabel: string, effectiveDue: string | null) => ({
  documentType,
  effectiveLabel,
  effectiveDue,
  obligation: { slug: "projet", title: "Projet", status: "projet" as const },
});

describe("the regulatory calendar", () => {
  it("groups dated entries and document types by day, in date order, an entry before the documents of its day", () => {
    const calendar = regulatoryCalendar(
      [entry("b", "31/12/2025", "2025-12-31"), entry("a", "7 décembre 2020", "2020-12-07"), entry("sans-date", "Déjà en vigueur", null)],
      [row("Lettres", "31 décembre 2025", "2025-12-31"), row("Opératoire", "31 décembre 2023", "2023-12-31"), row("Sans date", "À préciser", null)],
    );
    expect(calendar.dated.map((d) => d.due)).toEqual(["2020-12-07", "2023-12-31", "2025-12-31"]);
    expect(calendar.dated[2].items.map((i) => (i.kind === "entry" ? `entrée ${i.slug}` : `document ${i.documentType}`))).toEqual(["entrée b", "document Lettres"]);
    expect(calendar.undated.map((e) => e.slug)).toEqual(["sans-date"]);
  });

  it("reads effective dates with the action plan's fuzzy-deadline parser, keeping the label as written", () => {
    expect(readEffectiveDate("31 décembre 2022")).toEqual({ effectiveLabel: "31 décembre 2022", effectiveDue: "2022-12-31", effectiveKind: "date" });
    expect(readEffectiveDate("31/12/2025").effectiveDue).toBe("2025-12-31");
    expect(readEffectiveDate("T1 2024").effectiveDue).toBe("2024-03-31");
    expect(readEffectiveDate("Déjà en vigueur")).toEqual({ effectiveLabel: "Déjà en vigueur", effectiveDue: null, effectiveKind: "unparsed" });
  });
});

describe("what links to an entry", () => {
  it("agrees the nouns and the verb with the counts", () => {
    expect(linkSentence({ irritants: 3, actions: 2, indicators: 0 })).toBe("3 signalements, 2 actions concernent cette obligation");
    expect(linkSentence({ irritants: 0, actions: 0, indicators: 1 })).toBe("1 indicateur concerne cette obligation");
    expect(linkSentence({ irritants: 1, actions: 1, indicators: 2 })).toBe("1 signalement, 1 action, 2 indicateurs concernent cette obligation");
    expect(linkSentence({ irritants: 0, actions: 0, indicators: 0 })).toBeNull();
  });
});
