-- Reference data of a framework (Annex III use cases, Annex IV headings, numeric parameters).

-- AlterTable
ALTER TABLE "Framework" ADD COLUMN "reference" JSONB;
