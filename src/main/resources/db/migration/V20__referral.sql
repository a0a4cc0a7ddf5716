-- Referral dossiers and their eligibility (module referral).
CREATE TABLE referral
(
  id                      UUID        NOT NULL PRIMARY KEY,
  agreement_code          TEXT        NOT NULL,
  sending_party           TEXT        NOT NULL,
  external_reference      TEXT        NOT NULL,
  status                  TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'INELIGIBLE', 'ACCEPTED', 'REJECTED',
                                                                 'WITHDRAWN', 'IN_TRANSIT', 'HANDOVER_REFUSED',
                                                                 'ADMITTED', 'RELEASED')),
  given_names             TEXT        NOT NULL,
  family_names            TEXT        NOT NULL,
  date_of_birth           DATE        NOT NULL,
  sex                     TEXT        NOT NULL,
  -- the claimed gang affiliation (group), NULL when none was given
  affiliation             TEXT,
  -- the dossier as submitted, canonical JSON, and its SHA-256 (the ledger carries the same hash)
  dossier                 TEXT        NOT NULL,
  dossier_hash            CHAR(64)    NOT NULL,
  -- the latest evaluation (every evaluation is kept in referral_evaluation)
  eligible                BOOLEAN     NOT NULL,
  eligibility             TEXT        NOT NULL,
  submitted_by            TEXT        NOT NULL,
  submitted_at            TIMESTAMPTZ NOT NULL,
  decision                TEXT CHECK (decision IN ('ACCEPT', 'REJECT')),
  decision_reason         TEXT,
  decided_by              TEXT,
  decided_at              TIMESTAMPTZ,
  withdrawal_reason       TEXT,
  withdrawn_by            TEXT,
  withdrawn_at            TIMESTAMPTZ,
  manifest_id             UUID,
  prisoner_number         TEXT,
  handover_refused_reason TEXT,
  released_at             TIMESTAMPTZ,
  updated_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX referral_agreement_status_idx ON referral (agreement_code, status);
CREATE INDEX referral_status_submitted_idx ON referral (status, submitted_at);
CREATE INDEX referral_party_submitted_idx ON referral (sending_party, submitted_at);
CREATE INDEX referral_submitted_idx ON referral (submitted_at);
-- One referral in progress or in custody per external reference and agreement; a withdrawn, rejected or
-- ineligible one may be sent again, corrected.
CREATE UNIQUE INDEX referral_live_reference_idx ON referral (agreement_code, external_reference)
  WHERE status IN ('SUBMITTED', 'ACCEPTED', 'IN_TRANSIT', 'ADMITTED');

CREATE TABLE referral_nationality
(
  referral_id UUID NOT NULL REFERENCES referral (id),
  nationality TEXT NOT NULL,
  PRIMARY KEY (referral_id, nationality)
);
CREATE INDEX referral_nationality_idx ON referral_nationality (nationality);

-- Identity documents (type, number, issuing country) and biometric references, normalized: what DUPLICATE_PERSON compares.
CREATE TABLE referral_identity_key
(
  referral_id  UUID NOT NULL REFERENCES referral (id),
  identity_key TEXT NOT NULL,
  PRIMARY KEY (referral_id, identity_key)
);
CREATE INDEX referral_identity_key_idx ON referral_identity_key (identity_key);

-- Every evaluation of the policy: at submission and at each acceptance attempt.
CREATE TABLE referral_evaluation
(
  id           BIGSERIAL   NOT NULL PRIMARY KEY,
  referral_id  UUID        NOT NULL REFERENCES referral (id),
  purpose      TEXT        NOT NULL CHECK (purpose IN ('SUBMISSION', 'DECISION')),
  evaluated_on DATE        NOT NULL,
  evaluated_at TIMESTAMPTZ NOT NULL,
  evaluated_by TEXT        NOT NULL,
  eligible     BOOLEAN     NOT NULL,
  findings     TEXT        NOT NULL
);
CREATE INDEX referral_evaluation_referral_idx ON referral_evaluation (referral_id, id);
