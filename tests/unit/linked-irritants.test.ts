import { describe, expect, it } from "vitest";
import { linkedIrritantIds } from "~/lib/email-template";

describe("linkedIrritantIds", () => {
  it("finds each irritant page a text links to, once, whatever follows the number", () => {
    const text = "Voir https://sentinelle.example/signalements/12 et /signalements/12#commentaires, puis /signalements/345?x=1.";
    expect(linkedIrritantIds(text, '<a href="/signalements/678">x</a>')).toEqual([12, 345, 678]);
  });

  it("never takes n°12 for n°123, nor another page for an irritant's", () => {
    expect(linkedIrritantIds("/signalements/123")).toEqual([123]);
    expect(linkedIrritantIds("/signalements/nouveau /equipe/signalements /points-etape/12 /editeur/tickets/7")).toEqual([]);
  });
});
