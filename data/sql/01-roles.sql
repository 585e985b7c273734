-- 01-roles.sql — the two roles of the Family Help data
--
-- fh_owner  owns every table, view and function; no one logs in as it.
-- fh_reader the dashboard's role: it may run the reporting layer's
--           aggregate functions and read its views, and nothing else.
-- Roles belong to the whole cluster, so this file may run again for a new
-- database in the same cluster: it creates only what is missing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fh_owner') THEN
    CREATE ROLE fh_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fh_reader') THEN
    CREATE ROLE fh_reader LOGIN;
  END IF;
END
$$;

-- The reader may not create anything in this database.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
