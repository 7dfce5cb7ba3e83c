-- A case whose request type or reason an agent corrected keeps every earlier version here: what it said, which
-- process ran it, who changed it, when and why. The cases row holds the current version.
CREATE TABLE case_revisions (
  case_no             VARCHAR(32)  NOT NULL REFERENCES cases (case_no),
  revision            INTEGER      NOT NULL,
  request_type        VARCHAR(16)  NOT NULL,
  reason              VARCHAR(32)  NOT NULL,
  process_key         VARCHAR(64)  NOT NULL,
  process_instance_id VARCHAR(64),
  changed_by          VARCHAR(64)  NOT NULL,
  changed_at          TIMESTAMP    NOT NULL,
  note                VARCHAR(500),
  PRIMARY KEY (case_no, revision)
);
