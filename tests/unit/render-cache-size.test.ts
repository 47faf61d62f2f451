import { brotliCompressSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { entrySize, exactCopy } from "../../render-cache";

/** The render cache's byte accounting (decision 033): what an entry counts is the memory its bodies keep alive. */
describe("render cache entry size", () => {
  const page = Buffer.from(`<!doctype html><html><body>${"<p>Signalement publié</p>".repeat(80)}</body></html>`);

  it("a small compressed body from zlib is a slice of a larger chunk, which exactCopy releases", () => {
    const gzip = gzipSync(page);
    // The premise of the copy: zlib hands back a view into its 16 KiB output chunk.
    expect(gzip.buffer.byteLength).toBeGreaterThan(gzip.length);
    const copy = exactCopy(gzip);
    expect(copy.equals(gzip)).toBe(true);
    expect(copy.buffer.byteLength).toBe(gzip.length);
    expect(copy.byteOffset).toBe(0);
  });

  it("exactCopy keeps a buffer that already owns its memory", () => {
    const own = Buffer.allocUnsafeSlow(10_000).fill(1);
    expect(exactCopy(own)).toBe(own);
  });

  it("counts the three stored variants, the key, the headers and the script hashes", () => {
    const entry = {
      identity: exactCopy(page),
      gzip: exactCopy(gzipSync(page)),
      br: exactCopy(brotliCompressSync(page)),
      headers: [["content-type", "text/html; charset=utf-8"]] as [string, string][],
      scriptHashes: ["'sha256-abc'"],
    };
    const bodies = entry.identity.length + entry.gzip.length + entry.br.length;
    const size = entrySize(entry, "http://localhost/signalements/1");
    expect(size).toBeGreaterThan(bodies);
    // Adding a header, a hash or a longer key counts too.
    expect(entrySize({ ...entry, headers: [...entry.headers, ["x-a", "b".repeat(100)]] }, "http://localhost/signalements/1")).toBeGreaterThan(size);
    expect(entrySize({ ...entry, scriptHashes: [...entry.scriptHashes, "'sha256-def'"] }, "http://localhost/signalements/1")).toBeGreaterThan(size);
    expect(entrySize(entry, "http://localhost/signalements/12345")).toBeGreaterThan(size);
  });

  it("counts the memory a body keeps alive, not only its length", () => {
    const slice = gzipSync(page);
    const entry = { identity: exactCopy(page), gzip: slice, br: exactCopy(brotliCompressSync(page)), headers: [], scriptHashes: null };
    const exact = { ...entry, gzip: exactCopy(slice) };
    expect(entrySize(entry, "k") - entrySize(exact, "k")).toBe(slice.buffer.byteLength - slice.length);
  });
});
