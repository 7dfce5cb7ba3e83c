-- Several cases on one order: a buyer returns one line while another line is missing. What may not be open twice is
-- an order line (SKU), so each open case holds its lines here until it closes; a second case on a held line fails
-- on the primary key, also when two desks open it at the same moment.
CREATE TABLE open_case_items (
  order_no VARCHAR(64) NOT NULL REFERENCES orders (order_no),
  sku      VARCHAR(64) NOT NULL,
  case_no  VARCHAR(32) NOT NULL REFERENCES cases (case_no),
  PRIMARY KEY (order_no, sku)
);
CREATE INDEX ix_open_case_items_case ON open_case_items (case_no);

INSERT INTO open_case_items (order_no, sku, case_no)
SELECT c.order_no, i.sku, c.case_no FROM cases c JOIN case_items i ON i.case_no = c.case_no WHERE c.status = 'OPEN';

-- one open case per order, which the table above replaces; dropping the column drops its unique constraint
ALTER TABLE cases DROP COLUMN open_order_no;
