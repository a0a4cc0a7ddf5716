-- Found by bench/run.sh at 40,000 prisoners (docs/benchmarks.md): both the roll count and the default list of
-- prisoners read the whole, wide prisoner table (a sequential scan of ~1.5 kB rows).
-- The roll count (RollService) counts per facility by status, arrival, release and cell, and per module: a covering
-- index lets PostgreSQL answer both from the index alone (an index-only scan of narrow entries).
CREATE INDEX prisoner_roll_idx ON prisoner (facility_code, status) INCLUDE (admitted_at, released_at, cell_code, module_code);
-- The list without a search word (PrisonerSearch) pages in this order: an index in it turns a sort of every
-- matching row into reading the first page.
CREATE INDEX prisoner_list_order_idx ON prisoner (family_names, given_names, prisoner_number);
