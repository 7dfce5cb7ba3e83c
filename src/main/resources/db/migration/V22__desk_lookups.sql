-- The managers' desk in Cockpit (desk/): finding a case by buyer or tracking number, and today's figures.
CREATE INDEX ix_orders_buyer_id ON orders (buyer_id);
CREATE INDEX ix_orders_buyer_name ON orders (buyer_name);
CREATE INDEX ix_orders_buyer_phone ON orders (buyer_phone);
CREATE INDEX ix_shipments_tracking ON shipments (tracking_no);
CREATE INDEX ix_cases_linked_from ON cases (linked_from);
CREATE INDEX ix_cases_opened ON cases (opened_at);
CREATE INDEX ix_cases_closed ON cases (closed_at);
CREATE INDEX ix_refunds_completed ON refunds (completed_at);
