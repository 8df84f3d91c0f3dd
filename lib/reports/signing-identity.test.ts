import { X509Certificate } from "node:crypto";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { createSigningIdentity } from "./create-signing-identity.ts";
import { getSigningIdentity } from "./get-signing-identity.ts";
import { parsePkcs12 } from "./parse-pkcs12.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const messageOf = (fn: () => unknown) => {
  try {
    fn();
    return "no error";
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
};

describe("parsePkcs12", () => {
  const made = createSigningIdentity("Acme Corp", NOW);

  it("opens a generated identity: signer first, root on top, fingerprints of the DER certificates", () => {
    const parsed = parsePkcs12(made.p12, made.passphrase, NOW);
    expect(parsed.subject).toBe("Acme Corp (Assay report signing)");
    expect(parsed.fingerprint).toBe(made.fingerprint);
    expect(parsed.certificatePem.trim()).toBe(made.certificatePem.trim());
    const chain = parsed.chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    expect(chain).toHaveLength(2);
    expect(new X509Certificate(chain[0] ?? "").checkIssued(new X509Certificate(chain[1] ?? ""))).toBe(true);
    expect(parsed.keyPem).toMatch(/BEGIN PRIVATE KEY/);
  });

  it("names the problem: wrong passphrase, not a PKCS#12, expired, no key", () => {
    expect(messageOf(() => parsePkcs12(made.p12, "wrong", NOW))).toMatch(
      /validation_failed: .*passphrase does not open/,
    );
    expect(messageOf(() => parsePkcs12(Buffer.from("not a p12"), "x", NOW))).toMatch(/not a readable PKCS#12/);
    const old = createSigningIdentity("Old Corp", new Date("2020-01-01T00:00:00Z"), 1);
    expect(messageOf(() => parsePkcs12(old.p12, old.passphrase, NOW))).toMatch(/has expired/);
    const cert = forge.pki.certificateFromPem(made.signerPem);
    const keyless = Buffer.from(
      forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(null, [cert], "pw", { algorithm: "aes256" })).getBytes(),
      "binary",
    );
    expect(messageOf(() => parsePkcs12(keyless, "pw", NOW))).toMatch(/exactly one private key/);
  });
});

describe("the organization's signing identity", () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let f: AuthzFixture;
  beforeAll(async () => {
    ({ db, cleanup } = await useAppDatabase());
    f = await seedAuthzFixture(db.prisma);
  });
  afterAll(async () => cleanup());

  it("is generated once on first use, even by concurrent first reports, sealed at rest and audited", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => getSigningIdentity(db.prisma, f.acme.org.id)));
    expect(new Set(ids.map((i) => i.id)).size).toBe(1);
    const rows = await db.prisma.signingIdentity.findMany({ where: { orgId: f.acme.org.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.p12Sealed).toMatch(/^v1\./);
    expect(rows[0]?.passphraseSealed).not.toContain(ids[0]?.passphrase ?? "?");
    const audit = await db.prisma.auditEntry.findMany({
      where: { orgId: f.acme.org.id, action: "signing_identity.generate" },
    });
    expect(audit).toHaveLength(1);
  });

  it("an admin uploads a PKCS#12: checked first, the old one retired, the root downloadable as PEM", async () => {
    const own = createSigningIdentity("Acme Own CA", new Date());
    const bad = await callRoute({
      method: "PUT",
      template: "/api/v1/orgs/[org]/signing-certificate",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body: { pkcs12: own.p12.toString("base64"), passphrase: "wrong" },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/passphrase does not open/);
    const ok = await callRoute({
      method: "PUT",
      template: "/api/v1/orgs/[org]/signing-certificate",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body: { pkcs12: own.p12.toString("base64"), passphrase: own.passphrase },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ origin: "uploaded", fingerprint: own.fingerprint });
    const active = await getSigningIdentity(db.prisma, f.acme.org.id);
    expect(active.fingerprint).toBe(own.fingerprint);
    expect(await db.prisma.signingIdentity.count({ where: { orgId: f.acme.org.id, retiredAt: null } })).toBe(1);
    const pem = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/signing-certificate",
      params: { org: "acme" },
      as: { cookie: f.sessions.engineer },
      query: { format: "pem" },
    });
    expect(pem.status).toBe(200);
    expect(String(pem.body).trim()).toBe(own.certificatePem.trim());
    expect(pem.response.headers.get("content-disposition")).toBe('attachment; filename="assay-acme-signing-root.pem"');
  });
});
