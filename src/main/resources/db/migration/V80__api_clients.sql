-- Machine clients of the API (OAuth2 client credentials): the role and scope each acts with, as app_user has for
-- people. The secret is a password-encoder hash ({bcrypt}...), checked only at the token endpoint.
CREATE TABLE api_client
(
  id                 UUID        NOT NULL PRIMARY KEY,
  client_id          TEXT        NOT NULL UNIQUE,
  client_secret_hash TEXT        NOT NULL,
  display_name       TEXT        NOT NULL,
  role               TEXT        NOT NULL CHECK (role IN ('SENDING_AGENCY', 'INTAKE_OFFICER', 'RECEPTION_OFFICER',
                                                          'CLASSIFICATION_OFFICER', 'CUSTODY_OFFICER', 'FINANCE',
                                                          'OVERSIGHT', 'CONSULAR', 'ADMIN')),
  party_code         TEXT,
  nationality        TEXT,
  enabled            BOOLEAN     NOT NULL DEFAULT TRUE,
  created_at         TIMESTAMPTZ NOT NULL,
  CHECK (role <> 'SENDING_AGENCY' OR party_code IS NOT NULL),
  CHECK (role <> 'CONSULAR' OR nationality IS NOT NULL)
);

-- The key the embedded authorization server signs access tokens with (RS256), shared by every instance on this
-- database and kept across restarts. Unused when custodia.oauth2.signing-key names a key file.
CREATE TABLE token_signing_key
(
  kid         TEXT        NOT NULL PRIMARY KEY,
  private_key BYTEA       NOT NULL, -- PKCS#8
  public_key  BYTEA       NOT NULL, -- X.509 SubjectPublicKeyInfo
  created_at  TIMESTAMPTZ NOT NULL
);
