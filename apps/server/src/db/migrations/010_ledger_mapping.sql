-- Issue #7: which ledgers each business's approved invoices are posted to (core LedgerMapping);
-- a business without a row uses the defaults.
CREATE TABLE ledger_mappings (
  org_id uuid PRIMARY KEY REFERENCES orgs (id),
  mapping jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Exports pick approved invoices by issue date.
CREATE INDEX invoices_issue_date ON invoices (org_id, (fields->'issueDate'->>'value'))
  WHERE status IN ('approved', 'posted');
