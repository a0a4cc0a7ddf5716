-- An invoice's charges (its CUSTODY_DAYS and INTAKE_FEE lines, 41,000 for a month of 40,000 prisoners) are written as
-- one row: an array of lines, stored uncompressed out of line. Writing them as 41,000 rows with their primary-key
-- entries cost 200-290 ms of a billing run; the array costs 40-70 ms. Adjustment lines (a few per invoice, looked up
-- by the invoice they correct) stay rows of invoice_line, and so do the charges of the invoices issued before this.
-- Every reader reads the lines through the view invoice_lines.

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
  invoice_id UUID               NOT NULL PRIMARY KEY REFERENCES invoice (id),
  -- in line order, numbered 1..n; never an ADJUSTMENT
  lines      invoice_line_row[] NOT NULL
);
ALTER TABLE invoice_charges ALTER COLUMN lines SET STORAGE EXTERNAL;

CREATE TRIGGER invoice_charges_immutable BEFORE UPDATE OR DELETE ON invoice_charges
  FOR EACH ROW EXECUTE FUNCTION invoice_is_immutable();
CREATE TRIGGER invoice_charges_immutable_truncate BEFORE TRUNCATE ON invoice_charges
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_is_immutable();

-- Every line of every invoice, whichever way it was stored.
CREATE VIEW invoice_lines AS
SELECT c.invoice_id, l.line_no, l.kind, l.prisoner_number, l.external_reference, l.security_level, l.first_day,
       l.last_day, l.days, l.rate, l.amount, l.adjusts_kind, l.corrects_invoice, l.corrects_line, l.adjustment_source,
       l.reason, l.admission_event, l.release_event
FROM invoice_charges c
       CROSS JOIN LATERAL unnest(c.lines) AS l
UNION ALL
SELECT invoice_id, line_no, kind, prisoner_number, external_reference, security_level, first_day, last_day, days, rate,
       amount, adjusts_kind, corrects_invoice, corrects_line, adjustment_source, reason, admission_event, release_event
FROM invoice_line;

