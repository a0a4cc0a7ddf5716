-- A per-diem may depend on the prisoner's security level: a CUSTODY_DAY fee with a security level applies to that
-- level only; one without applies to every level that has none of its own (the flat rate).
ALTER TABLE fee ADD COLUMN security_level TEXT CHECK (security_level IN ('MINIMUM', 'MEDIUM', 'HIGH', 'MAXIMUM'));
ALTER TABLE fee DROP CONSTRAINT fee_pkey;
CREATE UNIQUE INDEX fee_kind_level_from_idx ON fee (agreement_id, kind, coalesce(security_level, ''), effective_from);
