-- Catalogs synced from controls/, and the AI system register's classification fields.

-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN "operatorRoles" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "riskClass" TEXT,
ADD COLUMN "annexIIIUseCase" TEXT,
ADD COLUMN "gpai" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN "conditions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "placedOnMarketAt" DATE,
ADD COLUMN "classification" JSONB,
ADD COLUMN "classifiedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Framework" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scope" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "conditions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "appliesFromOriginal" DATE,
    "appliesFrom" DATE,
    "data" JSONB NOT NULL,

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogMapping" (
    "id" UUID NOT NULL,
    "mappingId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "targetTitle" TEXT,

    CONSTRAINT "CatalogMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogState" (
    "key" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogState_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Requirement_frameworkId_position_idx" ON "Requirement"("frameworkId", "position");

-- CreateIndex
CREATE INDEX "Requirement_parentId_idx" ON "Requirement"("parentId");

-- CreateIndex
CREATE INDEX "CatalogMapping_fromId_idx" ON "CatalogMapping"("fromId");

-- CreateIndex
CREATE INDEX "CatalogMapping_toId_idx" ON "CatalogMapping"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogMapping_mappingId_fromId_toId_key" ON "CatalogMapping"("mappingId", "fromId", "toId");

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;
