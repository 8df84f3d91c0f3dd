import { expect, test } from "@playwright/test";
import { escapeRegExp, signIn } from "./helpers.ts";

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test("an engineer creates an evidence:write token, sees it once, and revokes it", async ({ page }) => {
  await signIn(page, "engineer@acme.test");
  await page.goto("/o/acme/settings/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  const form = page.getByRole("form", { name: "Create a token" });
  // Only admins may issue admin-scoped tokens.
  await expect(form.getByRole("checkbox", { name: /^admin/ })).toBeDisabled();

  const name = `ci-${uniqueSuffix()}`;
  await form.getByLabel("Name", { exact: true }).fill(name);
  await expect(form.getByRole("checkbox", { name: /^evidence:write/ })).toBeChecked();
  await form.getByRole("button", { name: "Create token" }).click();

  const secret = page.getByRole("textbox", { name: "New API token", exact: true });
  await expect(secret).toHaveValue(/^assay_\S{20,}$/);
  await expect(page.getByText("you will not see it again", { exact: false })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(escapeRegExp(name)) });
  await expect(row).toContainText("active");
  await expect(row).toContainText("never");

  await page.reload();
  await expect(page.getByRole("textbox", { name: "New API token", exact: true })).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
});

test("compliance registers an AI system; missing fields are named", async ({ page }) => {
  await signIn(page, "compliance@acme.test");
  await page.goto("/o/acme/systems");
  const form = page.getByRole("form", { name: "Register an AI system" });

  await form.getByRole("button", { name: "Register AI system" }).click();
  await expect(form.getByRole("alert").filter({ hasText: /^Name\b/ })).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: /^Purpose\b/ })).toBeVisible();

  const name = `Triage assistant ${uniqueSuffix()}`;
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Purpose", { exact: true }).fill("Sorts incoming support tickets.");
  await form.getByLabel("Owner", { exact: true }).fill("Support Engineering");
  await form.getByLabel("Lifecycle", { exact: true }).selectOption("planned");
  await form.getByRole("button", { name: "Register AI system" }).click();

  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Sorts incoming support tickets." })).toBeVisible();

  // Edit the description from the system's page.
  await page.locator("summary").filter({ hasText: "Edit the description" }).click();
  const edit = page.getByRole("form", { name: "Edit the description" });
  await edit.getByLabel("Purpose", { exact: true }).fill("Sorts and routes incoming support tickets.");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toHaveText(`Saved ${name}.`);
  await expect(
    page.getByRole("definition").filter({ hasText: "Sorts and routes incoming support tickets." }),
  ).toBeVisible();
});

test("a CISO sees the systems register without the registration form", async ({ page }) => {
  await signIn(page, "ciso@acme.test");
  await page.goto("/o/acme/systems");
  await expect(page.getByRole("link", { name: "Support chatbot" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Register an AI system" })).toHaveCount(0);
});
