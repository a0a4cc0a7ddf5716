-- A manifest lists who travels as they were named when it was planned, so that one query reads a manifest and
-- everyone on it. Rows of manifests planned before this migration take the names from their referral's dossier.
ALTER TABLE manifest_person
  ADD COLUMN external_reference TEXT,
  ADD COLUMN given_names        TEXT,
  ADD COLUMN family_names       TEXT,
  ADD COLUMN nationalities      TEXT NOT NULL DEFAULT '[]';

UPDATE manifest_person p
SET external_reference = r.external_reference,
    given_names        = r.given_names,
    family_names       = r.family_names,
    nationalities      = coalesce((r.dossier::jsonb -> 'person' -> 'nationalities')::text, '[]')
FROM referral r
WHERE r.id = p.referral_id;

