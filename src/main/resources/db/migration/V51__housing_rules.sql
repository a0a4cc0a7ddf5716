-- Housing: the separation rules of each facility as data, keep-apart records, housing needs and plans.

-- The rivalry matrix: which affiliations may not share a cell (CELL) or a module (MODULE). One row per unordered pair.
CREATE TABLE housing_rivalry
(
  facility_code TEXT NOT NULL REFERENCES facility (code),
  affiliation_a TEXT NOT NULL,
  affiliation_b TEXT NOT NULL,
  scope         TEXT NOT NULL CHECK (scope IN ('CELL', 'MODULE')),
  PRIMARY KEY (facility_code, affiliation_a, affiliation_b),
  CHECK (affiliation_a < affiliation_b)
);

-- Keep-apart records (non-associations) between two prisoners, stored as an ordered pair (a < b); one open record a pair.
CREATE TABLE keep_apart
(
  id            UUID        NOT NULL PRIMARY KEY,
  prisoner_a    TEXT        NOT NULL REFERENCES prisoner (prisoner_number),
  prisoner_b    TEXT        NOT NULL REFERENCES prisoner (prisoner_number),
  role_a        TEXT        NOT NULL CHECK (role_a IN ('VICTIM', 'PERPETRATOR', 'NOT_RELEVANT', 'UNKNOWN')),
  role_b        TEXT        NOT NULL CHECK (role_b IN ('VICTIM', 'PERPETRATOR', 'NOT_RELEVANT', 'UNKNOWN')),
  reason        TEXT        NOT NULL CHECK (reason IN ('GANG_RELATED', 'VIOLENCE', 'THREAT', 'BULLYING', 'ORGANISED_CRIME',
                                                       'LEGAL_REQUEST', 'OTHER')),
  scope         TEXT        NOT NULL CHECK (scope IN ('CELL', 'MODULE')),
  comment       TEXT,
  authorised_by TEXT        NOT NULL CHECK (btrim(authorised_by) <> ''),
  source        TEXT        NOT NULL CHECK (source IN ('MANUAL', 'REFERRAL')),
  status        TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  created_at    TIMESTAMPTZ NOT NULL,
  created_by    TEXT        NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL,
  CHECK (prisoner_a < prisoner_b)
);
CREATE UNIQUE INDEX keep_apart_open_pair_idx ON keep_apart (prisoner_a, prisoner_b) WHERE status = 'OPEN';
CREATE INDEX keep_apart_b_idx ON keep_apart (prisoner_b);

-- Opened, closed and reopened: each with who, when and why.
CREATE TABLE keep_apart_event
(
  id            UUID        NOT NULL PRIMARY KEY,
  keep_apart_id UUID        NOT NULL REFERENCES keep_apart (id),
  action        TEXT        NOT NULL CHECK (action IN ('OPENED', 'CLOSED', 'REOPENED')),
  at            TIMESTAMPTZ NOT NULL,
  by_user       TEXT        NOT NULL,
  why           TEXT        NOT NULL CHECK (btrim(why) <> '')
);
CREATE INDEX keep_apart_event_record_idx ON keep_apart_event (keep_apart_id, at);

-- What a prisoner's cell must offer (MEDICAL, ACCESSIBLE, SEGREGATION).
CREATE TABLE housing_need
(
  prisoner_number TEXT        NOT NULL PRIMARY KEY REFERENCES prisoner (prisoner_number),
  needs           TEXT[]      NOT NULL CHECK (needs <@ ARRAY['MEDICAL', 'ACCESSIBLE', 'SEGREGATION']),
  reason          TEXT        NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  updated_by      TEXT        NOT NULL
);

-- Who was admitted under which referral (by the sending state's external reference), and the keep-apart requests of
-- referrals that wait for the other person's admission.
CREATE TABLE housing_admission
(
  prisoner_number    TEXT NOT NULL PRIMARY KEY REFERENCES prisoner (prisoner_number),
  agreement_code     TEXT NOT NULL,
  external_reference TEXT NOT NULL
);
CREATE INDEX housing_admission_reference_idx ON housing_admission (agreement_code, external_reference);

CREATE TABLE housing_keep_apart_request
(
  id                         UUID NOT NULL PRIMARY KEY,
  prisoner_number            TEXT NOT NULL REFERENCES prisoner (prisoner_number),
  agreement_code             TEXT NOT NULL,
  partner_external_reference TEXT,
  partner_prisoner_number    TEXT,
  reason                     TEXT NOT NULL,
  keep_apart_id              UUID REFERENCES keep_apart (id),
  CHECK (partner_external_reference IS NOT NULL OR partner_prisoner_number IS NOT NULL)
);
CREATE INDEX housing_keep_apart_request_pending_idx ON housing_keep_apart_request (agreement_code, partner_external_reference)
  WHERE keep_apart_id IS NULL;

-- Plans: what was proposed, on which state of the facility (its fingerprint), and whether it was applied.
CREATE TABLE housing_plan
(
  id            UUID        NOT NULL PRIMARY KEY,
  facility_code TEXT        NOT NULL REFERENCES facility (code),
  status        TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'APPLIED')),
  fingerprint   TEXT        NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  created_by    TEXT        NOT NULL,
  applied_at    TIMESTAMPTZ,
  applied_by    TEXT,
  plan          JSONB       NOT NULL
);
CREATE INDEX housing_plan_facility_idx ON housing_plan (facility_code, created_at DESC);
