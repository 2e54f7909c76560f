-- Issue #6: each page's print (core pagePrint), to find a re-photo of the same paper. Candidates
-- are narrowed by how many cells are inked, which re-photos of one page agree on within a few percent.
ALTER TABLE invoice_pages ADD COLUMN print text;
ALTER TABLE invoice_pages ADD COLUMN inked int;
CREATE INDEX invoice_pages_inked ON invoice_pages (org_id, inked) WHERE print IS NOT NULL;
