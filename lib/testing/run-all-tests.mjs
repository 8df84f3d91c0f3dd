// `npm test`: the whole suite, in the order that fails fastest. Lint, types and formatting; vitest
// (every test on PostgreSQL, storage tests again on PGlite); a production build; Playwright in
// Debian's Chromium against that build; the fault suites (`npm run test:faults`: the build's processes
// killed and PostgreSQL crashed under load); `npm run bench -- --quick`, which only proves the benchmarks
// run. Ends with one "N passed, N failed" line over everything.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync("test-reports", { recursive: true });

const steps = [
  ["lint", [bin("eslint"), "--max-warnings", "0", "."]],
  ["typecheck", [bin("tsc"), "--noEmit", "-p", "."]],
  ["format", [bin("prettier"), "--check", "--log-level", "warn", "."]],
  [
    "vitest",
    [bin("vitest"), "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-reports/vitest.json"],
  ],
  ["build", [bin("next"), "build"]],
  [
    "playwright",
    [bin("playwright"), "test", "--reporter=list,json"],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: "test-reports/playwright.json" },
  ],
  [
    "faults",
    [
      bin("vitest"),
      "run",
      "--config",
      "vitest.faults.config.ts",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-reports/faults.json",
    ],
  ],
  // Benchmarks are not tests: `--quick` (a few seconds per load) only proves that `npm run bench` runs.
  ["bench", [process.execPath, "lib/bench/run-benchmarks.ts", "--quick"]],
];

let failedStep;
for (const [name, [cmd, ...args], extraEnv] of steps) {
  const started = Date.now();
  process.stderr.write(`\n== ${name}: ${[cmd, ...args].join(" ")}\n`);
  const result = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  process.stderr.write(
    `== ${name}: ${result.status === 0 ? "ok" : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

function count(path, read) {
  if (!existsSync(path)) return { passed: 0, failed: 0 };
  try {
    return read(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const vitest = count("test-reports/vitest.json", (r) => ({
  passed: r.numPassedTests ?? 0,
  failed: r.numFailedTests ?? 0,
}));
const playwright = count("test-reports/playwright.json", (r) => ({
  passed: r.stats?.expected ?? 0,
  failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0),
}));
const faults = count("test-reports/faults.json", (r) => ({
  passed: r.numPassedTests ?? 0,
  failed: r.numFailedTests ?? 0,
}));
const passed = vitest.passed + playwright.passed + faults.passed;
const failed =
  vitest.failed +
  playwright.failed +
  faults.failed +
  (failedStep && !["vitest", "playwright", "faults"].includes(failedStep) ? 1 : 0);
process.stdout.write(
  `\nvitest ${vitest.passed}/${vitest.passed + vitest.failed}, playwright ${playwright.passed}/${playwright.passed + playwright.failed}, faults ${faults.passed}/${faults.passed + faults.failed}${failedStep ? `; stopped at ${failedStep}` : ""}\n`,
);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedStep ? 1 : 0);
