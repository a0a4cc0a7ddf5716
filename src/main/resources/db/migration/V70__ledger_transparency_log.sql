-- The ledger as an RFC 9162 transparency log: the Merkle tree over the entries, signed checkpoints, witnesses
-- and their cosignatures.

-- One row per leaf, written in the same transaction as its entry: the hashes of the complete subtrees whose last
-- leaf it is, level 0 (the leaf hash) first, 32 bytes each. Leaf i completes the subtrees of levels 0..k, where k
-- is the number of trailing 1-bits of i; the subtree of level l and index j is in row ((j + 1) << l) - 1.
CREATE TABLE ledger_tree_node
(
  leaf_index BIGINT NOT NULL PRIMARY KEY CHECK (leaf_index >= 0),
  hashes     BYTEA  NOT NULL CHECK (length(hashes) % 32 = 0 AND length(hashes) > 0)
);

-- Checkpoints the facility signed (C2SP tlog-checkpoint as a C2SP signed note). One per tree size.
CREATE TABLE ledger_checkpoint
(
  tree_size  BIGINT      NOT NULL PRIMARY KEY CHECK (tree_size >= 0),
  root_hash  BYTEA       NOT NULL CHECK (length(root_hash) = 32),
  note       TEXT        NOT NULL,
  key_name   TEXT        NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

-- Ed25519 keys of the parties that cosign checkpoints (C2SP tlog-cosignature/v1).
CREATE TABLE ledger_witness
(
  name          TEXT        NOT NULL PRIMARY KEY,
  public_key    BYTEA       NOT NULL UNIQUE CHECK (length(public_key) = 32),
  owner         TEXT        NOT NULL,
  registered_by TEXT        NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE ledger_cosignature
(
  tree_size      BIGINT      NOT NULL REFERENCES ledger_checkpoint (tree_size),
  witness_name   TEXT        NOT NULL REFERENCES ledger_witness (name),
  signed_at      BIGINT      NOT NULL,
  signature_line TEXT        NOT NULL,
  received_by    TEXT        NOT NULL,
  received_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (tree_size, witness_name)
);

-- The tree, the checkpoints and the cosignatures are append-only, like the entries.
CREATE FUNCTION ledger_table_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER ledger_tree_node_no_update_or_delete
  BEFORE UPDATE OR DELETE ON ledger_tree_node
  FOR EACH ROW EXECUTE FUNCTION ledger_table_is_append_only();
CREATE TRIGGER ledger_tree_node_no_truncate
  BEFORE TRUNCATE ON ledger_tree_node
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_table_is_append_only();
CREATE TRIGGER ledger_checkpoint_no_update_or_delete
  BEFORE UPDATE OR DELETE ON ledger_checkpoint
  FOR EACH ROW EXECUTE FUNCTION ledger_table_is_append_only();
CREATE TRIGGER ledger_checkpoint_no_truncate
  BEFORE TRUNCATE ON ledger_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_table_is_append_only();
CREATE TRIGGER ledger_cosignature_no_update_or_delete
  BEFORE UPDATE OR DELETE ON ledger_cosignature
  FOR EACH ROW EXECUTE FUNCTION ledger_table_is_append_only();
CREATE TRIGGER ledger_cosignature_no_truncate
  BEFORE TRUNCATE ON ledger_cosignature
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_table_is_append_only();
