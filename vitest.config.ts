import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Two projects: every test against PostgreSQL, and the storage tests (`*.storage.test.ts`) once more
 * against embedded PGlite. Tests create and drop their own databases (lib/testing/).
 */
export default defineConfig({
  resolve: { alias: { "@/": root } },
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    // --expose-gc: memory-bound tests (audit packs) measure live memory after a collection, not garbage.
    execArgv: ["--expose-gc"],
    projects: [
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["lib/**/*.test.ts"],
          // The fault suites crash their own servers: `npm run test:faults` runs them alone.
          exclude: ["lib/**/*.fault.test.ts", "**/node_modules/**"],
          env: { ASSAY_TEST_STORE: "postgres" },
        },
      },
      {
        extends: true,
        test: { name: "pglite", include: ["lib/**/*.storage.test.ts"], env: { ASSAY_TEST_STORE: "pglite" } },
      },
    ],
  },
});
