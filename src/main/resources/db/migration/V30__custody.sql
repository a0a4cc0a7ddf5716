-- Custody: the prisoner file from admission to release (Mandela Rules 6 to 11, 62, 68, 69; Vienna Convention Art. 36).

-- Accent- and typo-tolerant search of names, aliases, numbers and documents. Both extensions are "trusted" since
-- PostgreSQL 13, so the database owner may create them without being a superuser; both ship with the embedded
-- PostgreSQL 17 (zonky) and with Debian's postgresql-15 package.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Per facility and year of admission: the last prisoner number given. Taken under the row's lock; a number whose
-- transaction rolls back was never given to anyone, and a committed one is never given again.
CREATE TABLE prisoner_number_counter
(
  facility_code TEXT NOT NULL REFERENCES facility (code),
  year          INT  NOT NULL,
  last_value    INT  NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (facility_code, year)
);

CREATE TABLE prisoner
(
  id                         UUID        NOT NULL PRIMARY KEY,
  prisoner_number            TEXT        NOT NULL UNIQUE,
  -- Mandela Rule 7: nobody without a referral and a valid commitment order. The foreign key to referral (id) is
  -- added by the integrator once the referral module's table exists (custody must not depend on referral).
  referral_id                UUID        NOT NULL UNIQUE,
  agreement_code             TEXT        NOT NULL,
  facility_code              TEXT        NOT NULL REFERENCES facility (code),
  legal_custodian            TEXT        NOT NULL CHECK (btrim(legal_custodian) <> ''),
  physical_custodian         TEXT        NOT NULL CHECK (btrim(physical_custodian) <> ''),
  status                     TEXT        NOT NULL CHECK (status IN ('IN_CUSTODY', 'TEMPORARILY_OUT', 'RELEASED')),
  cell_code                  TEXT,
  module_code                TEXT,
  given_names                TEXT        NOT NULL CHECK (btrim(given_names) <> ''),
  family_names               TEXT        NOT NULL CHECK (btrim(family_names) <> ''),
  date_of_birth              DATE        NOT NULL,
  sex                        TEXT        NOT NULL,
  person                     JSONB       NOT NULL,
  commitment_order_reference TEXT        NOT NULL CHECK (btrim(commitment_order_reference) <> ''),
  commitment_order_authority TEXT        NOT NULL CHECK (btrim(commitment_order_authority) <> ''),
  commitment_order_issued_on DATE        NOT NULL,
  responsible_authority      TEXT        NOT NULL CHECK (btrim(responsible_authority) <> ''),
  arrest                     JSONB,
  convictions                JSONB       NOT NULL,
  sentence_regime            TEXT        NOT NULL,
  gct_days_per_year          INT         NOT NULL CHECK (gct_days_per_year >= 0),
  gct_forfeited_days         INT         NOT NULL DEFAULT 0 CHECK (gct_forfeited_days >= 0),
  full_term_date             DATE,
  release_date               DATE,
  gang_group                 TEXT,
  gang_source                TEXT,
  security_level             TEXT        NOT NULL,
  admitted_at                TIMESTAMPTZ NOT NULL,
  admission_recorded_at      TIMESTAMPTZ NOT NULL,
  admission_recorded_by      TEXT        NOT NULL,
  handover                   JSONB       NOT NULL,
  family_notification_declined BOOLEAN   NOT NULL DEFAULT FALSE,
  released_at                TIMESTAMPTZ,
  release_type               TEXT CHECK (release_type IN ('RETURN_TO_SENDING_STATE', 'TRANSFER_TO_THIRD_STATE',
                                                          'SENTENCE_COMPLETED', 'DEATH')),
  release                    JSONB,
  -- lower(unaccent(names, aliases, number, document numbers)), kept by the application
  search_text                TEXT        NOT NULL,
  version                    INT         NOT NULL DEFAULT 1,
  CHECK ((status = 'RELEASED') = (released_at IS NOT NULL AND release_type IS NOT NULL)),
  CHECK (status <> 'RELEASED' OR cell_code IS NULL),
  CHECK ((cell_code IS NULL) = (module_code IS NULL))
);
CREATE INDEX prisoner_facility_status_idx ON prisoner (facility_code, status);
CREATE INDEX prisoner_cell_idx ON prisoner (facility_code, cell_code) WHERE cell_code IS NOT NULL;
CREATE INDEX prisoner_release_date_idx ON prisoner (release_date) WHERE status <> 'RELEASED';
CREATE INDEX prisoner_search_trgm_idx ON prisoner USING gin (search_text gin_trgm_ops);

-- The file of Rule 8: every entry dated (occurred_at), authored (recorded_by) and stamped (recorded_at).
CREATE TABLE prisoner_event
(
  id           UUID        NOT NULL PRIMARY KEY,
  prisoner_id  UUID        NOT NULL REFERENCES prisoner (id),
  type         TEXT        NOT NULL,
  occurred_at  TIMESTAMPTZ NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  recorded_by  TEXT        NOT NULL,
  details      JSONB       NOT NULL,
  -- Rule 9: the confidential part of a medical note, shown only to ADMIN and OVERSIGHT
  confidential JSONB,
  serious      BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX prisoner_event_prisoner_idx ON prisoner_event (prisoner_id, occurred_at);

-- Complaints of ill-treatment (at admission or later), for the independent inspectors.
CREATE TABLE oversight_alert
(
  id          UUID        NOT NULL PRIMARY KEY,
  prisoner_id UUID        NOT NULL REFERENCES prisoner (id),
  event_id    UUID REFERENCES prisoner_event (id),
  kind        TEXT        NOT NULL,
  details     TEXT        NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  raised_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX oversight_alert_raised_idx ON oversight_alert (raised_at DESC);

-- Rules 68, 69 and Vienna Art. 36: who is told what, when, how. Created in the transaction of the fact; sending is
-- another system's job.
CREATE TABLE notification
(
  id             UUID        NOT NULL PRIMARY KEY,
  prisoner_id    UUID        NOT NULL REFERENCES prisoner (id),
  recipient_kind TEXT        NOT NULL CHECK (recipient_kind IN ('FAMILY', 'CONSULATE')),
  recipient      TEXT        NOT NULL,
  address        TEXT,
  subject        TEXT        NOT NULL CHECK (subject IN ('IMPRISONMENT', 'CONSULAR_NOTIFICATION', 'TRANSFER',
                                                         'SERIOUS_ILLNESS_OR_INJURY', 'DEATH')),
  channel        TEXT        NOT NULL,
  status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT')),
  created_at     TIMESTAMPTZ NOT NULL,
  sent_at        TIMESTAMPTZ,
  CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX notification_prisoner_idx ON notification (prisoner_id);

-- Formal counts (Rule 10): per module the expected and the counted number; a difference stays open until resolved.
CREATE TABLE facility_count
(
  id                UUID        NOT NULL PRIMARY KEY,
  facility_code     TEXT        NOT NULL REFERENCES facility (code),
  counted_at        TIMESTAMPTZ NOT NULL,
  counted_by        TEXT        NOT NULL,
  discrepancy       BOOLEAN     NOT NULL,
  resolved_at       TIMESTAMPTZ,
  resolved_by       TEXT,
  resolution_reason TEXT,
  CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);
CREATE INDEX facility_count_open_idx ON facility_count (facility_code) WHERE discrepancy AND resolved_at IS NULL;

CREATE TABLE facility_count_module
(
  count_id    UUID NOT NULL REFERENCES facility_count (id),
  module_code TEXT NOT NULL,
  expected    INT  NOT NULL CHECK (expected >= 0),
  counted     INT  NOT NULL CHECK (counted >= 0),
  PRIMARY KEY (count_id, module_code)
);
