import { it } from "vitest";
import { signInCookie } from "../support/http";
import { startTestServer } from "../support/server";
it("dump", async () => {
  const server = await startTestServer();
  const c = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
  const html = await (await fetch(server.url + "/equipe/seminaires/1", { headers: { Cookie: c } })).text();
  console.log("NULS", [...html.matchAll(/\u0000/g)].length);
  server.close();
});
