-- A parcel the warehouse packed but no courier collected by the pickup deadline is taken back before the case
-- moves on (another reshipment, or a refund), so it cannot go out after all. The shop records when; the
-- sandbox warehouse remembers what it took back.
ALTER TABLE shipments ADD COLUMN withdrawn_at TIMESTAMP;

CREATE TABLE sandbox_withdrawn_parcels (
  carrier      VARCHAR(32) NOT NULL,
  tracking_no  VARCHAR(64) NOT NULL,
  withdrawn_at TIMESTAMP   NOT NULL,
  PRIMARY KEY (carrier, tracking_no)
);
