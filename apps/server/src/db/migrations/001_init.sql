-- Every table carries org_id and is keyed by it first, so a distributed PostgreSQL (Citus) can
-- shard by tenant and no query can reach another organisation's rows by primary key alone.

CREATE TABLE orgs (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
-- One login per email address across Chalan: the email is how a person signs in.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  org_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (token_hash),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);

CREATE TABLE invoices (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('captured', 'extracted', 'needs_review', 'approved', 'posted', 'failed')),
  submitter_name text NOT NULL,
  submitter_email text NOT NULL,
  uploaded_by uuid NOT NULL,
  fields jsonb NOT NULL DEFAULT '{}',
  failure_reason text,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX invoices_org_received ON invoices (org_id, received_at);
CREATE INDEX invoices_org_status ON invoices (org_id, status);

CREATE TABLE invoice_pages (
  org_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  page_no int NOT NULL CHECK (page_no >= 1),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL,
  byte_size bigint NOT NULL CHECK (byte_size > 0),
  PRIMARY KEY (org_id, invoice_id, page_no),
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id)
);

-- Append-only audit trail: who changed what, from what to what.
CREATE TABLE invoice_events (
  org_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  kind text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_id, seq),
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id)
);

-- One row per email Chalan owes somebody; the unique key is what makes a retried job send once.
CREATE TABLE notifications (
  org_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  kind text NOT NULL,
  recipient text NOT NULL,
  message_id text NOT NULL,
  sent_at timestamptz,
  PRIMARY KEY (org_id, invoice_id, kind),
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id)
);

CREATE TABLE monthly_reports (
  org_id uuid NOT NULL REFERENCES orgs (id),
  submitter_email text NOT NULL,
  month text NOT NULL CHECK (month ~ '^\d{4}-\d{2}$'),
  message_id text NOT NULL,
  invoice_count int,
  sent_at timestamptz,
  PRIMARY KEY (org_id, submitter_email, month)
);

-- Which months the scheduler has already fanned out, so catch-up after downtime is cheap.
CREATE TABLE report_months (
  month text PRIMARY KEY CHECK (month ~ '^\d{4}-\d{2}$'),
  planned_at timestamptz NOT NULL DEFAULT now()
);
