-- Facility structure as a general hierarchy (module > cell, wing > landing > cell), with the three capacities of a
-- cell, its attributes, a security level on each unit and a reason from a list for an inactive location.
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
           WHERE conrelid = 'location'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'
  LOOP
    EXECUTE format('ALTER TABLE location DROP CONSTRAINT %I', c.conname);
  END LOOP;
END $$;

ALTER TABLE location
  ADD COLUMN certified_normal_accommodation INT  NOT NULL DEFAULT 0 CHECK (certified_normal_accommodation >= 0),
  ADD COLUMN security_level                 TEXT NOT NULL DEFAULT 'MAXIMUM'
    CHECK (security_level IN ('MINIMUM', 'MEDIUM', 'HIGH', 'MAXIMUM')),
  ADD COLUMN attributes                     TEXT[] NOT NULL DEFAULT '{}'
    CHECK (attributes <@ ARRAY['SEGREGATION', 'MEDICAL', 'ACCESSIBLE']),
  ADD CONSTRAINT location_kind_check CHECK (kind IN ('MODULE', 'WING', 'LANDING', 'BLOCK', 'CELL')),
  ADD CONSTRAINT location_parent_check CHECK (kind = 'CELL' AND parent_id IS NOT NULL OR kind <> 'CELL'),
  ADD CONSTRAINT location_unit_capacity_check CHECK (kind = 'CELL' OR working_capacity = 0 AND max_capacity = 0);

-- Existing cells were certified for what they hold.
UPDATE location SET certified_normal_accommodation = working_capacity WHERE kind = 'CELL';
UPDATE location SET inactive_reason = 'OTHER' WHERE NOT active AND (inactive_reason IS NULL
  OR inactive_reason NOT IN ('MAINTENANCE', 'DAMAGED', 'REFURBISHMENT', 'SECURITY', 'PENDING_CERTIFICATION', 'OTHER'));
ALTER TABLE location
  ADD CONSTRAINT location_inactive_reason_check CHECK (active AND inactive_reason IS NULL OR NOT active AND inactive_reason IN
    ('MAINTENANCE', 'DAMAGED', 'REFURBISHMENT', 'SECURITY', 'PENDING_CERTIFICATION', 'OTHER'));
CREATE INDEX location_parent_idx ON location (parent_id);
