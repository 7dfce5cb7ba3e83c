-- The buyer's Alipay account (支付宝登录号), added by an agent when a goodwill or compensation payment on a platform
-- order has to be transferred to the buyer: the platform's order import does not give it.
ALTER TABLE orders ADD COLUMN buyer_alipay_account VARCHAR(100);
