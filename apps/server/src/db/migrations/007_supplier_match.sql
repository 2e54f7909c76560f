-- Issue #6: fuzzy supplier matching. Each supplier name, Bengali name and alias in Latin letters
-- (core's supplierMatchKey), indexed by letter triples (pg_trgm ships with PostgreSQL's contrib,
-- in both the embedded and Debian's builds).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE supplier_names (
  org_id uuid NOT NULL,
  supplier_id uuid NOT NULL,
  key text NOT NULL,
  PRIMARY KEY (org_id, supplier_id, key),
  FOREIGN KEY (org_id, supplier_id) REFERENCES suppliers (org_id, id)
);
CREATE INDEX supplier_names_trgm ON supplier_names USING gin (key gin_trgm_ops);
