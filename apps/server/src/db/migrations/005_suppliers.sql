-- Suppliers of each business (issue #6), cached on every device (issue #5): each change takes the
-- organisation's next sync sequence number, so devices pull changes since their cursor; a removed
-- supplier is kept as a tombstone so that devices learn of the removal.
CREATE TABLE suppliers (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  name text NOT NULL,
  name_bn text,
  aliases text[] NOT NULL DEFAULT '{}',
  bin text CHECK (bin ~ '^[0-9]{13}$'),
  tin text CHECK (tin ~ '^[0-9]{12}$'),
  address text,
  phone text,
  payment text,
  category text,
  ledger text,
  usual_vat_rate numeric CHECK (usual_vat_rate >= 0 AND usual_vat_rate <= 1),
  deleted boolean NOT NULL DEFAULT false,
  seq bigint NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX suppliers_seq ON suppliers (org_id, seq);
