-- Remarks the way shops keep them: each with a flag colour, as on the platform's seller memo (蓝旗 after-sales,
-- 黄旗 something still owed to the buyer). A case's flag is its latest remark's, kept on the ledger row so the
-- ledger filters by it from an index.
ALTER TABLE order_remarks ADD COLUMN flag VARCHAR(8) DEFAULT 'BLUE' NOT NULL;
ALTER TABLE cases ADD COLUMN remark_flag VARCHAR(8);
UPDATE cases SET remark_flag = 'BLUE' WHERE case_no IN (SELECT case_no FROM order_remarks);
CREATE INDEX ix_cases_flag_status_opened ON cases (remark_flag, status, opened_at DESC, case_no DESC);
