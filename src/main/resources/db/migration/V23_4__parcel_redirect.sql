-- Parcel redirect (改址、转邮政): what the sandbox courier was asked and answered, and where the sandbox warehouse
-- sent a reshipment when it was not the order's address or the usual carrier.
CREATE TABLE sandbox_courier_redirects (
  case_no      VARCHAR(32)  NOT NULL,
  kind         VARCHAR(16)  NOT NULL,
  carrier      VARCHAR(32)  NOT NULL,
  tracking_no  VARCHAR(64)  NOT NULL,
  address      VARCHAR(300),
  accepted     BOOLEAN      NOT NULL,
  note         VARCHAR(200) NOT NULL,
  requested_at TIMESTAMP    NOT NULL,
  PRIMARY KEY (case_no, kind)
);

ALTER TABLE sandbox_reshipments ADD COLUMN address VARCHAR(300);
