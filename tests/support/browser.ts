import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "~/seed/demo.server";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error("Chromium not found: run `npm test` (it installs it as root) or `sudo apt-get install -y chromium`.");
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A page that records CSP violations and page errors, so tests can assert there were none. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ locale: "fr-FR", ...options });
  // Fail with the locator in the message long before the test timeout.
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, context, problems };
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

/** The cookies of a signed-in context: `openPage(browser, { storageState })` opens a fresh context already signed in. */
export type SignedInState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Signs `email` in through the form once, in a context of its own, and returns that context's cookies. The session
 * lives in the database (the cookie holds only its id), so contexts opened with them are signed in without paying the
 * form, the password check and two navigations again. For tests whose subject is a page, not the sign-in.
 */
export async function signedInState(browser: Browser, baseUrl: string, email: string): Promise<SignedInState> {
  const { page, context } = await openPage(browser);
  try {
    await signIn(page, baseUrl, email);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns readable violations.
 * Needs JavaScript in the page's context: in a javaScriptEnabled:false context, evaluate() never returns.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() runs outside the page's CSP, so the page keeps its strict policy.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    // resultTypes: only violations are reported; axe then stops collecting every node of the passes (faster, same rules).
    const result = await axe.run(document, {
      resultTypes: ["violations"],
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Waits for the notice (role status or alert) that says `text`: the answer of the action just sent. */
export async function waitForNotice(page: Page, text: string, role: "status" | "alert" = "status") {
  await page.getByRole(role).filter({ hasText: text }).first().waitFor();
}
