import { pino, type Logger } from "pino";

const KEY = Symbol.for("assay.logger");
type Holder = { [KEY]?: Logger };

/**
 * The process-wide structured logger (JSON lines on stderr). Level from `LOG_LEVEL` (default `info`,
 * `silent` under tests unless set). Secrets are redacted by path.
 */
export function getLogger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
      base: { app: "assay" },
      redact: {
        paths: [
          "password",
          "*.password",
          "secret",
          "*.secret",
          "token",
          "*.token",
          "req.headers.cookie",
          "req.headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    // stderr: stdout belongs to command results (the CLI's --json output).
    pino.destination({ fd: 2, sync: true }),
  );
  return holder[KEY];
}
