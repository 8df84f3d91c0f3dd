import { spawn } from "node:child_process";

/**
 * Runs `node <script> <JSON argument>` as its own process (its CPU and memory apart from the caller's)
 * and resolves with the JSON of the last line it prints; a non-zero exit or no output rejects.
 */
export function runJsonChild<T>(script: string, argument: unknown, env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(argument)], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line) reject(new Error(`${script} exited ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}
