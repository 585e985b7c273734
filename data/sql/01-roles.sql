-- 01-roles.sql — the roles of the Family Help data
--
-- fh_owner   owns every table, view and function; no one logs in as it.
-- fh_reader  steering group and commissioners: may run the reporting layer's
--            aggregate functions and read its views, nothing else. Every
--            count it gets is suppressed (1 to 5 shown as "c", with secondary
--            suppression) and periods are whole months.
-- fh_manager service managers: everything fh_reader has, and may ask the same
--            functions for exact figures (p_exact => true) for its own screen.
-- Roles belong to the whole cluster, so this file may run again for a new
-- database in the same cluster: it creates only what is missing. It must run
-- as a superuser (ALTER ROLE … SET temp_file_limit needs one).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fh_owner') THEN
    CREATE ROLE fh_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fh_reader') THEN
    CREATE ROLE fh_reader LOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fh_manager') THEN
    CREATE ROLE fh_manager LOGIN;
  END IF;
END
$$;

-- A manager can do everything a reader can.
GRANT fh_reader TO fh_manager;

-- Nobody but the owner may create anything in this database: no objects in
-- public, and no temporary objects (a temporary type or function is how a
-- caller would try to run its own code inside a SECURITY DEFINER function).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO fh_owner', current_database());
END
$$;

-- Bounded work for the roles people log in with. statement_timeout is only a
-- default the session may change; temp_file_limit is not (superuser only),
-- and the reporting functions bound their inputs and pin their work_mem.
ALTER ROLE fh_reader SET statement_timeout = '30s';
ALTER ROLE fh_reader SET idle_in_transaction_session_timeout = '60s';
ALTER ROLE fh_reader SET work_mem = '32MB';
ALTER ROLE fh_reader SET temp_file_limit = '256MB';
ALTER ROLE fh_manager SET statement_timeout = '30s';
ALTER ROLE fh_manager SET idle_in_transaction_session_timeout = '60s';
ALTER ROLE fh_manager SET work_mem = '32MB';
ALTER ROLE fh_manager SET temp_file_limit = '256MB';
