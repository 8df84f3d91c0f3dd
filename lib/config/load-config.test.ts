import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { loadConfig } from "./load-config.ts";

describe("loadConfig", () => {
  it("defaults to the embedded database on port 3000", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config).toMatchObject({ ASSAY_DATA_DIR: ".data", PORT: 3000, url: "http://localhost:3000" });
  });

  it("names every bad variable", () => {
    const error = (() => {
      try {
        loadConfig({
          DATABASE_URL: "mysql://root@localhost/db",
          PORT: "seventy",
          OIDC_ISSUER: "https://id.example.com",
          ASSAY_SECRET: "short",
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("config_invalid");
    expect(appError.issues.map((i) => i.field).sort()).toEqual(
      ["ASSAY_SECRET", "DATABASE_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "PORT"].sort(),
    );
    expect(appError.message).toContain("DATABASE_URL: must be a postgresql:// connection URL");
    expect(appError.message).toContain("OIDC_CLIENT_ID: is required when OIDC_ISSUER is set");
  });

  it("accepts a full production configuration", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://assay:pw@db:5432/assay",
      ASSAY_URL: "https://assay.example.com/",
      ASSAY_SECRET: "x".repeat(40),
      OIDC_ISSUER: "https://id.example.com",
      OIDC_CLIENT_ID: "assay",
      OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(config.url).toBe("https://assay.example.com");
  });
});

it("`assay start` with bad configuration stops with a clear error before doing anything", async () => {
  const run = await runAssayCli(["start"], { DATABASE_URL: "mysql://root@localhost/db", PORT: "99999" });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("error [config_invalid]: Invalid configuration:");
  expect(run.stderr).toContain("DATABASE_URL: must be a postgresql:// connection URL");
  expect(run.stderr).toContain("PORT: must be between 1 and 65535");
  expect(run.stdout).toBe("");
});
