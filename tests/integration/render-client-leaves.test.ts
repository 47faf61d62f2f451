import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A visitor who leaves while a page is still being written (a closed tab, a client's timeout) is not an error of the
 * server: the render stops without a stack trace in the logs, and the server goes on answering.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

// The visitors run in another process: in this one, the server would write a whole page before a client in the same
// event loop could read its first bytes and leave.
const VISITORS = `
const http = require("node:http");
const [url, count] = process.argv.slice(1);
const { hostname, port } = new URL(url);
const paths = ["/", "/signalements", "/plan-action", "/avancement", "/points-etape"];
let left = 0;
for (let i = 0; i < Number(count); i++) {
  // A cookie that no session matches: the page is rendered, not served from the render cache.
  const req = http.get({ hostname, port, path: paths[i % paths.length], headers: { cookie: "visit=" + i } }, (res) => {
    res.once("data", () => {
      req.destroy();
      if (++left === Number(count)) process.exit(0);
    });
  });
  req.on("error", () => {});
}
`;

describe("clients that leave mid-page", () => {
  it("stop the render without an error in the logs, and the next visitor gets the page", async () => {
    const logged = vi.spyOn(console, "error");
    try {
      await promisify(execFile)(process.execPath, ["-e", VISITORS, server.url, "20"], { timeout: 30_000 });
      // Let the renders notice the closed connections.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(logged.mock.calls.map((call) => String(call[0])).filter((e) => /closed early/.test(e))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
    const page = await fetch(server.url + "/signalements");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("</html>");
  });
});
