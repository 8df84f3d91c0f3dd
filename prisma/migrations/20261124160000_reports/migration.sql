-- Reports: signing identities (generated or uploaded PKCS#12, sealed) and signed reports.

-- CreateTable
CREATE TABLE "SigningIdentity" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "origin" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "signerFingerprint" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "chainPem" TEXT NOT NULL,
    "p12Sealed" TEXT NOT NULL,
    "passphraseSealed" TEXT NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "SigningIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "snapshotId" UUID,
    "scope" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "requestedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "data" BYTEA,
    "dataSha256" TEXT,
    "pdf" BYTEA,
    "sha256" TEXT,
    "sizeBytes" INTEGER,
    "pageCount" INTEGER,
    "signingIdentityId" UUID,
    "signerSubject" TEXT,
    "signerFingerprint" TEXT,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SigningIdentity_orgId_createdAt_idx" ON "SigningIdentity"("orgId", "createdAt" DESC);
CREATE INDEX "Report_orgId_createdAt_idx" ON "Report"("orgId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "SigningIdentity" ADD CONSTRAINT "SigningIdentity_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "ReadinessSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_signingIdentityId_fkey" FOREIGN KEY ("signingIdentityId") REFERENCES "SigningIdentity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
