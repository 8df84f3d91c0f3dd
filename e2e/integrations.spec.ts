import { createHmac, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { escapeRegExp, signIn } from "./helpers.ts";

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Standard Webhooks headers, signed the way a sender does: HMAC-SHA256 over `id.timestamp.body`. */
function signStandardWebhook(secret: string, body: string): Record<string, string> {
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${signature}`,
  };
}

test("an admin creates a Standard Webhooks integration, a signed delivery arrives, and its evidence supports a requirement", async ({
  page,
  playwright,
}) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/o/acme/integrations");
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();

  const name = `Red team webhooks ${uniqueSuffix()}`;
  const form = page.getByRole("form", { name: "Add an integration" });
  await form.getByLabel("Source", { exact: true }).selectOption("standard-webhooks");
  await expect(form.getByText("webhook-signature (Standard Webhooks)")).toBeVisible();
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("AI system", { exact: true }).selectOption({ label: "Credit scoring model" });
  await form.getByRole("button", { name: "Create integration" }).click();

  // The URL and the secret, shown once.
  const urlField = page.getByRole("textbox", { name: "Ingest URL", exact: true });
  await expect(urlField).toHaveValue(/\/api\/v1\/ingest\/[0-9a-f-]{36}$/);
  const secretField = page.getByRole("textbox", { name: "Signing secret", exact: true });
  await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9+/=]{20,}$/);
  await expect(page.getByText("Copy it now: you will not see it again.")).toBeVisible();
  const url = await urlField.inputValue();
  const secret = await secretField.inputValue();

  // The sender: a signed delivery from outside the browser, and a forged one.
  const body = JSON.stringify({
    type: "assay.finding",
    timestamp: new Date().toISOString(),
    data: {
      findings: [
        {
          check: "red-team",
          outcome: "pass",
          title: "garak suite passed",
          subject: { kind: "model", name: "fraud-model" },
        },
      ],
    },
  });
  const sender = await playwright.request.newContext();
  const accepted = await sender.post(url, { data: Buffer.from(body), headers: signStandardWebhook(secret, body) });
  expect(accepted.status()).toBe(202);
  const { evidenceId } = (await accepted.json()) as { evidenceId: string };
  const forged = await sender.post(url, {
    data: Buffer.from(body),
    headers: signStandardWebhook(`whsec_${Buffer.from("not the issued secret").toString("base64")}`, body),
  });
  expect(forged.status()).toBe(401);
  await sender.dispose();

  // Shown once: after a reload the secret is gone; the deliveries are listed.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Signing secret", exact: true })).toHaveCount(0);
  const panel = page.getByRole("region", { name, exact: true });
  await expect(panel).toContainText("webhook-signature");
  const deliveries = panel.getByRole("table", { name: `Recent deliveries to ${name}` });
  const acceptedRow = deliveries.getByRole("row").filter({ hasText: "accepted" });
  await expect(acceptedRow).toContainText("assay.finding");
  await expect(acceptedRow).toContainText("1 finding, 0 failing");
  const rejectedRow = deliveries.getByRole("row").filter({ hasText: "rejected" });
  await expect(rejectedRow).toContainText("HTTP 401");
  await expect(rejectedRow).toContainText("unauthenticated");

  // The evidence explorer, filtered through its GET form (the view is in the URL).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evidence" }).click();
  const filters = page.getByRole("form", { name: "Evidence filters" });
  await filters.getByLabel("Source", { exact: true }).selectOption("standard-webhooks");
  await filters.getByLabel("AI system", { exact: true }).selectOption({ label: "Credit scoring model" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/source=standard-webhooks/);
  const row = page.getByRole("row").filter({ hasText: "assay.finding" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Credit scoring model");
  await row.getByRole("link", { name: /^assay\.finding/ }).click();

  await expect(page).toHaveURL(new RegExp(`/o/acme/evidence/${escapeRegExp(evidenceId)}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Evidence: assay.finding" })).toBeVisible();
  const origin = page.getByRole("region", { name: "Verified origin" });
  await expect(origin).toContainText(name);
  await expect(origin).toContainText(`integration:`);
  await expect(page.getByRole("region", { name: "Raw payload", exact: true })).toContainText('"garak suite passed"');
  await expect(page.getByRole("link", { name: "Download raw" })).toHaveAttribute(
    "href",
    `/api/v1/orgs/acme/evidence/${evidenceId}/raw`,
  );

  // The worker writes findings and rule links a moment after the delivery.
  const supports = page.getByRole("region", { name: "Requirements it supports" });
  const requirement = supports.getByRole("link", { name: /Automated AI red-team testing in CI/ });
  await expect
    .poll(
      async () => {
        await page.reload();
        return requirement.count();
      },
      { timeout: 20_000, intervals: [500, 1_000, 2_000] },
    )
    .toBeGreaterThan(0);
  await expect(requirement).toHaveAttribute(
    "href",
    `/o/acme/controls/requirements/${encodeURIComponent("zero-trust-ai:applications.security-testing.red-team-ci")}`,
  );
  const linkRow = supports.getByRole("row").filter({ has: page.getByRole("link", { name: /red-team testing in CI/ }) });
  await expect(linkRow).toContainText("Evidence rule red-team-results");
  await expect(page.getByRole("region", { name: "Findings", exact: true })).toContainText("garak suite passed");
});
