-- Issue #6: each page's print (core pagePrint), to find a re-photo of the same paper. Candidates
-- are narrowed by how many cells are inked, which photos of one page agree on within a few percent.
ALTER TABLE invoice_pages ADD COLUMN print text;
ALTER TABLE invoice_pages ADD COLUMN inked int;
CREATE INDEX invoice_pages_inked ON invoice_pages (org_id, inked) WHERE print IS NOT NULL;
-- The other ways an invoice is found again: its number as checks compare it, and its total.
CREATE INDEX invoices_number ON invoices
  (org_id, lower(regexp_replace(fields->'invoiceNumber'->>'value', '\s', '', 'g')));
CREATE INDEX invoices_total ON invoices (org_id, ((fields->'total'->>'value')::bigint));
