-- Reship: the sandbox warehouse's packing records and reshipments, the sandbox courier's weights,
-- urges and loss investigations, and the SKUs a courier claim names.
CREATE TABLE sandbox_packing_records (
  order_no     VARCHAR(64)  PRIMARY KEY,
  items        VARCHAR(1000) NOT NULL,
  weight_grams INTEGER
);

CREATE TABLE sandbox_reshipments (
  case_no     VARCHAR(32) NOT NULL,
  attempt     INTEGER     NOT NULL,
  order_no    VARCHAR(64) NOT NULL,
  carrier     VARCHAR(32) NOT NULL,
  tracking_no VARCHAR(64) NOT NULL,
  created_at  TIMESTAMP   NOT NULL,
  PRIMARY KEY (case_no, attempt)
);

ALTER TABLE sandbox_courier_parcels ADD COLUMN pickup_weight_grams INTEGER;
ALTER TABLE sandbox_courier_parcels ADD COLUMN urged_at TIMESTAMP;
ALTER TABLE sandbox_courier_parcels ADD COLUMN investigation_opened_at TIMESTAMP;
ALTER TABLE sandbox_courier_claims ADD COLUMN order_no VARCHAR(64);
ALTER TABLE sandbox_courier_claims ADD COLUMN skus VARCHAR(500);
