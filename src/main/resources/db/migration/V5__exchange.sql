-- Exchange: the SKU the buyer wants instead, what happened to returned goods, the sandbox warehouse's stock.
ALTER TABLE case_items ADD COLUMN replacement_sku VARCHAR(64);
ALTER TABLE cases ADD COLUMN disposition VARCHAR(16);

CREATE TABLE sandbox_stock (
  sku      VARCHAR(64) PRIMARY KEY,
  quantity INTEGER     NOT NULL
);
