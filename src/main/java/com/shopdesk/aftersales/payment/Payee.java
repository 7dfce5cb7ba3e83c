package com.shopdesk.aftersales.payment;

/**
 * Who a transfer pays: the buyer's Alipay account (支付宝登录号: the e-mail or mobile number the buyer logs in with)
 * and the buyer's name, which Alipay checks against the account's real name when given.
 */
public record Payee(String alipayAccount, String name) {}
