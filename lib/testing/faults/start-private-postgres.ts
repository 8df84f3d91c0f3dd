import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPostgresBin } from "./find-postgres-bin.ts";
import { findFreePort } from "./find-free-port.ts";

export interface PrivatePostgres {
  port: number;
  /** A postgresql:// URL for database `name` on this server (loopback, trust authentication). */
  url(name: string): string;
  /** `pg_ctl stop -m <mode>`: `immediate` is a crash (no checkpoint, WAL replayed at the next start). */
  stop(mode: "fast" | "immediate"): void;
  start(): void;
  /** Stops the server (immediately) and removes its data directory. */
  destroy(): void;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

function run(cmd: string, args: string[]): void {
  const [c, a] = asServerUser(cmd, args);
  execFileSync(c, a, { stdio: ["ignore", "ignore", "pipe"] });
}

/**
 * A PostgreSQL server of the fault and benchmark runs' own: a new cluster (`initdb`) in a temporary
 * directory on a free loopback port, with the given settings, that the run may crash and restart
 * without touching the machine's server or anyone else's databases.
 */
export async function startPrivatePostgres(settings: Record<string, string> = {}): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), "assay-pg-"));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), -1);
  const data = join(dir, "data");
  run(findPostgresBin("initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "-E",
    "UTF8",
    "--no-sync",
    "--no-instructions",
  ]);
  const port = await findFreePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=200",
    ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
  ].join(" ");
  const ctl = findPostgresBin("pg_ctl");
  const start = (): void =>
    run(ctl, ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const stop = (mode: "fast" | "immediate"): void => run(ctl, ["-D", data, "-m", mode, "-w", "stop"]);
  start();
  return {
    port,
    url: (name) => `postgresql://postgres@127.0.0.1:${port}/${name}`,
    stop,
    start,
    destroy() {
      const [c, a] = asServerUser(ctl, ["-D", data, "-m", "immediate", "-w", "stop"]);
      spawnSync(c, a, { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
