-- An invoice's charges (its CUSTODY_DAYS and INTAKE_FEE lines, 41,000 for a month of 40,000 prisoners) are written in
-- blocks of 250 lines, one row per block: an array of lines, stored uncompressed out of line. Writing them as 41,000
-- rows with their primary-key entries cost 200-290 ms of a billing run; 164 blocks cost 40-70 ms, and a page of lines
-- reads only its blocks. Adjustment lines (a few per invoice, looked up by the invoice they correct) stay rows of
-- invoice_line, and so do the charges of the invoices issued before this. Every reader reads the lines through the
-- view invoice_lines.

CREATE TYPE invoice_line_row AS
(
  line_no            INT,
  kind               TEXT,
  prisoner_number    TEXT,
  external_reference TEXT,
  security_level     TEXT,
  first_day          DATE,
  last_day           DATE,
  days               INT,
  rate               NUMERIC(14, 2),
  amount             NUMERIC(16, 2),
  adjusts_kind       TEXT,
  corrects_invoice   TEXT,
  corrects_line      INT,
  adjustment_source  TEXT,
  reason             TEXT,
  admission_event    UUID,
  release_event      UUID
);

CREATE TABLE invoice_charges
(
  invoice_id UUID               NOT NULL REFERENCES invoice (id),
  -- the lines numbered block * 250 + 1 .. block * 250 + 250
  block      INT                NOT NULL CHECK (block >= 0),
  -- in line order; never an ADJUSTMENT
  lines      invoice_line_row[] NOT NULL CHECK (cardinality(lines) BETWEEN 1 AND 250),
  PRIMARY KEY (invoice_id, block)
);
ALTER TABLE invoice_charges ALTER COLUMN lines SET STORAGE EXTERNAL;

CREATE TRIGGER invoice_charges_immutable BEFORE UPDATE OR DELETE ON invoice_charges
  FOR EACH ROW EXECUTE FUNCTION invoice_is_immutable();
CREATE TRIGGER invoice_charges_immutable_truncate BEFORE TRUNCATE ON invoice_charges
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_is_immutable();

-- Every line of every invoice, whichever way it was stored, with the block it is in (filter on it to read a page).
CREATE VIEW invoice_lines AS
SELECT c.invoice_id, c.block, l.line_no, l.kind, l.prisoner_number, l.external_reference, l.security_level, l.first_day,
       l.last_day, l.days, l.rate, l.amount, l.adjusts_kind, l.corrects_invoice, l.corrects_line, l.adjustment_source,
       l.reason, l.admission_event, l.release_event
FROM invoice_charges c
       CROSS JOIN LATERAL unnest(c.lines) AS l
UNION ALL
SELECT invoice_id, (line_no - 1) / 250, line_no, kind, prisoner_number, external_reference, security_level, first_day, last_day, days, rate,
       amount, adjusts_kind, corrects_invoice, corrects_line, adjustment_source, reason, admission_event, release_event
FROM invoice_line;


-- A prisoner's file has one ADMISSION entry and at most one RELEASE entry (each admission is a new prisoner, a release
-- is refused once released, neither can be posted as a file entry): now a constraint, so that custody_stays joins
-- them directly instead of sorting all of them to pick the first of each per prisoner.
CREATE UNIQUE INDEX prisoner_event_one_admission_idx ON prisoner_event (prisoner_id) WHERE type = 'ADMISSION';
CREATE UNIQUE INDEX prisoner_event_one_release_idx ON prisoner_event (prisoner_id) WHERE type = 'RELEASE';

-- custody_stays as in V63, joining the admission and release entries directly.
CREATE OR REPLACE FUNCTION custody_stays(p_agreement TEXT, p_zone TEXT, p_first DATE, p_last DATE)
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
)
SELECT p.id, p.prisoner_number, f.external_reference, p.admitted_on, p.released_on,
       coalesce(l.level, p.security_level), l.level_from, l.level_until, a.id, r.id
FROM p
LEFT JOIN referral f ON f.id = p.referral_id
LEFT JOIN l ON l.prisoner_id = p.id
LEFT JOIN prisoner_event a ON a.prisoner_id = p.id AND a.type = 'ADMISSION'
LEFT JOIN prisoner_event r ON p.released_on IS NOT NULL AND r.prisoner_id = p.id AND r.type = 'RELEASE'
$$;
