package com.shopdesk.aftersales.platform;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A buyer's refund request on the platform, as the seller's refund list shows it (taobao.refunds.receive.get).
 * {@code goodsReturned}: the buyer asked to send the goods back (退货退款) rather than money only. {@code sku} and
 * {@code quantity}: the order line asked about, when the platform names one (null: the whole order).
 * {@code returnCarrier}/{@code returnTrackingNo}: the parcel the buyer sent back, once they entered it.
 * {@code intervened}: the platform's customer service stepped in (客服介入). {@code modified}: the platform's
 * last change, which the desk's watermark follows.
 */
public record PlatformRefund(String refundId, String orderNo, PlatformRefundState state, boolean goodsReturned,
    BigDecimal amount, String reason, String description, String sku, Integer quantity, String returnCarrier,
    String returnTrackingNo, boolean intervened, Instant modified) {}
