package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.orders.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sales platform's seller API (Taobao Open Platform): the buyers' refund requests coming in, and the desk's
 * answers going back as the platform's own operations. Every answer is safe to repeat: a retry after an answer that
 * never arrived first reads the refund (or order) on the platform and does not act twice.
 */
public interface PlatformGateway {

  /**
   * Extends the time the buyer has to confirm receipt (延长收货) by {@code days}, so the order does not complete and
   * pay out while a return or exchange is under way. Repeating it for the same order is harmless. False when the
   * platform says the order no longer waits for the buyer's confirmation (confirmed, or closed), so nothing was done.
   */
  boolean extendReceipt(String orderNo, int days);

  /** The seller's refunds the platform changed from {@code from} (inclusive) to {@code to} (exclusive), all pages. */
  List<PlatformRefund> refundsModified(Instant from, Instant to);

  /** The order as the shop records it, when the platform has it. */
  Optional<Order> order(String orderNo);

  /**
   * Agrees the refund (同意退款), which is how the platform pays a platform order's refund back from escrow. Returns
   * the platform's reference for the ledger. Done already (SUCCESS) counts as done; a refund the platform closed or
   * one asking for less than {@code amount} is an exception naming why.
   */
  String agreeRefund(String refundId, BigDecimal amount);

  /** Refuses the refund (拒绝退款) with the reason the buyer reads; nothing when it is no longer open. */
  void refuseRefund(String refundId, String reason);

  /** Agrees the return (同意退货) and gives the buyer the address to send the goods to; nothing when done already. */
  void agreeReturn(String refundId, String address);

  /** Leaves the seller's remark (备注) on the order, with its flag; nothing when the order carries it already. */
  void leaveMemo(String orderNo, String text, RemarkFlag flag);

  /** Leaves a message on the refund (留言) that the buyer reads; nothing when the refund carries it already. */
  void leaveMessage(String refundId, String text);
}
