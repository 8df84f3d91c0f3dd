import { defineConfig } from "vitest/config";

/**
 * `npm run test:faults` (also a step of `npm test`): the fault suites (`*.fault.test.ts`), one file at
 * a time, each against the production build on a PostgreSQL server of its own that it crashes.
 */
export default defineConfig({
  test: {
    include: ["lib/**/*.fault.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
