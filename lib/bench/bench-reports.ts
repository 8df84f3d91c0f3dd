import { spawn } from "node:child_process";

export interface ReportsResult {
  systems: number;
  requirements: number;
  recompute: { seconds: number };
  report: { seconds: number; peakMiB: number; growthMiB: number; bytes: number };
  pack: { files: number; evidence: number; seconds: number; growthMiB: number; bytes: number };
  baseline: { seconds: number; bytes: number };
}

/** Runs lib/bench/bench-reports-child.ts in its own process on `databaseUrl` and returns its figures. */
export function benchReports(databaseUrl: string, plan: { systems: number; files: number }): Promise<ReportsResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["lib/bench/bench-reports-child.ts", JSON.stringify(plan)], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ASSAY_SECRET: "bench-secret-".padEnd(40, "x"),
        LOG_LEVEL: "error",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line) reject(new Error(`reports benchmark exited ${code}: ${out}`));
      else resolve(JSON.parse(line) as ReportsResult);
    });
  });
}
