-- Schema of the fixture application: organizations is the tenant root, the others carry org_id.
CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  email text NOT NULL
);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  created_by uuid REFERENCES users (id),
  name text NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE invoices (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  status text NOT NULL,
  amount_due_cents bigint NOT NULL
);

-- Platform-level: no tenant column.
CREATE TABLE email_routing_rules (
  id serial PRIMARY KEY,
  pattern text NOT NULL
);

CREATE TABLE projects (id uuid PRIMARY KEY, name text NOT NULL);
ALTER TABLE projects ADD COLUMN org_id uuid REFERENCES organizations (id);

-- Seed data and a cleanup run by hand: the DELETE has no tenant predicate.
INSERT INTO email_routing_rules (pattern) VALUES ('billing@%');
DELETE FROM invoices WHERE status = 'void';
