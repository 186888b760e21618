-- Guarantors' countersignatures of the log's checkpoints (issue 8). A cosignature is one more
-- signature line of the checkpoint's signed note, by the guarantor's own Ed25519 key; it is kept
-- beside the checkpoint, whose own row never changes, and added to the note when it is read.
CREATE TABLE record_cosignatures (
    checkpoint_seq BIGINT       NOT NULL,
    key_name       VARCHAR(200) NOT NULL,
    key_hash       INTEGER      NOT NULL,
    verifier_key   VARCHAR(400) NOT NULL,
    signature_line VARCHAR(400) NOT NULL,
    account        VARCHAR(64)  NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT record_cosignatures_pk PRIMARY KEY (checkpoint_seq, key_name, key_hash),
    CONSTRAINT record_cosignatures_checkpoint_fk FOREIGN KEY (checkpoint_seq) REFERENCES record_checkpoints (seq)
);
