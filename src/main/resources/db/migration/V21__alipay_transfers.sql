-- The buyer's Alipay account (支付宝登录号), added by an agent when a goodwill or compensation payment on a platform
-- order has to be transferred to the buyer: the platform's order import does not give it.
ALTER TABLE orders ADD COLUMN buyer_alipay_account VARCHAR(100);

-- The sandbox payment provider pays transfers to an Alipay account as well as refunds of the order's payment: which
-- one a payment was (REFUND or TRANSFER) and, for a transfer, the account and name it paid.
ALTER TABLE sandbox_payments ADD COLUMN kind VARCHAR(16) DEFAULT 'REFUND' NOT NULL;
ALTER TABLE sandbox_payments ADD COLUMN payee_account VARCHAR(100);
ALTER TABLE sandbox_payments ADD COLUMN payee_name VARCHAR(128);
