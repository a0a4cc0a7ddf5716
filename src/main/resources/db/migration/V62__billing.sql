-- Billing: one invoice per agreement and month, its lines, adjustments waiting for the next invoice, reconciliations
-- with the sending agency's roster, disputes and payments. Money is NUMERIC with two decimals.

CREATE TABLE invoice
(
  id             UUID           NOT NULL PRIMARY KEY,
  number         TEXT           NOT NULL UNIQUE,
  agreement_code TEXT           NOT NULL REFERENCES agreement (code),
  period         CHAR(7)        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status         TEXT           NOT NULL CHECK (status IN ('ISSUED')),
  currency       CHAR(3)        NOT NULL,
  first_day      DATE           NOT NULL,
  last_day       DATE           NOT NULL,
  total          NUMERIC(16, 2) NOT NULL,
  issued_at      TIMESTAMPTZ    NOT NULL,
  issued_on      DATE           NOT NULL,
  issued_by      TEXT           NOT NULL,
  -- the invoice is the same whoever runs the month again: one per agreement and month
  UNIQUE (agreement_code, period)
);

CREATE TABLE invoice_line
(
  invoice_id         UUID           NOT NULL REFERENCES invoice (id),
  line_no            INT            NOT NULL,
  kind               TEXT           NOT NULL CHECK (kind IN ('CUSTODY_DAYS', 'INTAKE_FEE', 'ADJUSTMENT')),
  prisoner_number    TEXT,
  external_reference TEXT,
  security_level     TEXT,
  first_day          DATE,
  last_day           DATE,
  days               INT,
  rate               NUMERIC(14, 2),
  amount             NUMERIC(16, 2) NOT NULL,
  -- an adjustment: what it corrects and why
  adjusts_kind       TEXT,
  corrects_invoice   TEXT,
  corrects_line      INT,
  adjustment_source  TEXT CHECK (adjustment_source IN ('RECOMPUTATION', 'DISPUTE')),
  reason             TEXT,
  -- the custody events the line was counted from: admission and release event ids
  admission_event    UUID,
  release_event      UUID,
  PRIMARY KEY (invoice_id, line_no),
  CHECK ((kind = 'ADJUSTMENT') = (corrects_invoice IS NOT NULL))
);
CREATE INDEX invoice_line_corrects_idx ON invoice_line (corrects_invoice) WHERE corrects_invoice IS NOT NULL;

CREATE TABLE dispute
(
  id              UUID           NOT NULL PRIMARY KEY,
  invoice_number  TEXT           NOT NULL REFERENCES invoice (number),
  line_no         INT            NOT NULL,
  agreement_code  TEXT           NOT NULL,
  amount          NUMERIC(16, 2) NOT NULL,
  reason          TEXT           NOT NULL CHECK (btrim(reason) <> ''),
  status          TEXT           NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
  raised_by       TEXT           NOT NULL,
  raised_at       TIMESTAMPTZ    NOT NULL,
  resolution      TEXT,
  credit          NUMERIC(16, 2),
  resolved_by     TEXT,
  resolved_at     TIMESTAMPTZ,
  -- an upheld dispute's credit lands on the next invoice
  applied_invoice TEXT REFERENCES invoice (number),
  applied_line    INT,
  CHECK ((status = 'OPEN') = (resolved_at IS NULL))
);
CREATE INDEX dispute_agreement_idx ON dispute (agreement_code, status);
-- one open dispute per line
CREATE UNIQUE INDEX dispute_open_line_idx ON dispute (invoice_number, line_no) WHERE status = 'OPEN';

CREATE TABLE payment
(
  id             UUID           NOT NULL PRIMARY KEY,
  invoice_number TEXT           NOT NULL REFERENCES invoice (number),
  amount         NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
  paid_on        DATE           NOT NULL,
  reference      TEXT           NOT NULL CHECK (btrim(reference) <> ''),
  recorded_by    TEXT           NOT NULL,
  recorded_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX payment_invoice_idx ON payment (invoice_number);

CREATE TABLE reconciliation
(
  id             UUID        NOT NULL PRIMARY KEY,
  invoice_number TEXT        NOT NULL REFERENCES invoice (number),
  submitted_by   TEXT        NOT NULL,
  submitted_at   TIMESTAMPTZ NOT NULL,
  result         JSONB       NOT NULL
);
CREATE INDEX reconciliation_invoice_idx ON reconciliation (invoice_number, submitted_at DESC);
