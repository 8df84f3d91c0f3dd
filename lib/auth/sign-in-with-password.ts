import { z } from "zod";
import type { AssayConfig } from "../config/config-schema.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { getLogger } from "../log/get-logger.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import { createSession, type NewSession } from "./create-session.ts";
import { hashSecret } from "./hash-secret.ts";
import { verifyPassword } from "./verify-password.ts";

export const signInInput = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, "is required").max(254, "must be at most 254 characters"),
  password: z.string().min(1, "is required").max(1024, "is too long"),
});

/**
 * The credentials provider: checks an email and password (argon2id) and opens a new database
 * session with a new server-generated token. Any session the browser presented is deleted first
 * (rotation at sign-in): a cookie value from before sign-in, planted or not, never becomes valid.
 * Wrong email and wrong password give the same answer in the same time.
 */
export async function signInWithPassword(
  prisma: PrismaClient,
  input: unknown,
  config: Pick<AssayConfig, "ASSAY_SESSION_MAX_HOURS">,
  presentedToken?: string,
  now: Date = new Date(),
): Promise<NewSession & { userId: string }> {
  const { email, password } = parseInput(signInInput, input, "sign-in");
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabledAt) {
    getLogger().warn({ email }, "sign-in refused");
    throw new AppError("unauthenticated", "Wrong email or password.");
  }
  return prisma.$transaction(async (tx) => {
    if (presentedToken) await tx.session.deleteMany({ where: { sessionToken: hashSecret(presentedToken) } });
    const session = await createSession(tx, user.id, config, now);
    await recordAuditEntry(tx, {
      orgId: null,
      actor: { kind: "user", userId: user.id, sessionId: "", email: user.email, name: user.name },
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      data: { method: "password" },
    });
    return { ...session, userId: user.id };
  });
}
