-- People already held before the system (POST /api/v1/custody-history): the referral is stored as MIGRATED (its
-- findings evaluated as of the admission date), the prisoner is marked MIGRATED with the record's source.

ALTER TABLE referral DROP CONSTRAINT referral_status_check;
ALTER TABLE referral ADD CONSTRAINT referral_status_check CHECK (status IN ('SUBMITTED', 'INELIGIBLE', 'ACCEPTED',
  'REJECTED', 'WITHDRAWN', 'IN_TRANSIT', 'HANDOVER_REFUSED', 'ADMITTED', 'RELEASED', 'MIGRATED'));

-- Mandela Rule 7 still holds in the database: a prisoner needs an accepted referral, or the MIGRATED record of a
-- person held before go-live (whose findings are kept and whose failures raised an oversight alert).
CREATE OR REPLACE FUNCTION prisoner_requires_accepted_referral() RETURNS trigger
  LANGUAGE plpgsql AS
$$
DECLARE
  referral_status TEXT;
BEGIN
  SELECT status INTO referral_status FROM referral WHERE id = NEW.referral_id;
  IF referral_status IS NULL OR referral_status NOT IN ('ACCEPTED', 'IN_TRANSIT', 'MIGRATED') THEN
    RAISE EXCEPTION 'prisoner % refused: referral % is %, not an accepted referral', NEW.prisoner_number,
      NEW.referral_id, coalesce(referral_status, 'missing') USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

ALTER TABLE prisoner ADD COLUMN origin TEXT NOT NULL DEFAULT 'HANDOVER' CHECK (origin IN ('HANDOVER', 'MIGRATED'));
ALTER TABLE prisoner ADD COLUMN origin_source TEXT;
ALTER TABLE referral ADD COLUMN migration_source TEXT;

-- Billing reads custody intervals per agreement.
CREATE INDEX prisoner_agreement_admitted_idx ON prisoner (agreement_code, admitted_at);
