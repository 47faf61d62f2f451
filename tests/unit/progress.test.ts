import { XMLValidator, XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildAtomFeed } from "~/modules/progress/atom";
import { renderMarkdown } from "~/modules/progress/markdown";

describe("renderMarkdown", () => {
  it("renders Markdown and leaves raw HTML and script links inert", () => {
    const html = renderMarkdown('## Titre\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[piège](javascript:alert(1)) [ok](https://esante.gouv.fr)');
    expect(html).toContain("<h2>Titre</h2>");
    expect(html).not.toMatch(/<script|<img|onerror="/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="https://esante.gouv.fr">ok</a>');
  });
});

describe("buildAtomFeed", () => {
  const entries = [
    { slug: "a", title: "Point <1> & « deux »", summary: "Résumé", html: "<p>Texte & plus</p>", publishedAt: "2024-01-11T17:00:00.000Z", updatedAt: "2024-01-12T08:00:00.000Z" },
    { slug: "b", title: "Autre", summary: "S", html: "<p>B</p>", publishedAt: "2023-12-01T10:00:00.000Z", updatedAt: "2023-12-01T10:00:00.000Z" },
  ];

  it("is well-formed Atom with escaped content and the latest update as feed date", () => {
    const xml = buildAtomFeed(entries, "https://sentinelle.example.test");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.updated).toBe("2024-01-12T08:00:00.000Z");
    expect(feed.entry).toHaveLength(2);
    expect(feed.entry[0].title).toBe("Point <1> & « deux »");
    expect(feed.entry[0].id).toBe("https://sentinelle.example.test/points-etape/a");
    expect(feed.entry[0].content["#text"]).toBe("<p>Texte & plus</p>");
  });

  it("stays well-formed with no entry and with control characters", () => {
    expect(XMLValidator.validate(buildAtomFeed([], "http://localhost"))).toBe(true);
    const xml = buildAtomFeed([{ ...entries[0], title: "Bip\u0007 bip" }], "http://localhost");
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
