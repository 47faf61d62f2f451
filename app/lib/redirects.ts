// Any origin would do: it only anchors relative values so the parser can tell whether they stay on it.
const ANCHOR = "https://sentinelle.invalid";

/**
 * A same-site path to send the browser to after sign-in (or any flow that carries a return address), or `fallback`.
 *
 * Browsers read a Location header with the WHATWG URL parser, which drops tabs and newlines anywhere, trims control
 * characters and spaces, and reads "\" as "/": so "/\t/evil.example" is "//evil.example", another host. Checking
 * the raw string's first characters is not enough; this parses the value the way a browser does, keeps it only if it
 * stays on the anchor origin, and returns the parser's own serialisation (percent-encoded, dot segments resolved),
 * refusing it too if that starts with "//" (as "/.//evil.example" resolves to). The result is what was checked.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Only a plain absolute path: no scheme, no scheme-relative form, no characters a browser would silently drop.
  if (!value.startsWith("/") || value[1] === "/" || value[1] === "\\" || /[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, ANCHOR);
  } catch {
    return fallback;
  }
  if (url.origin !== ANCHOR) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
