-- Application account for all services. Runs once, when the MySQL container initialises an empty
-- data directory (files in /docker-entrypoint-initdb.d run in name order, as root).
--
-- Under docker compose the mysql image has already created 'fenxiao'@'%' with the operator's
-- password (MYSQL_USER / MYSQL_PASSWORD in docker-compose.yml) before this file runs, so the CREATE
-- below is a no-op there. Run by hand on another server, it creates a LOCKED account without a
-- password; then give it one and unlock it:
--   ALTER USER 'fenxiao'@'%' IDENTIFIED BY '<password>' ACCOUNT UNLOCK;
CREATE USER IF NOT EXISTS 'fenxiao'@'%' ACCOUNT LOCK;

-- Every service creates its own databases (fx_relation, fx_commission_0, fx_commission_1,
-- fx_settlement_0, fx_settlement_1, fx_withdrawal_0, fx_withdrawal_1) and runs Flyway on each at
-- startup, so the account may create and migrate any database named fx_* and nothing else.
-- In the pattern, \_ is a literal underscore (a bare _ would match any character).
GRANT SELECT, INSERT, UPDATE, DELETE,
      CREATE, DROP, ALTER, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE,
      CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, TRIGGER, EVENT
   ON `fx\_%`.* TO 'fenxiao'@'%';
