/** Where a command writes: stdout for results (one JSON object with --json), stderr for messages. */
export interface CliOutput {
  json: boolean;
  /** The command's result: printed as JSON with --json, else through `human`. */
  result(value: unknown, human: () => string): void;
  /** Progress and notices for people; never on stdout in --json mode. */
  info(message: string): void;
}

export function createCliOutput(json: boolean): CliOutput {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
    },
    info(message) {
      process.stderr.write(`${message}\n`);
    },
  };
}
