-- What the desk saw on the platform before asking it to change something (e.g. an order's confirm-receipt deadline
-- before 延长收货), kept apart from the step's transaction: a retry after a lost answer compares with it instead of
-- asking twice.
CREATE TABLE platform_calls (
  call_key   VARCHAR(128) PRIMARY KEY,
  observed   VARCHAR(64),
  created_at TIMESTAMP NOT NULL
);
