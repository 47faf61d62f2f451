import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

/** The narrowest phone the pages are made for (CSS pixels). */
export const PHONE_VIEWPORT = { width: 360, height: 740 };
const DESKTOP_VIEWPORT = { width: 1280, height: 800 };

/**
 * How wide the page is at 360 px, and the elements that stick out past the right edge (deepest first, at most five),
 * so that a failure names its culprit: `{ scrollWidth: 360, culprits: [] }` on a page that does not scroll sideways.
 */
export async function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  await page.setViewportSize(PHONE_VIEWPORT);
  return page.evaluate((limit) => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join(".")}` : "";
      const box = el.getBoundingClientRect();
      const text = (el.textContent ?? "").trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} (${Math.round(Math.max(box.right, box.left + el.scrollWidth))} px${text ? ` « ${text} »` : ""})`;
    };
    const wide = [...document.body.querySelectorAll("*")].filter((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0) return false;
      // Its box sticks out, or its text does (a long word or address in a box of the right width).
      const overflowX = getComputedStyle(el).overflowX;
      const textRight = overflowX === "visible" && !(el instanceof HTMLSelectElement) ? box.left + el.scrollWidth : box.right;
      if (Math.max(box.right, textRight) <= limit + 0.5) return false;
      // Inside a scrolling box (a table region), it does not widen the page.
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if (overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden") return false;
      }
      return true;
    });
    const deepest = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    return { scrollWidth: document.documentElement.scrollWidth, culprits: deepest.slice(0, 5).map(describe) };
  }, PHONE_VIEWPORT.width);
}

/** test-results/screenshots/<name>.png (git-ignored), full page, at the page's current viewport. */
export async function screenshot(page: Page, name: string) {
  const file = path.resolve("test-results/screenshots", `${name.replace(/[^a-z0-9-]+/gi, "-").replace(/^-|-$/g, "")}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}

/** Screenshots the page at desktop size then at phone size (`<name>-bureau`, `<name>-telephone`); leaves it at phone size. */
export async function screenshotsDesktopAndPhone(page: Page, name: string) {
  await page.setViewportSize(DESKTOP_VIEWPORT);
  await screenshot(page, `${name}-bureau`);
  await page.setViewportSize(PHONE_VIEWPORT);
  await screenshot(page, `${name}-telephone`);
}
