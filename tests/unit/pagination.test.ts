import { describe, expect, it } from "vitest";
import { pageLinks } from "~/components/pagination";

describe("keyset page links", () => {
  it("on the first page: no first or previous page, the next one keeps the filters", () => {
    expect(pageLinks("?q=dmp&status=new", 40)).toEqual({ page: 1, first: undefined, previous: undefined, next: "?q=dmp&status=new&cursor=40" });
    expect(pageLinks("", undefined)).toEqual({ page: 1, first: undefined, previous: undefined, next: undefined });
  });

  it("remembers the pages before, so that « Page précédente » is a link", () => {
    const second = pageLinks("?q=dmp&cursor=40", 20);
    expect(second).toEqual({ page: 2, first: "?q=dmp", previous: "?q=dmp", next: "?q=dmp&cursor=20&pages=40" });
    const third = pageLinks(second.next!.slice(1), 5);
    expect(third).toEqual({ page: 3, first: "?q=dmp", previous: "?q=dmp&cursor=40", next: "?q=dmp&cursor=5&pages=40.20" });
    expect(pageLinks("?q=dmp&cursor=5&pages=40.20", undefined).previous).toBe("?q=dmp&cursor=20&pages=40");
  });

  it("reads another cursor parameter and the public list's « supports:id » cursors", () => {
    expect(pageLinks("?avant=12", 3, "avant")).toMatchObject({ page: 2, previous: "?", next: "?avant=3&pages=12" });
    expect(pageLinks("?sort=supports&cursor=4:17", "2:9").next).toBe("?sort=supports&cursor=2%3A9&pages=4%3A17");
  });

  it("ignores a hand-edited trail rather than failing", () => {
    expect(pageLinks("?cursor=40&pages=abc.20", 10)).toMatchObject({ page: 2, previous: "?" });
    expect(pageLinks("?cursor=abc", 10)).toMatchObject({ page: 1, previous: undefined, next: "?cursor=10" });
  });
});
