import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

// The README's first command, minus `npm ci`: `npm start` on an empty embedded database serves the
// sign-in page and prints a demo admin who can sign in. Runs the real `assay start` on PGlite.
test("npm start on the embedded database prints a demo admin who can sign in", async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), "assay-start-"));
  const port = 3200;
  const env: NodeJS.ProcessEnv = { ...process.env, ASSAY_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.ASSAY_URL;
  delete env.ASSAY_SECRET;
  let child: ChildProcess | undefined;
  try {
    child = spawn(process.execPath, ["lib/cli/bin.mjs", "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    await expect.poll(() => output, { timeout: 90_000 }).toContain("Assay is listening on http://localhost:3200");
    const email = /email:\s+(\S+)/.exec(output)?.[1];
    const password = /password:\s+(\S+)/.exec(output)?.[1];
    expect(email).toBe("admin@demo.assay.local");
    expect(password?.length).toBeGreaterThanOrEqual(12);

    await page.goto(`http://localhost:${port}/`);
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("Email", { exact: true }).fill(email ?? "");
    await page.getByLabel("Password", { exact: true }).fill(password ?? "");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/o\/demo\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Demo Organization" })).toBeVisible();
    expect(existsSync(join(dataDir, "assay.lock"))).toBe(true);

    child.kill("SIGTERM");
    await expect.poll(() => child?.exitCode, { timeout: 15_000 }).toBe(0);
    expect(existsSync(join(dataDir, "assay.lock"))).toBe(false);
  } finally {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
