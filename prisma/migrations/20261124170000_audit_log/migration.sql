-- Tamper-evident log: per organization an append-only RFC 6962 Merkle tree over evidence and audit
-- entries (LogLeaf), its size (LogHead, the row that serializes appends), an Ed25519 key (LogKey) and
-- signed checkpoints (LogCheckpoint).

-- CreateTable
CREATE TABLE "LogHead" (
    "orgId" UUID NOT NULL,
    "size" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "LogHead_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "LogLeaf" (
    "orgId" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "leafHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogLeaf_pkey" PRIMARY KEY ("orgId","seq")
);

-- CreateTable
CREATE TABLE "LogKey" (
    "orgId" UUID NOT NULL,
    "publicKey" TEXT NOT NULL,
    "privateKeySealed" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogKey_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "LogCheckpoint" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "treeSize" BIGINT NOT NULL,
    "rootHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "LogCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LogLeaf_orgId_kind_refId_key" ON "LogLeaf"("orgId", "kind", "refId");
CREATE INDEX "LogCheckpoint_orgId_treeSize_idx" ON "LogCheckpoint"("orgId", "treeSize" DESC);

-- AddForeignKey
ALTER TABLE "LogHead" ADD CONSTRAINT "LogHead_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LogLeaf" ADD CONSTRAINT "LogLeaf_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LogKey" ADD CONSTRAINT "LogKey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LogCheckpoint" ADD CONSTRAINT "LogCheckpoint_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Leaves and checkpoints are append-only (a second layer under the application's own rules).
CREATE TRIGGER "LogLeaf_append_only" BEFORE UPDATE OR DELETE ON "LogLeaf" FOR EACH ROW EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "LogLeaf_no_truncate" BEFORE TRUNCATE ON "LogLeaf" FOR EACH STATEMENT EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "LogCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "LogCheckpoint" FOR EACH ROW EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "LogCheckpoint_no_truncate" BEFORE TRUNCATE ON "LogCheckpoint" FOR EACH STATEMENT EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION "assay_reject_change"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION "assay_reject_change"();
