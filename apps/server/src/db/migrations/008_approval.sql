-- Issue #6: approving an invoice records who did it, when, and which warnings they accepted.
ALTER TABLE invoices ADD COLUMN approved_by uuid;
ALTER TABLE invoices ADD COLUMN approved_at timestamptz;
ALTER TABLE invoices ADD COLUMN accepted_warnings jsonb;
