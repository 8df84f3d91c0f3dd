-- Evidence ingestion: integrations and their secrets, append-only evidence, findings, control links.

-- CreateTable
CREATE TABLE "Integration" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "systemId" UUID,
    "allowedIdentities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "maxBodyBytes" INTEGER NOT NULL DEFAULT 5242880,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationSecret" (
    "id" UUID NOT NULL,
    "integrationId" UUID NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT,
    "sealed" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "IntegrationSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "integrationId" UUID,
    "apiTokenId" UUID,
    "systemId" UUID,
    "source" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "deliveryId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "effectiveAt" TIMESTAMPTZ(3),
    "result" JSONB NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "subjectVersion" TEXT,
    "subjectDigest" TEXT,
    "subjectRevision" TEXT,
    "check" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "severity" TEXT,
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "observedAt" TIMESTAMPTZ(3),
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "attributes" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlLink" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "findingKey" TEXT,
    "requirementId" TEXT NOT NULL,
    "ruleId" TEXT,
    "outcome" TEXT NOT NULL,
    "justification" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "removedAt" TIMESTAMPTZ(3),
    "removedById" UUID,

    CONSTRAINT "ControlLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Integration_orgId_name_key" ON "Integration"("orgId", "name");
CREATE INDEX "Integration_orgId_createdAt_idx" ON "Integration"("orgId", "createdAt");
CREATE INDEX "IntegrationSecret_integrationId_idx" ON "IntegrationSecret"("integrationId");
CREATE INDEX "IntegrationSecret_tokenHash_idx" ON "IntegrationSecret"("tokenHash");
CREATE UNIQUE INDEX "Evidence_orgId_dedupeKey_key" ON "Evidence"("orgId", "dedupeKey");
CREATE INDEX "Evidence_orgId_receivedAt_id_idx" ON "Evidence"("orgId", "receivedAt" DESC, "id" DESC);
CREATE INDEX "Evidence_orgId_source_receivedAt_idx" ON "Evidence"("orgId", "source", "receivedAt" DESC);
CREATE INDEX "Evidence_integrationId_receivedAt_idx" ON "Evidence"("integrationId", "receivedAt" DESC);
CREATE INDEX "Evidence_orgId_systemId_receivedAt_idx" ON "Evidence"("orgId", "systemId", "receivedAt" DESC);
CREATE UNIQUE INDEX "Finding_evidenceId_key_key" ON "Finding"("evidenceId", "key");
CREATE INDEX "Finding_orgId_check_outcome_idx" ON "Finding"("orgId", "check", "outcome");
CREATE UNIQUE INDEX "ControlLink_evidenceId_findingKey_requirementId_ruleId_key" ON "ControlLink"("evidenceId", "findingKey", "requirementId", "ruleId");
CREATE INDEX "ControlLink_orgId_requirementId_idx" ON "ControlLink"("orgId", "requirementId");
CREATE INDEX "ControlLink_evidenceId_idx" ON "ControlLink"("evidenceId");

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IntegrationSecret" ADD CONSTRAINT "IntegrationSecret_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ControlLink" ADD CONSTRAINT "ControlLink_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only, second layer (the first is the application role's grants, issue 7): evidence and
-- findings can be inserted, never changed or removed.
CREATE FUNCTION "assay_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "Evidence_append_only" BEFORE UPDATE OR DELETE ON "Evidence" FOR EACH ROW EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "Evidence_no_truncate" BEFORE TRUNCATE ON "Evidence" FOR EACH STATEMENT EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "Finding_append_only" BEFORE UPDATE OR DELETE ON "Finding" FOR EACH ROW EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "Finding_no_truncate" BEFORE TRUNCATE ON "Finding" FOR EACH STATEMENT EXECUTE FUNCTION "assay_reject_change"();
