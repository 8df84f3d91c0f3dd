import { expect, test } from "@playwright/test";
import { collectErrors, escapeRegExp, expectAccessible, signIn } from "./helpers.ts";

// Readiness in the demo organization (seeded by e2e/serve.ts: three systems, evidence that is met,
// failing, stale, waived and not yet applicable), where admin@acme.test is an admin and
// compliance@acme.test a compliance officer.
const RED_TEAM_CI = "zero-trust-ai:applications.security-testing.red-team-ci";
const SUPPORT = "Customer support assistant";
const requirementPath = (id: string) => `/o/demo/controls/requirements/${encodeURIComponent(id)}`;
/** A UTC date `days` from today, as the date inputs and `?asOf=` take it. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("the dashboard draws the demo's readiness without console errors, and a pillar bar opens that pillar's open requirements", async ({
  page,
}, testInfo) => {
  const errors = collectErrors(page);
  await signIn(page, "admin@acme.test");
  await page.goto("/o/demo/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Demo Organization" })).toBeVisible();

  // Trend lines need a stored snapshot: the worker writes one shortly after the server starts.
  const frameworks = page.getByRole("region", { name: "Readiness by framework" });
  await expect(async () => {
    await page.reload();
    await expect(frameworks.getByRole("application", { name: /Readiness score per framework/ })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 45_000 });
  await expect(frameworks.getByRole("heading", { name: "EU Artificial Intelligence Act" })).toBeVisible();
  await expect(frameworks.locator(".recharts-line")).toHaveCount(3);

  const pillars = page.getByRole("region", { name: "Zero Trust pillars" });
  await expect(pillars.getByRole("application", { name: /Zero Trust pillar scores/ })).toBeVisible();
  await expect(pillars.locator(".recharts-bar-rectangle")).toHaveCount(6);
  const pillarTable = pillars.getByRole("table", { name: /Zero Trust pillars/ });
  await expect(pillarTable.getByRole("row")).toHaveCount(7);

  const heatmap = page.getByRole("table", { name: /Worst readiness status per AI system/ });
  await expect(heatmap.getByRole("rowheader", { name: SUPPORT })).toBeVisible();
  await expect(heatmap.getByRole("row")).toHaveCount(4);
  expect(await heatmap.getByRole("cell").count()).toBeGreaterThan(3);
  await expect(heatmap.getByRole("link", { name: /^Met \(Art\. 4, met: 1 met\)$/ }).first()).toBeVisible();

  await expect(page.getByRole("region", { name: "Top gaps" }).getByRole("row")).toHaveCount(11);
  const deadlines = page.getByRole("region", { name: "Upcoming deadlines" });
  await expect(deadlines.getByRole("columnheader", { name: "Digital Omnibus date" })).toBeVisible();
  await expect(deadlines.getByRole("columnheader", { name: "Original date" })).toBeVisible();
  await expect(deadlines.getByRole("row", { name: /CV screening ranker 2027-12-02 2026-08-02/ })).toBeVisible();
  const recent = page.getByRole("region", { name: "Recent evidence" }).getByRole("row");
  expect(await recent.count()).toBeGreaterThan(1);
  expect(await recent.count()).toBeLessThanOrEqual(11);

  // Full-page screenshots in both colour schemes, kept with the test's results.
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = testInfo.outputPath(`dashboard-${scheme}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`dashboard-${scheme}`, { path, contentType: "image/png" });
  }
  await page.emulateMedia({ colorScheme: "light" });
  expect(errors, "console errors on the dashboard").toEqual([]);

  // A pillar that is not yet optimal: its bar opens the list of its open requirements.
  const rows = pillarTable.getByRole("row");
  let index = -1;
  for (let i = 1; i < (await rows.count()); i++) {
    const text = await rows.nth(i).innerText();
    if (!/Optimal/.test(text) && (await rows.nth(i).getByRole("link").count()) > 0) {
      index = i - 1;
      break;
    }
  }
  expect(index, "a pillar with open requirements").toBeGreaterThanOrEqual(0);
  const pillarName = (
    await rows
      .nth(index + 1)
      .getByRole("rowheader")
      .innerText()
  ).trim();
  await pillars.locator(".recharts-bar-rectangle").nth(index).locator("path").click();
  await expect(page).toHaveURL(
    /\/o\/demo\/readiness\?status=failing%2Cstale%2Cmissing%2Cpartial&group=zero-trust-ai%3A/,
  );
  await expect(page.getByRole("heading", { level: 1, name: "Readiness details" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Under: ZTMM [\\d.]+ .*${escapeRegExp(pillarName)}`))).toBeVisible();
  const list = page.getByRole("table", { name: "Requirements with their status per AI system" });
  const listed = list.getByRole("row");
  expect(await listed.count()).toBeGreaterThan(1);
  const statuses = await list.locator("tbody td:nth-child(3)").allInnerTexts();
  expect(new Set(statuses.map((s) => s.trim()))).toEqual(
    new Set(statuses.map((s) => s.trim()).filter((s) => ["failing", "stale", "missing", "partial"].includes(s))),
  );
  const pillarUrl = page.url();

  // The same through the table alternative, with the keyboard.
  await page.goBack();
  await pillarTable
    .getByRole("link", { name: new RegExp(`open requirements in ${escapeRegExp(pillarName)}$`) })
    .press("Enter");
  await expect(page).toHaveURL(pillarUrl);
  expect(errors, "console errors").toEqual([]);
});

test("compliance records a waiver on the requirement page; the status is waived, and failing again by a date after its end", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await signIn(page, "compliance@acme.test");
  await page.goto(requirementPath(RED_TEAM_CI));
  await expect(page.getByRole("heading", { level: 1, name: /Automated AI red-team testing/ })).toBeVisible();
  const statusTable = page.getByRole("table", { name: "Status of this requirement per AI system" });
  const supportRow = statusTable.getByRole("row", { name: new RegExp(`^${escapeRegExp(SUPPORT)}`) });
  await expect(supportRow.getByRole("cell").first()).toHaveText("failing");
  // The explanation cites the failing evidence and the rule.
  await supportRow.getByText(/A fresh failing result counts against it/).click();
  await expect(supportRow.getByRole("link", { name: /evidence observed/ }).first()).toBeVisible();
  await expect(supportRow).toContainText("red-team-results");

  const form = page.getByRole("form", { name: "Record a waiver" });
  // The API's field errors are shown next to the fields.
  await form.getByLabel("Reason", { exact: true }).fill("short");
  await form.getByRole("button", { name: "Record waiver" }).click();
  await expect(form.getByText(/^Reason must be at least 10 characters/)).toBeVisible();
  await expect(form.getByText(/^Approver must be the email/)).toBeVisible();
  await expect(form.getByText(/^Ends on must be a date/)).toBeVisible();

  const ends = dayFromToday(5);
  await form.getByLabel("AI system", { exact: true }).selectOption({ label: SUPPORT });
  await form.getByLabel("Reason", { exact: true }).fill("The prompt-injection fix ships with the next model release.");
  await form.getByLabel("Compensating control", { exact: true }).fill("Gateway output filter and human review.");
  await form.getByLabel("Approver", { exact: true }).selectOption("admin@acme.test");
  await form.getByLabel("Ends on", { exact: true }).fill(ends);
  await form.getByRole("button", { name: "Record waiver" }).click();
  await expect(form.getByRole("status")).toHaveText(
    `Waiver recorded for ${SUPPORT} until ${ends}, approved by admin@acme.test.`,
  );
  await expect(supportRow.getByRole("cell").first()).toHaveText("waived");
  const waivers = page.getByRole("table", { name: "Waivers of this requirement" });
  await expect(waivers.getByRole("row", { name: new RegExp(`${escapeRegExp(SUPPORT)}.*active`) })).toBeVisible();

  // Readiness by a date after the waiver's end: the failing evidence counts again.
  await page.goto(`${requirementPath(RED_TEAM_CI)}?asOf=${dayFromToday(6)}`);
  await expect(page.getByRole("textbox", { name: "Status by date", exact: true })).toHaveValue(dayFromToday(6));
  await expect(supportRow.getByRole("cell").first()).toHaveText("failing");
  await expect(supportRow).not.toContainText("Waived");
  // Today it is still waived, and the waivers page lists it.
  await page.goto(requirementPath(RED_TEAM_CI));
  await expect(supportRow.getByRole("cell").first()).toHaveText("waived");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Waivers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Waivers" })).toBeVisible();
  await expect(page.getByRole("table", { name: "All waivers" }).getByRole("row", { name: /red-team/i })).toBeVisible();
  // The only failed request is the deliberately invalid waiver (422).
  expect(errors.filter((e) => !/status of 422 .*\/api\/v1\/orgs\/demo\/waivers\)$/.test(e))).toEqual([]);
});

test("the dashboard, a system page, a requirement page and the lists pass an axe scan (WCAG 2 A and AA)", async ({
  page,
}) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/o/demo/dashboard");
  await expect(
    page.getByRole("region", { name: "Zero Trust pillars" }).getByRole("application", { name: /Zero Trust pillar/ }),
  ).toBeVisible();
  await expectAccessible(page, "the dashboard");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page, "the dashboard in dark mode");
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("region", { name: "AI systems" }).getByRole("link", { name: SUPPORT }).click();
  await expect(page.getByRole("heading", { level: 1, name: SUPPORT })).toBeVisible();
  const readiness = page.getByRole("region", { name: /^Readiness by / });
  await expect(readiness.getByRole("table", { name: /Applicable requirements with evidence/ })).toBeVisible();
  await expect(
    readiness.getByRole("list", { name: "Evidence, newest first" }).getByRole("listitem").first(),
  ).toBeVisible();
  await expectAccessible(page, "a system page");

  await page.goto(requirementPath(RED_TEAM_CI));
  await expect(page.getByRole("heading", { level: 2, name: "Status across systems" })).toBeVisible();
  await expectAccessible(page, "a requirement page");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page, "a requirement page in dark mode");
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto("/o/demo/readiness?status=failing,stale");
  await expect(page.getByRole("table", { name: "Requirements with their status per AI system" })).toBeVisible();
  await expectAccessible(page, "the readiness list");
  await page.goto("/o/demo/waivers");
  await expectAccessible(page, "the waivers page");
});
