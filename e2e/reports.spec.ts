import { expect, test, type Locator, type Page } from "@playwright/test";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { collectErrors, expectAccessible, signIn } from "./helpers.ts";

// Signed reports in the demo organization (seeded by e2e/serve.ts), where compliance@acme.test is a
// compliance officer and admin@acme.test an admin. The worker runs inline in the server; rendering the
// demo report takes several seconds.
const REPORTS = "/o/demo/reports";
/** Stages the progress bar names between "queued" and "done" (report-stages.ts). */
const INTERMEDIATE = /^(Snapshot|Data|Render|Sign|Store):/;

/**
 * Reads the progress bar every 100 ms until it says done or failed, and returns each distinct
 * `aria-valuetext` with its `aria-valuenow` and when it was first seen, in the order seen. `onIntermediate` runs once, at the
 * first stage between queued and done.
 */
async function followProgress(
  bar: Locator,
  timeoutMs: number,
  onIntermediate: () => Promise<void>,
): Promise<{ text: string; value: number; ms: number }[]> {
  const seen: { text: string; value: number; ms: number }[] = [];
  const start = Date.now();
  const deadline = start + timeoutMs;
  while (Date.now() < deadline) {
    const text = (await bar.getAttribute("aria-valuetext")) ?? "";
    const value = Number(await bar.getAttribute("aria-valuenow"));
    if (seen.at(-1)?.text !== text) {
      if (INTERMEDIATE.test(text) && !seen.some((s) => INTERMEDIATE.test(s.text))) await onIntermediate();
      seen.push({ text, value, ms: Date.now() - start });
    }
    if (/^(Done|Failed)/.test(text)) break;
    await bar.page().waitForTimeout(100);
  }
  return seen;
}

/** Clicks a download link and saves the file under the test's output directory, within `timeoutMs`. */
async function download(page: Page, link: Locator, path: string, timeoutMs = 30_000): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${file.suggestedFilename()} did not finish in ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([file.saveAs(path), late]);
  } finally {
    clearTimeout(timer);
  }
  return readFileSync(path);
}

test("compliance creates a signed report for the default scope, follows its progress and downloads the PDF and the audit pack", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await signIn(page, "compliance@acme.test");
  await page.goto(REPORTS);
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  const table = history.getByRole("table", { name: "Reports, newest first" });
  await expect(history.getByText("No reports yet").or(table)).toBeVisible();
  const before = (await table.count()) > 0 ? (await table.getByRole("row").count()) - 1 : 0;

  // The form: every AI system and framework ticked by default, and the note about the snapshot.
  const form = page.getByRole("region", { name: "Create a report" });
  await expect(form).toContainText("latest stored readiness snapshot");
  const systems = form.getByRole("group", { name: "AI systems" }).getByRole("checkbox");
  const frameworks = form.getByRole("group", { name: "Frameworks" }).getByRole("checkbox");
  expect(await systems.count()).toBeGreaterThan(0);
  await expect(frameworks).toHaveCount(2);
  for (const box of [...(await systems.all()), ...(await frameworks.all())]) await expect(box).toBeChecked();

  // Create it and watch the bar move through the worker's stages.
  await form.getByRole("button", { name: "Create report" }).click();
  const bar = form.getByRole("progressbar", { name: "Report progress" });
  await expect(bar).toBeVisible();
  const seen = await followProgress(bar, 90_000, async () => {
    const path = testInfo.outputPath("reports-progress.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("reports-progress", { path, contentType: "image/png" });
  });
  // What the bar said, with when it was first seen (ms after it appeared), kept with the results.
  const progressLog = testInfo.outputPath("progress.txt");
  writeFileSync(progressLog, seen.map((s) => `${s.ms} ms\t${s.value}\t${s.text}\n`).join(""));
  await testInfo.attach("progress", { path: progressLog, contentType: "text/plain" });
  const last = seen.at(-1);
  expect(last?.text, `the report finished (${(await form.getByRole("alert").allInnerTexts()).join(" ")})`).toMatch(
    /^Done/,
  );
  expect(last?.value).toBe(100);
  expect(
    seen.some((s) => INTERMEDIATE.test(s.text)),
    `an intermediate stage was seen: ${seen.map((s) => s.text).join(" | ")}`,
  ).toBe(true);
  const values = seen.map((s) => s.value);
  expect(values, "progress never goes back").toEqual([...values].sort((a, b) => a - b));
  await expect(form.getByRole("alert")).toHaveCount(0);

  // The signed PDF: pdfsig checks the signature over the whole file.
  const pdfPath = testInfo.outputPath("report.pdf");
  const pdf = await download(page, form.getByRole("link", { name: "Download PDF" }), pdfPath);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pdfsig = spawnSync("pdfsig", [pdfPath], { encoding: "utf8" });
  const sigOutput = `${pdfsig.stdout}${pdfsig.stderr}`;
  writeFileSync(testInfo.outputPath("pdfsig.txt"), sigOutput);
  await testInfo.attach("pdfsig", { path: testInfo.outputPath("pdfsig.txt"), contentType: "text/plain" });
  expect(sigOutput).toContain("Signature is Valid.");
  expect(sigOutput).toContain("Total document signed");

  // Its first three pages as images, kept with the test's results.
  const prefix = testInfo.outputPath("report-page");
  execFileSync("pdftoppm", ["-r", "50", "-f", "1", "-l", "3", "-png", pdfPath, prefix]);
  const pngs = readdirSync(testInfo.outputPath())
    .filter((f) => f.startsWith(basename(prefix)) && f.endsWith(".png"))
    .sort();
  expect(pngs).toHaveLength(3);
  for (const png of pngs) {
    await testInfo.attach(png, { path: testInfo.outputPath(png), contentType: "image/png" });
  }

  await expect(form.getByRole("link", { name: "Download audit pack" })).toHaveAttribute(
    "href",
    /\/api\/v1\/orgs\/demo\/reports\/[0-9a-f-]{36}\/pack$/,
  );

  // The history lists it first, finished, with the PDF's hash (shortened) and its downloads.
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  await expect(table.getByRole("row")).toHaveCount(before + 2);
  const row = table.getByRole("row").nth(1);
  await expect(row).toContainText("compliance@acme.test");
  await expect(row).toContainText("AI systems: all");
  await expect(row).toContainText("done");
  await expect(row.getByRole("cell").nth(5)).toContainText(sha256.slice(0, 12));
  await expect(row.getByRole("button", { name: /^Copy SHA-256 of the report requested / })).toBeVisible();
  await expect(row.getByRole("link", { name: /^PDF of the report requested / })).toHaveAttribute(
    "href",
    /\/api\/v1\/orgs\/demo\/reports\/[0-9a-f-]{36}\/pdf$/,
  );
  await expect(row.getByRole("link", { name: /^Audit pack of the report requested / })).toBeVisible();

  // The signing certificate is shown now that a report exists, with the fingerprint to pin.
  const certificate = page.getByRole("region", { name: "Signing certificate" });
  await expect(certificate.getByText("Root SHA-256 fingerprint", { exact: true })).toBeVisible();
  const fingerprint = (await certificate.locator("code.fingerprint").innerText()).trim();
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  await expect(certificate).toContainText(`assay verify pack.zip --trust ${fingerprint}`);
  await expect(certificate.getByRole("link", { name: "Download root certificate (PEM)" })).toBeVisible();
  // Only admins may replace it.
  await expect(page.getByRole("region", { name: "Use your own certificate" })).toHaveCount(0);

  // The page with a finished report listed: axe in both colour schemes, and screenshots of it.
  await page.reload();
  await expect(table.getByRole("row")).toHaveCount(before + 2);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `the reports page (${scheme})`);
    const path = testInfo.outputPath(`reports-${scheme}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`reports-${scheme}`, { path, contentType: "image/png" });
  }
  await page.emulateMedia({ colorScheme: "light" });
  expect(errors, "console errors on the reports page").toEqual([]);

  // The audit pack (streamed while it is written) is a ZIP.
  const pack = await download(
    page,
    row.getByRole("link", { name: /^Audit pack of the report requested / }),
    testInfo.outputPath("pack.zip"),
    60_000,
  );
  expect(pack.subarray(0, 2).toString("latin1")).toBe("PK");
});

test("an admin replaces the signing certificate with a PKCS#12; a wrong passphrase is refused next to the file", async ({
  page,
}, testInfo) => {
  const errors = collectErrors(page);
  // A self-signed RSA certificate allowed to sign, in a PKCS#12 file.
  const key = testInfo.outputPath("key.pem");
  const cert = testInfo.outputPath("cert.pem");
  const p12 = testInfo.outputPath("signing.p12");
  execFileSync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    key,
    "-out",
    cert,
    "-days",
    "30",
    "-subj",
    "/CN=Demo Audit Signing",
    "-addext",
    "keyUsage=critical,digitalSignature",
  ]);
  execFileSync("openssl", ["pkcs12", "-export", "-inkey", key, "-in", cert, "-passout", "pass:s3cret", "-out", p12]);

  await signIn(page, "admin@acme.test");
  await page.goto(REPORTS);
  const certificate = page.getByRole("region", { name: "Signing certificate" });
  await expect(certificate.getByText("Root SHA-256 fingerprint", { exact: true })).toBeVisible();
  const form = page.getByRole("region", { name: "Use your own certificate" });
  await expectAccessible(page, "the reports page as an admin");

  await form.getByLabel("PKCS#12 file", { exact: true }).setInputFiles(p12);
  await form.getByLabel("Passphrase", { exact: true }).fill("wrong");
  await form.getByRole("button", { name: "Upload certificate" }).click();
  await expect(form.getByText("PKCS#12 file refused: the passphrase does not open this PKCS#12 file")).toBeVisible();

  await form.getByLabel("Passphrase", { exact: true }).fill("s3cret");
  await form.getByRole("button", { name: "Upload certificate" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Uploaded" })).toContainText(
    "new reports are signed by Demo Audit Signing",
  );
  await expect(certificate).toContainText("Uploaded by an admin");
  await expect(certificate).toContainText("Demo Audit Signing");
  // The only failed request is the deliberately wrong passphrase (422).
  expect(errors.filter((e) => !/status of 422 .*\/api\/v1\/orgs\/demo\/signing-certificate\)$/.test(e))).toEqual([]);
});
