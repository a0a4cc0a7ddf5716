-- DUPLICATE_PERSON without a global lock held through whole transactions (issue 13). A submission (or a bulk import)
-- used to take one advisory lock before reading the live holders of its identity keys and to keep it to its commit,
-- so a single referral waited for a 10,000-row import to finish. Now the check reads the committed holders without a
-- lock, and this trigger repeats it at commit time, under the same lock, held only from the check to the commit: of
-- two transactions that referred one person at once, the second to commit is refused (SQLSTATE 23505, constraint
-- referral_identity_key_live; the API answers 409 DATA_CONFLICT and nothing of it is written) and its retry finds the
-- first (an INELIGIBLE referral with the DUPLICATE_PERSON finding). Only keys of a referral stored as SUBMITTED (one
-- that passed the rule) are checked: recordings of people already held (MIGRATED) keep their own turn.
-- SET enable_seqscan = off: the lookups are by key and must use the indexes even before the first ANALYZE of a
-- growing table (a first import into an empty one otherwise planned a sequential scan per row: 10 x slower).
CREATE FUNCTION referral_identity_key_live_check() RETURNS trigger
  LANGUAGE plpgsql
  SET enable_seqscan = off AS
$$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM referral r WHERE r.id = NEW.referral_id AND r.status = 'SUBMITTED') THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('custodia.referral.identity'));
  IF EXISTS (SELECT 1
             FROM referral_identity_key k
                    JOIN referral r ON r.id = k.referral_id
             WHERE k.identity_key = NEW.identity_key
               AND k.referral_id <> NEW.referral_id
               AND (r.status IN ('SUBMITTED', 'ACCEPTED', 'IN_TRANSIT', 'ADMITTED')
               OR (r.status = 'MIGRATED' AND r.released_at IS NULL))) THEN
    RAISE EXCEPTION 'an identity document of referral % is held by another live referral committed meanwhile',
      NEW.referral_id USING ERRCODE = 'unique_violation', CONSTRAINT = 'referral_identity_key_live',
      TABLE = 'referral_identity_key';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER referral_identity_key_live
  AFTER INSERT ON referral_identity_key
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION referral_identity_key_live_check();
