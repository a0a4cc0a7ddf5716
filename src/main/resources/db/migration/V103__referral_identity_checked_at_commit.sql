-- DUPLICATE_PERSON without a global lock held through whole transactions (issue 13). A submission (or a bulk import)
-- used to take one advisory lock before reading the live holders of its identity keys and to keep it to its commit,
-- so a single referral waited for a 10,000-row import to finish. Now the check reads the committed holders without a
-- lock, and this trigger repeats it at commit time, under the same lock, held only from the check to the commit: of
-- two transactions that referred one person at once, the second to commit is refused (SQLSTATE 23505, constraint
-- referral_identity_key_live; the API answers 409 DATA_CONFLICT and nothing of it is written) and its retry finds the
-- first (an INELIGIBLE referral with the DUPLICATE_PERSON finding). Only keys of a referral stored as SUBMITTED (one
-- that passed the rule) are checked: recordings of people already held (MIGRATED) keep their own turn.
-- Every lookup is a single equality on an indexed key (the referral by its primary key, the holders of a key by
-- referral_identity_key_idx), so that its plan cannot go wrong before the first ANALYZE of a growing table: with a
-- status condition beside the id, a first import into a database whose statistics saw no SUBMITTED referral was
-- planned through the status index and read every new referral per row (10 x slower). enable_seqscan off for the same
-- reason.
CREATE FUNCTION referral_identity_key_live_check() RETURNS trigger
  LANGUAGE plpgsql
  SET enable_seqscan = off AS
$$
DECLARE
  own_status TEXT;
  holder     UUID;
  status     TEXT;
  released   TIMESTAMPTZ;
BEGIN
  SELECT r.status INTO own_status FROM referral r WHERE r.id = NEW.referral_id;
  IF own_status IS DISTINCT FROM 'SUBMITTED' THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('custodia.referral.identity'));
  FOR holder IN SELECT k.referral_id FROM referral_identity_key k WHERE k.identity_key = NEW.identity_key
    LOOP
      CONTINUE WHEN holder = NEW.referral_id;
      SELECT r.status, r.released_at INTO status, released FROM referral r WHERE r.id = holder;
      IF status IN ('SUBMITTED', 'ACCEPTED', 'IN_TRANSIT', 'ADMITTED') OR (status = 'MIGRATED' AND released IS NULL) THEN
        RAISE EXCEPTION 'an identity document of referral % is held by another live referral committed meanwhile',
          NEW.referral_id USING ERRCODE = 'unique_violation', CONSTRAINT = 'referral_identity_key_live',
          TABLE = 'referral_identity_key';
      END IF;
    END LOOP;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER referral_identity_key_live
  AFTER INSERT ON referral_identity_key
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION referral_identity_key_live_check();
