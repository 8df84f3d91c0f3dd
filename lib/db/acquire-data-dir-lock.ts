import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { AppError } from "../errors/app-error.ts";

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * PGlite has no lock of its own, and two processes on one data directory corrupt it. This takes an
 * exclusive lock file (created with O_EXCL) holding the owner's pid; a lock left by a dead process on
 * this host is taken over, a live owner makes the caller fail with `store_locked`.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, "assay.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      process.on("exit", release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(path);
      const stale = owner !== undefined && owner.host === hostname() && !isAlive(owner.pid);
      if (owner === undefined || stale) {
        rmSync(path, { force: true });
        continue;
      }
      const who =
        owner.pid === process.pid
          ? "this process already"
          : `another Assay process (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt})`;
      throw new AppError(
        "store_locked",
        `The embedded database in ${dir} is in use by ${who}. Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
      );
    }
  }
  throw new AppError("store_locked", `Could not take the lock ${path}; remove it if no Assay process is running.`);
}
