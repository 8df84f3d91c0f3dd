import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

/** The newest PostgreSQL server binaries on this machine (Debian's /usr/lib/postgresql/<major>/bin). */
function serverBin(name: string): string {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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
  run(serverBin("initdb"), [
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
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=200",
    ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
  ].join(" ");
  const ctl = serverBin("pg_ctl");
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
