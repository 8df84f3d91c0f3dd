import { CommanderError } from "commander";
import { buildProgram } from "./build-program.ts";

/** The `assay` command line. Unknown commands and flags exit 2 with a message naming them. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    throw error;
  }
}
