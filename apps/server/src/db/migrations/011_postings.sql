-- Issue #7: the accounting outbox. Approving an invoice creates one posting per enabled connector,
-- numbered by version (1, then one per amendment); a bridge leases due postings and reports what the
-- target said. One version of an invoice is posted to a connector at most once (the unique key).
CREATE TABLE connectors (
  org_id uuid NOT NULL REFERENCES orgs (id),
  kind text NOT NULL CHECK (kind IN ('tally')),
  enabled boolean NOT NULL,
  company text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, kind)
);

CREATE TABLE postings (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  connector text NOT NULL,
  version int NOT NULL CHECK (version >= 1),
  voucher jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'posted', 'rejected', 'superseded')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_token uuid,
  leased_until timestamptz,
  message text,
  target_ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, connector, invoice_id, version),
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id)
);
CREATE INDEX postings_due ON postings (org_id, connector, next_attempt_at) WHERE state = 'pending';
