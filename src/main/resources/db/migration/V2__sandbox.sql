-- Tables of the built-in stand-ins for the courier, the warehouse and the payment provider (sandbox/).
-- They belong to those "other systems", not to the shop: the shop never reads them directly.

CREATE TABLE sandbox_outbound_orders (
  order_no    VARCHAR(64) PRIMARY KEY,
  status      VARCHAR(16) NOT NULL,
  carrier     VARCHAR(32),
  tracking_no VARCHAR(64),
  updated_at  TIMESTAMP   NOT NULL
);

CREATE TABLE sandbox_courier_parcels (
  carrier     VARCHAR(32) NOT NULL,
  tracking_no VARCHAR(64) NOT NULL,
  last_event  VARCHAR(32),
  last_at     TIMESTAMP,
  intercept_requested_at TIMESTAMP,
  PRIMARY KEY (carrier, tracking_no)
);

CREATE TABLE sandbox_payments (
  idempotency_key VARCHAR(128)   PRIMARY KEY,
  order_no        VARCHAR(64)    NOT NULL,
  amount          DECIMAL(12, 2) NOT NULL,
  payment_ref     VARCHAR(64)    NOT NULL,
  paid_at         TIMESTAMP      NOT NULL
);

CREATE TABLE sandbox_outages (
  system_name VARCHAR(16) PRIMARY KEY,
  reason VARCHAR(200) NOT NULL
);
