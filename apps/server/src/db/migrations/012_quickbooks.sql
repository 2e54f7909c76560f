-- Issue #7: QuickBooks Online, posted to from the server itself over Intuit's REST API (OAuth 2.0).
ALTER TABLE connectors DROP CONSTRAINT connectors_kind_check;
ALTER TABLE connectors ADD CONSTRAINT connectors_kind_check CHECK (kind IN ('tally', 'quickbooks'));

-- The tokens Intuit gave for the business's QuickBooks company (its realm). Refresh tokens rotate:
-- each refresh stores the new one, or the next refresh fails.
CREATE TABLE quickbooks_tokens (
  org_id uuid PRIMARY KEY REFERENCES orgs (id),
  realm_id text NOT NULL,
  access_token text NOT NULL,
  access_expires_at timestamptz NOT NULL,
  refresh_token text NOT NULL,
  refresh_expires_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- OAuth `state` values handed out by connect: the callback (which carries no bearer token) learns
-- the business from it. Random, used once, good for 10 minutes.
CREATE TABLE quickbooks_oauth_states (
  state text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs (id),
  expires_at timestamptz NOT NULL
);

-- A refused posting a person sends again gets a fresh Intuit requestid (`<id>-r<n>`): Intuit answers
-- a repeated requestid with its first answer, which was the refusal.
ALTER TABLE postings ADD COLUMN resent int NOT NULL DEFAULT 0;
