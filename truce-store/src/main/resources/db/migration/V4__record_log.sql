-- Truce storage, version 4: the tamper-evident record (docs/integrity.md). Every change the
-- record keeps (a report version, an evidence item, a statement, the basis the service runs on)
-- appends one canonical JSON entry to an RFC 9162 Merkle log in the same transaction as the
-- change. Rows here are inserted, never updated or deleted; only record_head moves.

-- One row: the log's size. Appends lock it (SELECT ... FOR UPDATE) so entries get their
-- indexes strictly in commit order, with no gap and no duplicate.
CREATE TABLE record_head (
    id         SMALLINT NOT NULL,
    tree_size  BIGINT   NOT NULL,
    CONSTRAINT record_head_pk PRIMARY KEY (id),
    CONSTRAINT record_head_one_ck CHECK (id = 1),
    CONSTRAINT record_head_size_ck CHECK (tree_size >= 0)
);
INSERT INTO record_head (id, tree_size) VALUES (1, 0);

CREATE TABLE record_entries (
    leaf_index   BIGINT       NOT NULL,
    kind         VARCHAR(40)  NOT NULL,   -- report_version, evidence, statement, basis
    subject      VARCHAR(300) NOT NULL,   -- the row it records, e.g. report 42 version 3
    entry_json   VARCHAR      NOT NULL,   -- the canonical entry, byte for byte as hashed
    leaf_hash    VARCHAR(64)  NOT NULL,   -- hex SHA-256(0x00 || entry)
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT record_entries_pk PRIMARY KEY (leaf_index),
    CONSTRAINT record_entries_index_ck CHECK (leaf_index >= 0)
);
CREATE INDEX record_entries_subject_ix ON record_entries (kind, subject);

-- The perfect subtrees of the log (org.truce.record.SubtreeHashStore): node (level, idx) covers
-- leaves [idx * 2^level, (idx + 1) * 2^level). About two rows per entry.
CREATE TABLE record_nodes (
    node_level  SMALLINT    NOT NULL,
    node_index  BIGINT      NOT NULL,
    hash        VARCHAR(64) NOT NULL,
    CONSTRAINT record_nodes_pk PRIMARY KEY (node_level, node_index)
);

-- Signed tree heads, numbered from 0 in the order they were made. note_text is the whole signed
-- note; the other columns repeat what it says, for queries.
CREATE TABLE record_checkpoints (
    seq        BIGINT       NOT NULL,
    tree_size  BIGINT       NOT NULL,
    root_hash  VARCHAR(64)  NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    note_text  VARCHAR      NOT NULL,
    CONSTRAINT record_checkpoints_pk PRIMARY KEY (seq),
    CONSTRAINT record_checkpoints_size_ck CHECK (tree_size >= 0)
);
