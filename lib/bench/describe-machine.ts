import { cpus, platform, release, totalmem } from "node:os";

/** The machine a benchmark ran on, for bench/results.json and the README's table. */
export function describeMachine(): { cores: number; cpu: string; memoryGiB: number; os: string; node: string } {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}
