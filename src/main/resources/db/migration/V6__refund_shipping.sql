-- The part of a refund that pays back return shipping: it is not goods money, so it does not count against
-- what the order has left to refund.
ALTER TABLE refunds ADD COLUMN shipping_amount DECIMAL(12, 2) DEFAULT 0 NOT NULL;
