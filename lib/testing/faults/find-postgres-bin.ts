import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The newest PostgreSQL server binaries on this machine (Debian's /usr/lib/postgresql/<major>/bin). */
export function findPostgresBin(name: string): string {
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const bin = join(root, major, "bin", name);
    if (existsSync(bin)) return bin;
  }
  throw new Error(`PostgreSQL's ${name} was not found under ${root} (install postgresql).`);
}
