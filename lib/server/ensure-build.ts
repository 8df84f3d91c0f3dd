import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors/app-error.ts";

/**
 * Builds the Next.js app when there is no production build yet (first `npm start` on a fresh clone).
 * After changing the code, run `npm run build` (the build is not re-checked for staleness).
 */
export function ensureBuild(dir: string, log: (message: string) => void): void {
  if (existsSync(join(dir, ".next", "BUILD_ID"))) return;
  log("No production build yet: building the app once (a minute or two)…");
  const nextBin = join(dir, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new AppError("internal", "`next build` failed; see its output above.");
}
