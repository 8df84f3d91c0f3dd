// Runs `prisma generate` without the schema-engine binary, which Prisma would otherwise try to
// download from its own host (unreachable from our build machines). Generation itself only needs
// the WASM schema tooling shipped inside the `prisma` package.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("node_modules/prisma")) {
  // Production install without dev dependencies: the client was generated at build time.
  process.exit(0);
}
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
