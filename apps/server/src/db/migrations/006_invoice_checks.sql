-- Issue #6: what the checks found on each invoice (core's checkInvoice, as JSON), the supplier it
-- was matched to, and each supplier's names reduced for matching (core's supplierKey).
ALTER TABLE invoices ADD COLUMN checks jsonb NOT NULL DEFAULT '[]';
ALTER TABLE invoices ADD COLUMN supplier_id uuid;
CREATE INDEX invoices_supplier ON invoices (org_id, supplier_id);
ALTER TABLE suppliers ADD COLUMN name_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX suppliers_name_keys ON suppliers USING gin (name_keys);
CREATE INDEX suppliers_bin ON suppliers (org_id, bin);
