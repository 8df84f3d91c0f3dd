import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The password of every fixture user (see e2e/serve.ts). */
export const FIXTURE_PASSWORD = "correct-horse-battery-staple";

/**
 * Signs in through the sign-in page, the way a person does, and waits until the app has moved on
 * from it. `callbackUrl` opens the sign-in page with that parameter.
 */
export async function signIn(
  page: Page,
  email: string,
  options: { password?: string; callbackUrl?: string } = {},
): Promise<void> {
  const query = options.callbackUrl ? `?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : "";
  await page.goto(`/signin${query}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(options.password ?? FIXTURE_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin(\?|$)/);
}

/** A string safe to put into a RegExp as a literal. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Console errors and uncaught exceptions of the page, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));

  return errors;
}

/** An axe scan (WCAG 2 A and AA) of the current page that fails on any serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(blocking, `axe violations on ${what}`).toEqual([]);
}
