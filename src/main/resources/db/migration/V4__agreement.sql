CREATE TABLE party
(
  code       TEXT NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  country    CHAR(2) NOT NULL
);

CREATE TABLE agreement
(
  id                UUID        NOT NULL PRIMARY KEY,
  code              TEXT        NOT NULL UNIQUE,
  title             TEXT        NOT NULL,
  sending_party     TEXT        NOT NULL REFERENCES party (code),
  receiving_party   TEXT        NOT NULL REFERENCES party (code),
  status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
  valid_from        DATE        NOT NULL,
  valid_to          DATE,
  capacity_quota    INT         NOT NULL CHECK (capacity_quota >= 0),
  sentence_regime   TEXT        NOT NULL,
  gct_days_per_year INT         NOT NULL DEFAULT 54,
  facility_code     TEXT        NOT NULL,
  version           INT         NOT NULL DEFAULT 1,
  created_at        TIMESTAMPTZ NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL,
  CHECK (sending_party <> receiving_party),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE eligibility_rule
(
  agreement_id UUID NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  position     INT  NOT NULL,
  rule         TEXT NOT NULL,
  parameters   TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (agreement_id, position),
  UNIQUE (agreement_id, rule)
);

CREATE TABLE fee
(
  agreement_id   UUID          NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  kind           TEXT          NOT NULL CHECK (kind IN ('CUSTODY_DAY', 'INTAKE_FEE')),
  amount         NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
  currency       CHAR(3)       NOT NULL,
  effective_from DATE          NOT NULL,
  effective_to   DATE,
  PRIMARY KEY (agreement_id, kind, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
