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
