import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface DiscoveredRoute {
  key: string;
  file: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * Every route handler method and page under app/, as permission-table keys: `GET /api/health`,
 * `PAGE /o/[org]/dashboard`. Route groups `(name)` and private folders `_name` are left out of paths.
 */
export function discoverAppRoutes(appDir = "app"): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  for (const file of walk(appDir)) {
    const rel = relative(appDir, file).split(sep);
    const name = rel.pop() ?? "";
    if (rel.some((segment) => segment.startsWith("_"))) continue;
    const path = `/${rel.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
    if (/^route\.(ts|tsx|js)$/.test(name)) {
      const source = readFileSync(file, "utf8");
      const methods = new Set<string>();
      for (const m of source.matchAll(
        /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
      ))
        methods.add(m[1] ?? "");
      for (const m of source.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1] ?? "");
      for (const method of methods) found.push({ key: `${method} ${path}`, file });
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(name)) {
      found.push({ key: `PAGE ${path}`, file });
    }
  }
  return found;
}
