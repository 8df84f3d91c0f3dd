-- Readiness: waivers (exceptions) and readiness snapshots.

-- CreateTable
CREATE TABLE "Waiver" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "requirementId" TEXT NOT NULL,
    "systemId" UUID,
    "reason" TEXT NOT NULL,
    "compensatingControl" TEXT NOT NULL,
    "recordedById" UUID,
    "approverId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,

    CONSTRAINT "Waiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadinessSnapshot" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "asOf" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "digest" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "result" JSONB NOT NULL,

    CONSTRAINT "ReadinessSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Waiver_orgId_requirementId_idx" ON "Waiver"("orgId", "requirementId");
CREATE INDEX "Waiver_orgId_expiresAt_idx" ON "Waiver"("orgId", "expiresAt");
CREATE INDEX "ReadinessSnapshot_orgId_asOf_idx" ON "ReadinessSnapshot"("orgId", "asOf" DESC);

-- AddForeignKey
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReadinessSnapshot" ADD CONSTRAINT "ReadinessSnapshot_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
