-- The ledger a page at a time (GET /api/cases: newest first, then by case number; a page starts after the last
-- case of the one before), per status: see CaseLedger.list. DESC because H2 reads an index only forwards.
CREATE INDEX ix_cases_status_opened ON cases (status, opened_at DESC, case_no DESC);
