-- The application's own database role: it may read and write everything except change or remove
-- evidence, findings, audit entries and the tamper-evident log (SELECT and INSERT only there). The
-- application connects as the migration owner and switches to this role for all of its queries
-- (lib/db/open-database.ts); migrations and the job queue's schema changes run as the owner.
-- Roles are per cluster: creating it is idempotent, also when test databases migrate concurrently.
DO $$
BEGIN
  CREATE ROLE assay_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
  EXECUTE format('GRANT assay_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO assay_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO assay_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO assay_app;
-- Tables of later migrations get the same grants; an append-only one revokes like the line below.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO assay_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO assay_app;
REVOKE UPDATE, DELETE, TRUNCATE ON "Evidence", "Finding", "AuditEntry", "LogLeaf", "LogCheckpoint" FROM assay_app;
