-- Sync (issue #5, docs/sync.md): every field write accepted from a device or made here, kept for
-- good (the history), numbered by a per-organisation sequence that devices pull by.
ALTER TABLE orgs ADD COLUMN sync_seq bigint NOT NULL DEFAULT 0;

CREATE TABLE field_writes (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  -- No foreign key: a device's writes may arrive before the invoice's pages do.
  invoice_id uuid NOT NULL,
  field text NOT NULL,
  value jsonb,
  provenance text NOT NULL CHECK (provenance IN ('local_ocr', 'server_ocr', 'human', 'import')),
  confidence real NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  at text NOT NULL,
  device text NOT NULL,
  replaces uuid[] NOT NULL,
  seq bigint NOT NULL,
  pushed_by uuid,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX field_writes_seq ON field_writes (org_id, seq);
CREATE INDEX field_writes_field ON field_writes (org_id, invoice_id, field);
