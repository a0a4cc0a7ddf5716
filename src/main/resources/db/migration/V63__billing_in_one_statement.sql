-- A month's invoice is computed, numbered, written and hashed by one statement inside PostgreSQL.

-- Custody's database API for billing (owned by the custody module, read by billing's statement): the stays of an
-- agreement's prisoners that overlap the local days first..last, one row per stretch of one security level (a
-- CLASSIFICATION entry changes the level from its local date on; before the first one the level is the one it
-- replaced), with the local admission and release dates and the file entries the days are counted from. A plain SQL
-- function, so the planner inlines it into the caller's query.
CREATE FUNCTION custody_stays(p_agreement TEXT, p_zone TEXT, p_first DATE, p_last DATE)
  RETURNS TABLE
          (
            prisoner_id        UUID,
            prisoner_number    TEXT,
            external_reference TEXT,
            admitted_on        DATE,
            released_on        DATE,
            security_level     TEXT,
            level_from         DATE,
            level_until        DATE,
            admission_event    UUID,
            release_event      UUID
          )
  LANGUAGE sql
  STABLE
AS
$$
WITH p AS (
  SELECT p.id, p.prisoner_number, p.referral_id, p.security_level,
         (p.admitted_at AT TIME ZONE p_zone)::date AS admitted_on,
         (p.released_at AT TIME ZONE p_zone)::date AS released_on
  FROM prisoner p
  WHERE p.agreement_code = p_agreement
    AND p.admitted_at < ((p_last + 2)::timestamp AT TIME ZONE 'UTC')
    AND (p.released_at IS NULL OR p.released_at >= ((p_first - 1)::timestamp AT TIME ZONE 'UTC'))
), c AS (
  -- the CLASSIFICATION entries of those prisoners, in order: each starts a stretch at the new level
  SELECT e.prisoner_id, (e.occurred_at AT TIME ZONE p_zone)::date AS from_day, e.details ->> 'securityLevel' AS level,
         e.details ->> 'previousSecurityLevel' AS previous,
         row_number() OVER (PARTITION BY e.prisoner_id ORDER BY e.occurred_at, e.recorded_at) AS k
  FROM prisoner_event e
  WHERE e.type = 'CLASSIFICATION' AND e.prisoner_id IN (SELECT id FROM p)
), l AS (
  -- stretches: before the first entry at the level it replaced, then one per entry up to the next one
  SELECT c.prisoner_id, c.previous AS level, NULL::date AS level_from, c.from_day AS level_until
  FROM c WHERE c.k = 1
  UNION ALL
  SELECT c.prisoner_id, c.level, c.from_day,
         lead(c.from_day) OVER (PARTITION BY c.prisoner_id ORDER BY c.k)
  FROM c
), a AS (
  SELECT DISTINCT ON (e.prisoner_id) e.prisoner_id, e.id
  FROM prisoner_event e JOIN p ON p.id = e.prisoner_id
  WHERE e.type = 'ADMISSION'
  ORDER BY e.prisoner_id, e.occurred_at
), r AS (
  SELECT DISTINCT ON (e.prisoner_id) e.prisoner_id, e.id
  FROM prisoner_event e JOIN p ON p.id = e.prisoner_id
  WHERE e.type = 'RELEASE'
  ORDER BY e.prisoner_id, e.occurred_at DESC
)
SELECT p.id, p.prisoner_number, f.external_reference, p.admitted_on, p.released_on,
       coalesce(l.level, p.security_level), l.level_from, l.level_until, a.id, r.id
FROM p
LEFT JOIN referral f ON f.id = p.referral_id
LEFT JOIN l ON l.prisoner_id = p.id
LEFT JOIN a ON a.prisoner_id = p.id
LEFT JOIN r ON r.prisoner_id = p.id
$$;

-- The file entries a change of custody could be seen by: recorded after a moment (the billing recheck).
CREATE INDEX prisoner_event_custody_recorded_idx ON prisoner_event (recorded_at)
  WHERE type IN ('ADMISSION', 'RELEASE', 'CLASSIFICATION');

-- Custody's second function for billing: has anything that changes the days or levels of an agreement's stays
-- before a local day been recorded since a moment? (A release entered late, a backdated reclassification.)
CREATE FUNCTION custody_changed_since(p_agreement TEXT, p_since TIMESTAMPTZ, p_before TIMESTAMPTZ)
  RETURNS BOOLEAN
  LANGUAGE sql
  STABLE
AS
$$
SELECT EXISTS (SELECT 1
               FROM prisoner_event e
                      JOIN prisoner p ON p.id = e.prisoner_id
               WHERE e.type IN ('ADMISSION', 'RELEASE', 'CLASSIFICATION')
                 AND e.recorded_at > p_since
                 AND e.occurred_at < p_before
                 AND p.agreement_code = p_agreement)
$$;

-- When an issued invoice was last compared with the record (its month billed again for adjustments), and under which
-- version of the agreement: a month is billed again only when something it depends on changed since.
CREATE TABLE invoice_check
(
  invoice_id        UUID        NOT NULL PRIMARY KEY REFERENCES invoice (id),
  checked_at        TIMESTAMPTZ NOT NULL,
  agreement_version INT         NOT NULL
);
INSERT INTO invoice_check (invoice_id, checked_at, agreement_version)
SELECT i.id, '-infinity', 0 FROM invoice i;

-- 41,000 row-level foreign-key checks cost more than computing the lines: one check per statement instead, over the
-- rows the statement wrote. An invoice can never be deleted (below), so no line can lose its invoice later.
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_invoice_id_fkey;

CREATE FUNCTION invoice_line_has_invoice() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF EXISTS (SELECT 1 FROM new_lines n WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = n.invoice_id)) THEN
    RAISE EXCEPTION 'invoice_line refused: its invoice does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER invoice_line_has_invoice
  AFTER INSERT ON invoice_line REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_line_has_invoice();

-- An issued invoice never changes: corrections are adjustment lines on a later invoice.
CREATE FUNCTION invoice_is_immutable() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION '% is immutable once issued: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER invoice_immutable BEFORE UPDATE OR DELETE ON invoice
  FOR EACH ROW EXECUTE FUNCTION invoice_is_immutable();
CREATE TRIGGER invoice_immutable_truncate BEFORE TRUNCATE ON invoice
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_is_immutable();
CREATE TRIGGER invoice_line_immutable BEFORE UPDATE OR DELETE ON invoice_line
  FOR EACH ROW EXECUTE FUNCTION invoice_is_immutable();
CREATE TRIGGER invoice_line_immutable_truncate BEFORE TRUNCATE ON invoice_line
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_is_immutable();
