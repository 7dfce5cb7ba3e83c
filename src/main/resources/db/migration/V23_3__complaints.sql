-- Versioned 23.3, not 23, so that it sits beside other changes made at the same time without a clash.
-- A refund the platform paid the buyer after judging a complaint or an intervention against the shop (平台判定退款):
-- recorded so that the goods money counts against what the order has left to refund, and so that a refund step of
-- the case it covers (the complaint's linked case) recognises it as paid instead of paying it a second time.
ALTER TABLE refunds ADD COLUMN paid_by VARCHAR(16) DEFAULT 'SHOP' NOT NULL;
ALTER TABLE refunds ADD COLUMN covers_case_no VARCHAR(32);
CREATE INDEX ix_refunds_covers_case ON refunds (covers_case_no);
-- PLATFORM_INTERVENTION (21 characters) is a request type since the complaint routing rows.
ALTER TABLE cases ALTER COLUMN request_type SET DATA TYPE VARCHAR(32);
ALTER TABLE case_revisions ALTER COLUMN request_type SET DATA TYPE VARCHAR(32);
