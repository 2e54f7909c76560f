-- Why an invoice waits for a person (shown on the review screen); empty when it does not.
ALTER TABLE invoices ADD COLUMN review_reasons jsonb NOT NULL DEFAULT '[]';
