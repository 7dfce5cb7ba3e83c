-- Confirm-receipt extensions (延长收货): whether the buyer has confirmed receipt (from the platform's import), and
-- when the desk had the platform extend it while a return or exchange was under way.
ALTER TABLE orders ADD COLUMN receipt_confirmed BOOLEAN;
ALTER TABLE orders ADD COLUMN receipt_extended_days INTEGER;
ALTER TABLE orders ADD COLUMN receipt_extended_at TIMESTAMP;

-- The sandbox platform's record of the extensions it granted.
CREATE TABLE sandbox_receipt_extensions (
  order_no    VARCHAR(64) PRIMARY KEY,
  days        INTEGER     NOT NULL,
  extended_at TIMESTAMP   NOT NULL
);
