-- Transport: manifests of accepted referrals, their departure, and the handover of each person on arrival.
CREATE TABLE manifest
(
  id                  UUID        NOT NULL PRIMARY KEY,
  agreement_code      TEXT        NOT NULL REFERENCES agreement (code),
  facility_code       TEXT        NOT NULL REFERENCES facility (code),
  status              TEXT        NOT NULL CHECK (status IN ('PLANNED', 'DEPARTED', 'ARRIVED', 'CLOSED', 'CANCELLED')),
  carrier             TEXT        NOT NULL CHECK (btrim(carrier) <> ''),
  transport_reference TEXT        NOT NULL CHECK (btrim(transport_reference) <> ''),
  escort_officers     TEXT        NOT NULL DEFAULT '[]',
  scheduled_departure TIMESTAMPTZ NOT NULL,
  scheduled_arrival   TIMESTAMPTZ NOT NULL,
  departed_at         TIMESTAMPTZ,
  departure_recorded_by TEXT,
  arrived_at          TIMESTAMPTZ,
  closed_at           TIMESTAMPTZ,
  closed_by           TEXT,
  cancelled_at        TIMESTAMPTZ,
  cancellation_reason TEXT,
  created_by          TEXT        NOT NULL,
  created_at          TIMESTAMPTZ NOT NULL,
  CHECK (scheduled_arrival >= scheduled_departure),
  CHECK (status = 'PLANNED' OR status = 'CANCELLED' OR departed_at IS NOT NULL)
);
CREATE INDEX manifest_status_idx ON manifest (facility_code, status);

-- Each person on a manifest and what became of them at the gate.
CREATE TABLE manifest_person
(
  manifest_id     UUID        NOT NULL REFERENCES manifest (id),
  referral_id     UUID        NOT NULL REFERENCES referral (id),
  position        INT         NOT NULL,
  outcome         TEXT        NOT NULL DEFAULT 'PENDING'
                              CHECK (outcome IN ('PENDING', 'ADMITTED', 'HANDOVER_REFUSED', 'NOT_ARRIVED', 'REMOVED')),
  -- while the manifest is open and the person still on it
  open            BOOLEAN     NOT NULL DEFAULT TRUE,
  prisoner_number TEXT,
  handover        TEXT,
  discrepancy     TEXT,
  handed_over_at  TIMESTAMPTZ,
  recorded_by     TEXT,
  recorded_at     TIMESTAMPTZ,
  PRIMARY KEY (manifest_id, referral_id),
  CHECK (outcome <> 'ADMITTED' OR prisoner_number IS NOT NULL)
);
-- A referral sits on at most one open manifest.
CREATE UNIQUE INDEX manifest_person_one_open_manifest_idx ON manifest_person (referral_id) WHERE open;

-- Mandela Rule 7, in the database itself: a prisoner row needs a referral that was accepted (and is travelling or
-- about to be admitted). The commitment order columns are NOT NULL and non-blank in the prisoner table.
ALTER TABLE prisoner ADD CONSTRAINT prisoner_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id);

CREATE FUNCTION prisoner_requires_accepted_referral() RETURNS trigger
  LANGUAGE plpgsql AS
$$
DECLARE
  referral_status TEXT;
BEGIN
  SELECT status INTO referral_status FROM referral WHERE id = NEW.referral_id;
  IF referral_status IS NULL OR referral_status NOT IN ('ACCEPTED', 'IN_TRANSIT') THEN
    RAISE EXCEPTION 'prisoner % refused: referral % is %, not an accepted referral', NEW.prisoner_number,
      NEW.referral_id, coalesce(referral_status, 'missing') USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER prisoner_requires_accepted_referral
  BEFORE INSERT ON prisoner
  FOR EACH ROW EXECUTE FUNCTION prisoner_requires_accepted_referral();
