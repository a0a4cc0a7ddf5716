-- The facility's time zone is data: every "today" of a facility (admission day and number, finality of a judgment
-- on arrival, the roll count's arrivals and releases of the day, dates shown in the console) is taken in it.
-- A facility created without one keeps UTC until an administrator sets its zone.
ALTER TABLE facility ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC' CHECK (btrim(time_zone) <> '');
UPDATE facility SET time_zone = 'America/El_Salvador' WHERE code = 'CECOT';
