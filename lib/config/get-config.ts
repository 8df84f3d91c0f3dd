import type { AssayConfig } from "./config-schema.ts";
import { loadConfig } from "./load-config.ts";

const KEY = Symbol.for("assay.config");
type Holder = { [KEY]?: AssayConfig };

/** The validated configuration of this process, loaded once. */
export function getConfig(): AssayConfig {
  const holder = globalThis as Holder;
  holder[KEY] ??= loadConfig();
  return holder[KEY];
}
