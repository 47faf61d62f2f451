import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/lib/redirects";

const ORIGIN = "https://sentinelle.example";
/** Where a browser goes for a Location header: the WHATWG URL parser, relative to the page that answered. */
const browserTarget = (location: string) => new URL(location, `${ORIGIN}/connexion?redirectTo=x`);
/** What Node's HTTP layer accepts in a header value (it throws on anything else, which would be a 500). */
const validHeaderValue = (value: string) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value);

// Pieces that have each taken some redirect check somewhere: slashes and backslashes, the characters the WHATWG
// parser strips (tab, newline, carriage return) or trims (C0 controls, space), encoded forms, schemes, userinfo,
// dot segments and look-alike Unicode slashes and dots.
const pieces = fc.constantFrom(
  "/", "//", "\\", "/\\", "\\/", "\t", "\n", "\r", " ", "\u0000", "\u001f", "\u007f", "\u00a0", "\u3000", "\ufeff",
  "%2f", "%2F", "%5c", "%5C", "%09", "%0a", "%0d", "%00", "%252f", "%", ".", "..", "./", "../", "/./", "/../",
  "@", ":", "?", "#", "&", "=", "javascript:", "JaVaScRiPt:", "data:", "http:", "https:", "//evil.example", "evil.example",
  "evil.example:443", "user:pass@", "\uff0f", "\u2215", "\u2044", "\uff3c", "\u3002", "\uff0e", "é", "💥", "compte",
  "signalements/12", "?q=1", "#x",
);
const hostile = fc.oneof(
  fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")),
  fc.tuple(fc.constantFrom("/", "", " ", "\t"), fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 }), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 10 })).map(([head, rest]) => head + rest.join("")),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
);

describe("safeRedirectPath", () => {
  it("keeps ordinary same-site paths with their query and fragment", () => {
    expect(safeRedirectPath("/compte")).toBe("/compte");
    expect(safeRedirectPath("/signalements/12?tri=recent#commentaires")).toBe("/signalements/12?tri=recent#commentaires");
    expect(safeRedirectPath("/seminaires/2026/inscription", "/equipe")).toBe("/seminaires/2026/inscription");
    expect(safeRedirectPath("/recherche?q=dossier%20m%C3%A9dical")).toBe("/recherche?q=dossier%20m%C3%A9dical");
  });

  it("refuses every known way out of the site", () => {
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "\t//evil.example",
      " //evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "/./\\evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "https://evil.example",
      "https:evil.example",
      "javascript:alert(1)",
      "/%09/evil.example",
      "\u0000//evil.example",
      "",
      "compte",
    ]) {
      const result = safeRedirectPath(value, "/");
      expect(browserTarget(result).origin, JSON.stringify(value)).toBe(ORIGIN);
      expect(result, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
    }
    expect(safeRedirectPath("/\t/evil.example", "/equipe")).toBe("/equipe");
    expect(safeRedirectPath(undefined, "/equipe")).toBe("/equipe");
    expect(safeRedirectPath(42, "/equipe")).toBe("/equipe");
  });

  it("never sends a browser to another origin, whatever the string (property)", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const result = safeRedirectPath(value, "/");
        // A browser resolving the header value must stay on the platform...
        expect(browserTarget(result).origin).toBe(ORIGIN);
        // ...and so must one resolving it against any other page of the site.
        expect(new URL(result, `${ORIGIN}/a/b/c`).origin).toBe(ORIGIN);
        // The value is a plain path (no scheme-relative or backslash start) that Node can put in a header.
        expect(result.startsWith("/")).toBe(true);
        expect(result[1] === "/" || result[1] === "\\").toBe(false);
        expect(validHeaderValue(result)).toBe(true);
        // What it keeps is stable: checking it again changes nothing.
        expect(safeRedirectPath(result, "/fallback")).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps a same-site path the browser would read the same way (property)", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = "/" + segments.join("/");
        expect(safeRedirectPath(path, "/fallback")).toBe(path);
      }),
    );
  });
});
