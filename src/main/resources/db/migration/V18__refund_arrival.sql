-- How the buyer paid (余额, 储蓄卡, 信用卡), from the platform's import: it decides when a refund should arrive.
ALTER TABLE orders ADD COLUMN payment_channel VARCHAR(16);
