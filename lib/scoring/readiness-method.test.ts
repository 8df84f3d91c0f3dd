import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { READINESS_METHOD } from "./readiness-method.ts";

describe("the readiness method text", () => {
  it("is printed verbatim in the README's 'How readiness is computed' section", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(
      readme.indexOf("## How readiness is computed"),
      readme.indexOf("## How to verify a report"),
    );
    for (const paragraph of READINESS_METHOD) expect(section).toContain(paragraph);
  });
});
