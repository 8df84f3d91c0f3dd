import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test("compliance classifies a hiring system as its deployer and sees the deployer obligations with their dates", async ({
  page,
}) => {
  await signIn(page, "compliance@acme.test");
  await page.goto("/o/acme/systems");
  const name = `Hiring ranker ${uniqueSuffix()}`;
  const form = page.getByRole("form", { name: "Register an AI system" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Purpose", { exact: true }).fill("Ranks job applicants for recruiters.");
  await form.getByLabel("Owner", { exact: true }).fill("People team");
  await form.getByRole("button", { name: "Register AI system" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Not classified yet")).toBeVisible();

  await page.getByRole("link", { name: "Classify", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Classify ${name}` })).toBeVisible();
  const wizard = page.getByRole("form", { name: "Classification" });
  const next = wizard.getByRole("button", { name: "Next", exact: true });

  await expect(wizard.getByRole("heading", { name: /^Step 1 of 8/ })).toBeVisible();
  await wizard.getByRole("checkbox", { name: "Deployer", exact: true }).check();
  await next.click();
  await expect(wizard.getByRole("heading", { name: /^Step 2 of 8/ })).toBeFocused();
  await expect(wizard.getByRole("radio", { name: "Yes" })).toBeChecked();
  await next.click();
  await expect(wizard.getByRole("radio", { name: "None of these" })).toBeChecked();
  await next.click();
  await expect(wizard.getByRole("heading", { name: /^Step 4 of 8/ })).toBeVisible();
  await next.click();
  await wizard.getByLabel("Annex III use case", { exact: true }).selectOption("4(a)");
  await next.click();
  await next.click();
  await expect(wizard.getByRole("heading", { name: /^Step 7 of 8/ })).toBeVisible();
  await next.click();
  await wizard.getByRole("checkbox", { name: /as an employer/ }).check();
  await wizard.getByRole("button", { name: "Save classification" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const classification = page.getByRole("region", { name: "EU AI Act classification" });
  await expect(classification).toContainText("High-risk, Annex III use case");
  await expect(classification).toContainText("Point 4(a)");
  await expect(classification).toContainText("Art. 6(2)");

  // A date after the Annex III application date under either basis: the deployer duties apply.
  await page.goto(`${new URL(page.url()).pathname}?asOf=2028-01-01`);
  const applies = page.getByRole("region", { name: "Applies now" });
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  await expect(applies).toContainText("Art. 26(");
  await expect(applies.getByRole("row", { name: /Art\. 26\(7\)/ }).first()).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(applies).not.toContainText("Art. 16(");
  await expect(upcoming).not.toContainText("Art. 16(");
  const notApplicable = page.getByRole("region", { name: "Does not apply" });
  await notApplicable.getByText(/requirements? do(es)? not apply/).click();
  await expect(notApplicable).toContainText("Art. 16(");

  // Before the amended date but after the original one: the basis decides.
  await page.goto(`${new URL(page.url()).pathname}?asOf=2027-01-01&basis=original`);
  await expect(page.getByRole("region", { name: "Applies now" })).toContainText("Art. 26(");
  await page.getByLabel("Application dates").selectOption("amended");
  await page.getByRole("button", { name: "Show obligations" }).click();
  await expect(page).toHaveURL(/basis=amended/);
  await expect(page.getByRole("region", { name: "Upcoming" })).toContainText("Art. 26(");
});

test("a reader browses the EU AI Act, searches for literacy and opens Art. 4 with its dates", async ({ page }) => {
  await signIn(page, "engineer@acme.test");
  await page.goto("/o/acme/controls");
  await page.getByRole("link", { name: "EU Artificial Intelligence Act" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EU Artificial Intelligence Act" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search requirements" }).fill("literacy");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\?q=literacy/);
  await expect(page.getByRole("status")).toContainText("literacy");
  const hit = page.getByRole("link", { name: /^Art\. 4 AI literacy of staff/ });
  await expect(hit.locator("mark")).toBeVisible();
  // Nodes that neither match nor hold a match are filtered out.
  await expect(page.getByRole("link", { name: /^Art\. 26\(1\)/ })).toHaveCount(0);
  await hit.click();

  await expect(page.getByRole("heading", { level: 1, name: /Art\. 4 AI literacy/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toContainText("EU Artificial Intelligence Act");
  const amended = page.locator("dt", { hasText: "Applies from (as amended by the Digital Omnibus on AI)" });
  await expect(amended).toBeVisible();
  await expect(amended.locator("xpath=following-sibling::dd[1]")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  const original = page.locator("dt", { hasText: "Original date (Art. 113)" });
  await expect(original.locator("xpath=following-sibling::dd[1]")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  // Unknown frameworks and nodes are plain 404s.
  for (const path of ["controls/no-such-framework", `controls/requirements/${encodeURIComponent("eu-ai-act:nope")}`]) {
    expect((await page.request.get(`/o/acme/${path}`)).status(), path).toBe(404);
  }
});

test("a reader opens a Zero Trust function and sees what each maturity stage looks like", async ({ page }) => {
  await signIn(page, "ciso@acme.test");
  await page.goto("/o/acme/controls");
  await page.getByRole("link", { name: /Zero Trust/ }).click();
  await page.getByRole("searchbox", { name: "Search requirements" }).fill("authentication");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  // The Identity pillar's Authentication function (CISA ZTMM 2.0): the first tree entry of that name.
  await page
    .getByRole("region", { name: /contents$/ })
    .getByRole("link", { name: /Authentication/ })
    .first()
    .click();
  const stages = page.getByRole("table", { name: "Zero Trust maturity stages" });
  await expect(stages).toBeVisible();
  for (const stage of ["Traditional", "Initial", "Advanced", "Optimal"]) {
    await expect(stages.getByRole("rowheader", { name: stage })).toBeVisible();
  }
  await expect(stages.getByRole("row")).toHaveCount(5);
});
