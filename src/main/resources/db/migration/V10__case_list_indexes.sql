-- The ledger a page at a time (GET /api/cases: newest first, then by case number; a page starts after the last
-- case of the one before), per status: see CaseLedger.list. DESC because H2 reads an index only forwards.
CREATE INDEX ix_cases_status_opened ON cases (status, opened_at DESC, case_no DESC);

-- Reads made for every case that scanned the whole table on PostgreSQL (EXPLAIN at a million cases): a case's
-- refunds and remarks (GET /api/cases/{caseNo}), an order's refunds so far (each refund, each order import), an
-- order's parcels (intake, every task form, the case view), a case's return parcel. H2 indexes a foreign key's
-- columns itself, so on H2 the first three duplicate indexes it has.
CREATE INDEX ix_refunds_order ON refunds (order_no);
CREATE INDEX ix_refunds_case ON refunds (case_no);
CREATE INDEX ix_shipments_order ON shipments (order_no);
CREATE INDEX ix_shipments_case ON shipments (case_no);
CREATE INDEX ix_order_remarks_case ON order_remarks (case_no);
