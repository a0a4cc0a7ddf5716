-- The append-only, hash-chained audit ledger (Mandela Rule 6: a secure audit trail).
CREATE TABLE ledger_entry
(
  sequence      BIGINT      NOT NULL PRIMARY KEY CHECK (sequence > 0),
  recorded_at   TIMESTAMPTZ NOT NULL,
  actor         TEXT        NOT NULL,
  action        TEXT        NOT NULL,
  subject_type  TEXT        NOT NULL,
  subject_id    TEXT        NOT NULL,
  payload       TEXT        NOT NULL,
  payload_hash  CHAR(64)    NOT NULL,
  previous_hash CHAR(64)    NOT NULL,
  hash          CHAR(64)    NOT NULL UNIQUE
);
CREATE INDEX ledger_entry_subject_idx ON ledger_entry (subject_type, subject_id);

CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER ledger_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();

CREATE TRIGGER ledger_entry_no_truncate
  BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();
