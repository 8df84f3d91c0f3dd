-- The evidence that currently decides each expectation subject, kept by PostgreSQL itself so that
-- scoring "now" reads a few rows per subject instead of every link the organization ever had
-- (lib/readiness/load-current-items.ts). A key is what lib/scoring/decide-expectation.ts groups by:
-- (organization, requirement, rule or '' for links made by hand, system or '' for organization-wide
-- evidence, subject). Per key the row holds the latest piece of evidence among its links that are
-- pass or fail and not removed (at the same time a failure outranks a pass), and the latest expiry any
-- such link of the key ever had ('9999-12-31' for links that never expire), so the scorer knows when an
-- older piece of evidence could still be fresh and reads the key's whole history instead.
-- Inserting links merges them in (one statement at a time, keys in order, so concurrent writers lock
-- rows in the same order); removing or deleting links recomputes the requirements they belong to.

-- CreateTable
CREATE TABLE "SubjectVerdict" (
    "orgId" UUID NOT NULL,
    "requirementId" TEXT NOT NULL,
    "ruleKey" TEXT NOT NULL,
    "systemKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "evidenceId" UUID NOT NULL,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "fails" BOOLEAN NOT NULL,
    "maxExpiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SubjectVerdict_pkey" PRIMARY KEY ("orgId", "requirementId", "ruleKey", "systemKey", "subject")
);

-- CreateIndex
CREATE INDEX "SubjectVerdict_orgId_systemKey_idx" ON "SubjectVerdict"("orgId", "systemKey");

-- Merges the given links (pass or fail, not removed) into the verdicts of their keys.
CREATE FUNCTION "assay_apply_subject_verdicts"(link_ids UUID[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SubjectVerdict" AS s
    ("orgId", "requirementId", "ruleKey", "systemKey", "subject", "evidenceId", "observedAt", "fails", "maxExpiresAt")
  SELECT DISTINCT ON (k."orgId", k."requirementId", k."ruleKey", k."systemKey", k."subject")
         k."orgId", k."requirementId", k."ruleKey", k."systemKey", k."subject", k."evidenceId", k."observedAt", k."fails",
         max(k."maxExpiresAt") OVER (PARTITION BY k."orgId", k."requirementId", k."ruleKey", k."systemKey", k."subject")
    FROM (
      SELECT l."orgId", l."requirementId", COALESCE(l."ruleId", '') AS "ruleKey",
             COALESCE(e."systemId"::text, '') AS "systemKey",
             CASE WHEN l."ruleId" IS NULL OR f."subjectName" IS NULL THEN 'evidence:' || l."evidenceId"::text
                  ELSE COALESCE(f."subjectKind", 'subject') || ':' || f."subjectName" END AS "subject",
             l."evidenceId",
             max(LEAST(COALESCE(f."observedAt", e."effectiveAt", e."receivedAt"), e."receivedAt")) AS "observedAt",
             bool_or(l."outcome" = 'fail') AS "fails",
             max(COALESCE(l."expiresAt", TIMESTAMPTZ '9999-12-31 00:00:00+00')) AS "maxExpiresAt"
        FROM "ControlLink" l
        JOIN "Evidence" e ON e."id" = l."evidenceId" AND e."orgId" = l."orgId"
        LEFT JOIN "Finding" f ON f."evidenceId" = l."evidenceId" AND f."key" = l."findingKey"
       WHERE l."id" = ANY(link_ids) AND l."removedAt" IS NULL AND l."outcome" IN ('pass', 'fail')
       GROUP BY 1, 2, 3, 4, 5, 6
    ) k
   ORDER BY k."orgId", k."requirementId", k."ruleKey", k."systemKey", k."subject",
            k."observedAt" DESC, k."fails" DESC, k."evidenceId"
  ON CONFLICT ("orgId", "requirementId", "ruleKey", "systemKey", "subject") DO UPDATE SET
    "evidenceId" = CASE WHEN EXCLUDED."evidenceId" = s."evidenceId" THEN s."evidenceId"
                        WHEN EXCLUDED."observedAt" > s."observedAt"
                          OR (EXCLUDED."observedAt" = s."observedAt" AND EXCLUDED."fails" AND NOT s."fails")
                        THEN EXCLUDED."evidenceId" ELSE s."evidenceId" END,
    "observedAt" = CASE WHEN EXCLUDED."evidenceId" = s."evidenceId" THEN GREATEST(s."observedAt", EXCLUDED."observedAt")
                        WHEN EXCLUDED."observedAt" > s."observedAt"
                          OR (EXCLUDED."observedAt" = s."observedAt" AND EXCLUDED."fails" AND NOT s."fails")
                        THEN EXCLUDED."observedAt" ELSE s."observedAt" END,
    "fails" = CASE WHEN EXCLUDED."evidenceId" = s."evidenceId" THEN s."fails" OR EXCLUDED."fails"
                   WHEN EXCLUDED."observedAt" > s."observedAt"
                     OR (EXCLUDED."observedAt" = s."observedAt" AND EXCLUDED."fails" AND NOT s."fails")
                   THEN EXCLUDED."fails" ELSE s."fails" END,
    "maxExpiresAt" = GREATEST(s."maxExpiresAt", EXCLUDED."maxExpiresAt")
$$;

-- Recomputes every key of one requirement of one organization from its links.
CREATE FUNCTION "assay_refresh_subject_verdicts"(org UUID, requirement TEXT) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "SubjectVerdict" WHERE "orgId" = org AND "requirementId" = requirement;
  SELECT "assay_apply_subject_verdicts"(ARRAY(
    SELECT "id" FROM "ControlLink" WHERE "orgId" = org AND "requirementId" = requirement AND "removedAt" IS NULL));
$$;

CREATE FUNCTION "assay_subject_verdicts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "assay_apply_subject_verdicts"(ARRAY(SELECT "id" FROM new_links));
  RETURN NULL;
END $$;

CREATE FUNCTION "assay_subject_verdicts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
BEGIN
  FOR r IN SELECT DISTINCT "orgId", "requirementId" FROM old_links ORDER BY 1, 2 LOOP
    PERFORM "assay_refresh_subject_verdicts"(r."orgId", r."requirementId");
  END LOOP;
  IF TG_OP = 'UPDATE' THEN
    FOR r IN SELECT DISTINCT n."orgId", n."requirementId" FROM new_links n
              WHERE NOT EXISTS (SELECT 1 FROM old_links o WHERE o."orgId" = n."orgId" AND o."requirementId" = n."requirementId")
              ORDER BY 1, 2 LOOP
      PERFORM "assay_refresh_subject_verdicts"(r."orgId", r."requirementId");
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ControlLink_subject_verdicts_insert" AFTER INSERT ON "ControlLink"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "assay_subject_verdicts_inserted"();
CREATE TRIGGER "ControlLink_subject_verdicts_update" AFTER UPDATE ON "ControlLink"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "assay_subject_verdicts_changed"();
CREATE TRIGGER "ControlLink_subject_verdicts_delete" AFTER DELETE ON "ControlLink"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION "assay_subject_verdicts_changed"();

-- Links stored before this migration.
SELECT "assay_apply_subject_verdicts"(ARRAY(SELECT "id" FROM "ControlLink" WHERE "removedAt" IS NULL ORDER BY "id"));
