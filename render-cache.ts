import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";
import { lastEventId } from "./app/lib/events.server";
import { getDb } from "./db/client";

/**
 * The render cache of anonymous public pages (decision 023).
 *
 * Only GET and HEAD requests that carry no cookie and no Authorization header at all are served from it or fill it,
 * and only on the public paths below: a signed-in request (or one with any cookie that could identify someone) never
 * reads it and never writes it. A response is kept only when it is a 200 without Set-Cookie and not marked private.
 *
 * Invalidation: every change writes its event in the same transaction (the outbox), whichever process makes it (the
 * server or the worker), so the id of the last event names the state of the data. Each entry keeps the last event id
 * read *before* its page was rendered; on each hit the current last event id is read (an indexed `max(id)`, a few
 * microseconds) and a different one turns the hit into a miss, so a change shows on the first request after its
 * commit. Pages also depend on the clock (relative dates, "the last 30 days", seminars that become past): an entry
 * is never older than RENDER_CACHE_MAX_AGE_SECONDS.
 *
 * CSP: a cached page is served with the hashes of its inline scripts (computed once on fill) in `script-src`, in place
 * of the per-response nonce, and the nonce attributes are removed from the cached bytes: so the bytes stay the same
 * for every visitor, are compressed once (gzip and brotli), carry a strong ETag, and no nonce is ever reused.
 */

/** The pages an anonymous visitor sees, and their client navigation data (`.data`, single fetch). */
const PUBLIC_PATHS = [
  /^\/(_root\.data)?$/,
  /^\/signalements(\.data|\/\d+(\.data)?)?$/,
  /^\/plan-action(\.data|\.csv|\/\d+(\.data)?)?$/,
  /^\/avancement(\.data|\/(donnees(\.data|\.csv|\.json)?|editeurs|indicateurs|themes\/[a-z0-9-]+)(\.data)?)?$/,
  /^\/points-etape(\.data|\/[a-z0-9-]+(\.data)?)?$/,
  /^\/resultats(\.data|\/[a-z0-9-]+(\.data|\.csv|\/export\.csv)?)?$/,
  /^\/seminaires(\.data|\/[a-z0-9-]+(\.data)?)?$/,
  /^\/(mentions-legales|accessibilite|donnees-personnelles|plan-du-site|a-propos)(\.data)?$/,
  /^\/reglementation(\.data|\/[a-z0-9-]+(\.data)?)?$/,
  /^\/flux\.atom$/,
];

/** Response headers not stored: set per response, or by the cache itself. */
const UNSTORED_HEADERS = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "etag", "vary", "content-security-policy", "date", "keep-alive"]);

type Entry = {
  eventId: number;
  storedAt: number;
  headers: [string, string][];
  /** `'sha256-…'` of each inline script, for script-src; null for a response that is not HTML. */
  scriptHashes: string[] | null;
  tag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
};

type Fill = { key: string; eventId: number };

const ENCODINGS = { br: "br", gzip: "gzip", identity: "identity" } as const;
type Encoding = keyof typeof ENCODINGS;

function isAnonymousPublicRequest(req: Request) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.headers.cookie !== undefined || req.headers.authorization !== undefined) return false;
  return PUBLIC_PATHS.some((path) => path.test(req.path));
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The CSP hashes of the inline scripts of an HTML document (a script element without src). */
function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, content] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

function etagMatches(header: string | undefined, tag: string) {
  if (!header) return false;
  const bare = tag.replace(/"$/, "");
  return header.split(",").some((one) => {
    const candidate = one.trim().replace(/^W\//, "");
    // Compressed variants carry the same tag with a suffix (-br, -gz): any of them names this content.
    return candidate === "*" || candidate === tag || candidate.startsWith(`${bare}-`);
  });
}

/**
 * A copy of `buffer` in its own memory of exactly its length. zlib's synchronous calls return a slice of their 16 KiB
 * output chunk when the output is smaller than it, and small buffers are slices of Node's shared 8 KiB pool: either
 * would keep more memory alive than the entry's size counts (a 2 kB brotli body kept a 16 KiB chunk).
 */
export function exactCopy(buffer: Buffer): Buffer {
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length) return buffer;
  const copy = Buffer.allocUnsafeSlow(buffer.length);
  buffer.copy(copy);
  return copy;
}

/** Bytes an entry keeps alive, as counted against the budget: its three bodies, key, headers and script hashes, plus a fixed overhead. */
export function entrySize(entry: Pick<Entry, "identity" | "gzip" | "br" | "headers" | "scriptHashes">, key: string): number {
  const text = (s: string) => 2 * s.length; // strings in the V8 heap: up to two bytes per character
  return (
    entry.identity.buffer.byteLength +
    entry.gzip.buffer.byteLength +
    entry.br.buffer.byteLength +
    text(key) +
    entry.headers.reduce((sum, [n, v]) => sum + text(n) + text(v), 0) +
    (entry.scriptHashes ?? []).reduce((sum, hash) => sum + text(hash), 0) +
    ENTRY_OVERHEAD
  );
}

/** An allowance for the objects around the bodies (the entry, three Buffer views, arrays, the LRU's slots). */
const ENTRY_OVERHEAD = 1024;

export type RenderCache = ReturnType<typeof createRenderCache>;

/** The cache, its middleware (hits) and its fill (from the Remix handler). `maxBytes` 0 turns it off. */
export function createRenderCache({ maxBytes, maxAgeMs, hostOf }: { maxBytes: number; maxAgeMs: number; hostOf: (req: Request) => string | undefined }) {
  const entries =
    maxBytes > 0
      ? new LRUCache<string, Entry>({
          maxSize: maxBytes,
          sizeCalculation: entrySize,
        })
      : null;
  const fills = new WeakMap<Request, Fill>();

  // The address the application renders for (feeds name it when PUBLIC_URL is unset).
  const keyOf = (req: Request) => `${req.protocol}://${hostOf(req) ?? ""}${req.originalUrl}`;

  function serve(req: Request, res: Response, entry: Entry, status: "hit" | "miss") {
    // Brotli whenever accepted (browsers list it after gzip, with the same weight), then gzip.
    const encoding: Encoding = req.acceptsEncodings("br") === "br" ? "br" : req.acceptsEncodings("gzip") === "gzip" ? "gzip" : "identity";
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    if (entry.scriptHashes) {
      // The response's policy, with the page's script hashes instead of this response's nonce.
      const policy = String(res.getHeader("Content-Security-Policy") ?? "");
      const nonce = `'nonce-${res.locals.cspNonce as string}'`;
      res.setHeader("Content-Security-Policy", policy.replace(nonce, entry.scriptHashes.join(" ")).replace(/ {2,}/g, " "));
    }
    const tag = encoding === "identity" ? entry.tag : entry.tag.replace(/"$/, encoding === "br" ? '-br"' : '-gz"');
    // Browsers revalidate (If-None-Match) instead of reusing a copy by heuristics: after signing in, they get their own page.
    if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Vary", "Accept-Encoding, Cookie, Authorization");
    res.setHeader("ETag", tag);
    res.setHeader("X-Cache", status);
    if (etagMatches(req.get("if-none-match"), entry.tag)) {
      res.removeHeader("Content-Type");
      res.status(304).end();
      return;
    }
    const body = entry[encoding];
    if (encoding !== "identity") res.setHeader("Content-Encoding", ENCODINGS[encoding]);
    res.setHeader("Content-Length", String(body.length));
    res.status(200);
    if (req.method === "HEAD") res.end();
    else res.end(body);
  }

  /** Serves a hit; otherwise marks an anonymous public GET so that the Remix handler fills the cache. */
  function middleware(req: Request, res: Response, next: NextFunction) {
    if (!entries || !isAnonymousPublicRequest(req)) return next();
    const key = keyOf(req);
    // Read before rendering: a change committed while the page renders leaves the entry already stale.
    const eventId = lastEventId(getDb());
    const entry = entries.get(key);
    if (entry && entry.eventId === eventId && Date.now() - entry.storedAt < maxAgeMs) return serve(req, res, entry, "hit");
    if (entry) entries.delete(key);
    if (req.method === "GET") fills.set(req, { key, eventId });
    res.setHeader("X-Cache", "miss");
    next();
  }

  /**
   * Called by the Remix handler with the application's response: keeps it when the request was marked and the
   * response may be shared, then answers from the new entry. Returns false (the caller sends the response) otherwise.
   */
  async function fill(req: Request, res: Response, response: globalThis.Response): Promise<boolean> {
    const marked = entries && fills.get(req);
    if (!marked || !response.body || response.status !== 200 || response.headers.has("set-cookie")) return false;
    if (/no-store|private/i.test(response.headers.get("cache-control") ?? "")) return false;
    const contentType = response.headers.get("content-type") ?? "";
    let identity: Buffer;
    try {
      identity = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      // The client went away while the page rendered (the application's work was aborted): nothing to answer or keep.
      if (res.destroyed || req.destroyed) return true;
      throw error;
    }
    let scriptHashes: string[] | null = null;
    const nonce = res.locals.cspNonce as string;
    if (contentType.startsWith("text/html")) {
      const html = identity.toString("utf8").replaceAll(` nonce="${nonce}"`, "");
      // A nonce left anywhere else would be shared by every visitor: such a page is not kept.
      if (html.includes(nonce)) return sendUncached(res, response, identity);
      scriptHashes = inlineScriptHashes(html);
      identity = Buffer.from(html, "utf8");
    }
    const entry: Entry = {
      eventId: marked.eventId,
      storedAt: Date.now(),
      headers: [...response.headers.entries()].filter(([name]) => !UNSTORED_HEADERS.has(name)),
      scriptHashes,
      tag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 32)}"`,
      identity: exactCopy(identity),
      gzip: exactCopy(gzipSync(identity, { level: 6 })),
      br: exactCopy(brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } })),
    };
    entries.set(marked.key, entry);
    res.statusMessage = response.statusText;
    serve(req, res, entry, "miss");
    return true;
  }

  function sendUncached(res: Response, response: globalThis.Response, body: Buffer) {
    res.status(response.status);
    for (const [name, value] of response.headers.entries()) res.append(name, value);
    res.end(body);
    return true;
  }

  /** How full the cache is: entries and the bytes they count against `maxBytes` (stale entries included until evicted). */
  function stats() {
    return { entries: entries?.size ?? 0, bytes: entries?.calculatedSize ?? 0, maxBytes };
  }

  return { middleware, fill, stats };
}
