import { expect, test } from "@playwright/test";
import { escapeRegExp, FIXTURE_PASSWORD, signIn } from "./helpers.ts";

test.describe("sign-in and the organization shell", () => {
  test("an admin signs in and lands on their first organization's dashboard", async ({ page }) => {
    await signIn(page, "admin@acme.test");
    await expect(page).toHaveURL(/\/o\/acme\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: "Support chatbot" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Credit scoring model" })).toBeVisible();
  });

  test("a wrong password is refused with the API's message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email", { exact: true }).fill("admin@acme.test");
    await page.getByLabel("Password", { exact: true }).fill(`${FIXTURE_PASSWORD}-wrong`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Scoped to the form: Next's route announcer is an alert region too.
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/signin/);
    // The password never ends up in the URL.
    expect(page.url()).not.toContain("password");
  });

  test("the organization switcher opens another organization's dashboard", async ({ page }) => {
    await signIn(page, "admin@acme.test");
    await expect(page).toHaveURL(/\/o\/acme\/dashboard$/);
    await page.getByLabel("Organization", { exact: true }).selectOption("globex");
    await expect(page).toHaveURL(/\/o\/globex\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Globex" })).toBeVisible();
    await expect(page.getByLabel("Organization", { exact: true })).toHaveValue("globex");
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, "admin@acme.test");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    await page.goto("/o/acme/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await expect(page.getByRole("heading", { name: "Acme Corp" })).toHaveCount(0);
  });

  test("signing in from a protected page returns to it", async ({ page }) => {
    await page.goto("/o/acme/systems");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email", { exact: true }).fill("compliance@acme.test");
    await page.getByLabel("Password", { exact: true }).fill(FIXTURE_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/o\/acme\/dashboard$/);
  });
});

test.describe("users and roles", () => {
  test("an admin adds a user, sees the temporary password once, and a bad email adds nobody", async ({ page }) => {
    await signIn(page, "admin@acme.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page).toHaveURL(/\/o\/acme\/settings\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Users and roles" })).toBeVisible();

    const members = page.getByRole("table", { name: "Members of Acme Corp" });
    const form = page.getByRole("form", { name: "Add a user" });
    const email = `new.person+${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@acme.test`;

    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Role", { exact: true }).selectOption("compliance");
    await form.getByRole("button", { name: "Add user" }).click();

    await expect(members.getByRole("row", { name: new RegExp(escapeRegExp(email)) })).toBeVisible();
    await expect(page.getByLabel(`Role for ${email}`, { exact: true })).toHaveValue("compliance");
    const secret = page.getByRole("textbox", { name: "Temporary password", exact: true });
    await expect(secret).toHaveValue(/^\S{12,}$/);

    // A bad email: a field error that names the field, and nothing added.
    const rowsBefore = await members.getByRole("row").count();
    await form.getByLabel("Email", { exact: true }).fill("not-an-email");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("alert").filter({ hasText: /^Email\b/ })).toBeVisible();
    await expect(form.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(secret).toHaveCount(0);
    await expect(members.getByRole("row")).toHaveCount(rowsBefore);
    await expect(members.getByRole("cell", { name: "not-an-email" })).toHaveCount(0);

    // Shown once: after a reload the user is listed and the password is gone.
    await page.reload();
    await expect(members.getByRole("row", { name: new RegExp(escapeRegExp(email)) })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Temporary password", exact: true })).toHaveCount(0);
  });

  test("an engineer gets a 403 on the users page", async ({ page }) => {
    await signIn(page, "engineer@acme.test");
    const response = await page.goto("/o/acme/settings/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Users and roles" })).toHaveCount(0);
    await expect(page.getByRole("cell", { name: "admin@acme.test" })).toHaveCount(0);
  });

  test("an engineer's settings page offers API tokens but not users", async ({ page }) => {
    await signIn(page, "engineer@acme.test");
    await page.goto("/o/acme/settings");
    await expect(page.getByRole("link", { name: "API tokens" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  });
});

test.describe("tenant isolation", () => {
  test("another organization's admin gets a 404 for acme", async ({ page }) => {
    await signIn(page, "admin@globex.test");
    await expect(page).toHaveURL(/\/o\/globex\/dashboard$/);
    const response = await page.goto("/o/acme/dashboard");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Acme Corp")).toHaveCount(0);
    await expect(page.getByText("Support chatbot")).toHaveCount(0);
  });
});
