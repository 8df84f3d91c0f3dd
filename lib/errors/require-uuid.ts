import { z } from "zod";
import { AppError } from "./app-error.ts";

const uuid = z.uuid();

/** An id from a URL must be a UUID; anything else is answered like an unknown id: `not_found`. */
export function requireUuid(id: string, what: string): string {
  if (!uuid.safeParse(id).success) throw new AppError("not_found", `No such ${what} in this organization.`);
  return id;
}
