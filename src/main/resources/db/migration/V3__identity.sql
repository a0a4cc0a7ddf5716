CREATE TABLE app_user
(
  id            UUID        NOT NULL PRIMARY KEY,
  username      TEXT        NOT NULL UNIQUE,
  display_name  TEXT        NOT NULL,
  password_hash TEXT        NOT NULL,
  role          TEXT        NOT NULL CHECK (role IN ('SENDING_AGENCY', 'INTAKE_OFFICER', 'RECEPTION_OFFICER',
                                                     'CLASSIFICATION_OFFICER', 'CUSTODY_OFFICER', 'FINANCE',
                                                     'OVERSIGHT', 'CONSULAR', 'ADMIN')),
  -- the state whose records a SENDING_AGENCY user sees
  party_code    TEXT,
  -- the nationality whose files a CONSULAR user reads
  nationality   TEXT,
  locale        TEXT        NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMPTZ NOT NULL,
  CHECK (role <> 'SENDING_AGENCY' OR party_code IS NOT NULL),
  CHECK (role <> 'CONSULAR' OR nationality IS NOT NULL)
);
