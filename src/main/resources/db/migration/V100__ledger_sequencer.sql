-- The ledger's sequencer (issue 13). A writer no longer takes its turn at the chain's head for the whole of its
-- transaction: it queues its entry in ledger_queue, in the same transaction as the change the entry records (an
-- ordinary insert, no global lock). Once that transaction has committed, the sealer (one at a time across every
-- instance, under the ledger's advisory lock, in a short transaction of its own) takes the committed queue rows in
-- id order, gives them the next sequence numbers, chains their hashes, adds their Merkle leaves and deletes them from
-- the queue, as Certificate Transparency logs integrate queued entries into the tree. A queued row is durable: a
-- crash between the writer's commit and the sealing loses nothing, the next sealing takes it.
CREATE TABLE ledger_queue
(
  id           BIGSERIAL   NOT NULL PRIMARY KEY,
  recorded_at  TIMESTAMPTZ NOT NULL,
  actor        TEXT        NOT NULL,
  action       TEXT        NOT NULL,
  subject_type TEXT        NOT NULL,
  subject_id   TEXT        NOT NULL,
  payload      TEXT        NOT NULL,
  payload_hash CHAR(64)    NOT NULL
);

COMMENT ON TABLE ledger_queue IS
  'Ledger entries committed with their change and not sealed into the log yet; emptied by the sealer';

-- Which queued row an entry was sealed from (NULL for entries from before the sequencer). Not covered by the hashes:
-- it says where the entry came from, the chain says what it is.
ALTER TABLE ledger_entry ADD COLUMN queue_id BIGINT UNIQUE;
