CREATE TABLE facility
(
  code       TEXT NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  party_code TEXT NOT NULL REFERENCES party (code),
  sex        TEXT NOT NULL CHECK (sex IN ('MALE', 'FEMALE', 'MIXED'))
);

-- Locations form a hierarchy: MODULE > CELL. Capacities live on cells; modules sum their active cells.
CREATE TABLE location
(
  id                UUID    NOT NULL PRIMARY KEY,
  facility_code     TEXT    NOT NULL REFERENCES facility (code),
  parent_id         UUID REFERENCES location (id),
  code              TEXT    NOT NULL,
  kind              TEXT    NOT NULL CHECK (kind IN ('MODULE', 'CELL')),
  working_capacity  INT     NOT NULL DEFAULT 0 CHECK (working_capacity >= 0),
  max_capacity      INT     NOT NULL DEFAULT 0 CHECK (max_capacity >= working_capacity),
  active            BOOLEAN NOT NULL DEFAULT TRUE,
  inactive_reason   TEXT,
  UNIQUE (facility_code, code),
  CHECK (kind = 'MODULE' AND parent_id IS NULL OR kind = 'CELL' AND parent_id IS NOT NULL)
);
