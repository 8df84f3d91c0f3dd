import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, hostname } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { acquireDataDirLock } from "./acquire-data-dir-lock.ts";
import { openDatabase } from "./open-database.ts";

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "assay-lock-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

it("a second process on the same .data fails with a clear message, and works once the first is gone", async () => {
  const dataDir = tempDir();
  const first = await openDatabase({ dataDir });
  try {
    const second = await runAssayCli(["health"], { DATABASE_URL: "", ASSAY_DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("error [store_locked]");
    expect(second.stderr).toContain(`in use by another Assay process (pid ${process.pid}`);
    expect(second.stderr).toContain("set DATABASE_URL");
  } finally {
    await first.close();
  }
  const third = await runAssayCli(["health", "--json"], { DATABASE_URL: "", ASSAY_DATA_DIR: dataDir });
  expect(third.stderr).toBe("");
  expect(JSON.parse(third.stdout)).toMatchObject({ status: "ok", database: { kind: "pglite", status: "up" } });
});

it("the same process cannot open one data directory twice", () => {
  const dataDir = tempDir();
  const lock = acquireDataDirLock(dataDir);
  try {
    expect(() => acquireDataDirLock(dataDir)).toThrow(AppError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(/in use by this process already/);
  } finally {
    lock.release();
  }
  acquireDataDirLock(dataDir).release();
});

it("a lock left behind by a dead process is taken over", () => {
  const dataDir = tempDir();
  // pid 2^22+1 exceeds Linux's pid_max default range, so no such process is alive.
  writeFileSync(
    join(dataDir, "assay.lock"),
    JSON.stringify({ pid: 4_194_305, host: hostname(), startedAt: "2026-01-01T00:00:00Z" }),
  );
  const lock = acquireDataDirLock(dataDir);
  lock.release();
});
