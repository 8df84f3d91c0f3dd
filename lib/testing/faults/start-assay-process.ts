import { type ChildProcess, spawn } from "node:child_process";

export interface AssayProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has gone. */
  exited: Promise<string>;
  /** Sends the signal and waits for the process to go. */
  kill(signal: NodeJS.Signals): Promise<string>;
  /** The last lines the process wrote to stderr (for failure messages). */
  tail(): string;
}

async function waitForHealth(url: string, proc: AssayProcess, deadline: number): Promise<void> {
  let gone: string | undefined;
  void proc.exited.then((how) => (gone = how));
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`assay exited (${gone}) before it served ${url}:\n${proc.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`assay did not serve ${url} in time:\n${proc.tail()}`);
}

/**
 * Runs `node lib/cli/bin.mjs <args>` (`start`: the production build with its migrations; `worker`:
 * the job worker alone) as its own process, the way a deployment does. With `healthUrl`, resolves
 * once that URL answers 200 (within 90 s).
 */
export async function startAssayProcess(
  args: string[],
  env: Record<string, string>,
  healthUrl?: string,
): Promise<AssayProcess> {
  const child = spawn(process.execPath, ["lib/cli/bin.mjs", ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8_000);
  });
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  const proc: AssayProcess = {
    child,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    tail: () => stderr.split("\n").slice(-30).join("\n"),
  };
  if (healthUrl) await waitForHealth(healthUrl, proc, Date.now() + 90_000);
  return proc;
}
