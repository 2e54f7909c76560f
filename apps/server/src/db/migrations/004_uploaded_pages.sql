-- Pages uploaded one by one (tus, issue #5) before the invoice that holds them is committed. A page
-- counts as this organisation's only once it uploaded it: knowing a SHA-256 is not enough to use
-- another organisation's page, nor to learn that it has one.
CREATE TABLE uploaded_pages (
  org_id uuid NOT NULL REFERENCES orgs (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  byte_size bigint NOT NULL CHECK (byte_size > 0),
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, sha256)
);
