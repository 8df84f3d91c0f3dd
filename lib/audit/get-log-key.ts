import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { PrismaClient } from "../db/db-types.ts";
import { openSealedSecret } from "../integrations/open-sealed-secret.ts";
import { sealSecret } from "../integrations/seal-secret.ts";

/**
 * The organization's Ed25519 log key: generated on first use, the private half sealed with the
 * instance key (never in the database in the clear), so that a database superuser cannot sign a
 * checkpoint for a rewritten log.
 */
export async function getLogKey(
  prisma: PrismaClient,
  orgId: string,
): Promise<{ publicKeyPem: string; publicKey: KeyObject; privateKey: KeyObject }> {
  let row = await prisma.logKey.findUnique({ where: { orgId } });
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    await prisma.logKey.createMany({
      data: [
        {
          orgId,
          publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
          privateKeySealed: sealSecret(privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
        },
      ],
      skipDuplicates: true,
    });
    row = await prisma.logKey.findUniqueOrThrow({ where: { orgId } });
  }
  return {
    publicKeyPem: row.publicKey,
    publicKey: createPublicKey(row.publicKey),
    privateKey: createPrivateKey(openSealedSecret(row.privateKeySealed)),
  };
}
