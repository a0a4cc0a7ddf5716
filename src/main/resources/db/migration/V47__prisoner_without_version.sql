-- The version counter of a prisoner row was bumped on every change and read by nothing.
ALTER TABLE prisoner DROP COLUMN version;
