package com.shopdesk.aftersales.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.platform.PlatformGateway;
import com.shopdesk.aftersales.platform.PlatformReasons;
import com.shopdesk.aftersales.platform.PlatformRefund;
import com.shopdesk.aftersales.platform.PlatformRefundState;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the platform: the orders it sold, the buyers' refund requests (申请退款, a cancellation, a return
 * parcel, the platform stepping in), and, behind the seller API, its record of every answer the shop gave. The shop
 * reads it through the same port and the same intake as the real platform, so a case opened here is opened the way
 * a Taobao refund opens one. Each seller answer is taken once, as the real platform does.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.platform", havingValue = "sandbox", matchIfMissing = true)
public class SandboxPlatform implements PlatformGateway {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private final SandboxDatabase db;
  private final JdbcTemplate jdbc;
  private final SandboxOutages outages;
  private final ObjectMapper json;

  public SandboxPlatform(SandboxDatabase db, SandboxOutages outages, ObjectMapper json) {
    this.db = db;
    this.jdbc = db.jdbc();
    this.outages = outages;
    this.json = json;
  }

  /** One entry of the platform's record: what the seller (or the buyer) did, and when. */
  public record Action(String action, String detail, Instant at) {}

  /** A refund as the platform shows it, with its record: the seller's answers on it and on its order. */
  public record RefundRecord(PlatformRefund refund, List<Action> actions) {}

  // ---- the buyer's side, for the sandbox's control panel ----

  /** The platform sold this order: it can now be asked about. Selling it again replaces it. */
  public void sell(Order order) {
    String body;
    try {
      body = json.writeValueAsString(order);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    db.run(() -> {
      if (jdbc.update("UPDATE sandbox_platform_orders SET body = ? WHERE order_no = ?", body, order.orderNo()) == 0) {
        jdbc.update("INSERT INTO sandbox_platform_orders (order_no, body) VALUES (?, ?)", order.orderNo(), body);
      }
    });
  }

  /** The buyer presses 申请退款: refused as the platform's form would refuse it, else WAIT_SELLER_AGREE. */
  public PlatformRefund requestRefund(String orderNo, boolean goodsReturned, BigDecimal amount, String reason,
      String description, String sku, Integer quantity) {
    Order order = soldOrder(orderNo).orElseThrow(() -> ApiException.notFound("orderNo",
        "the platform sold no order " + orderNo + ": sell it first (POST /sandbox/platform/orders)"));
    if (PlatformReasons.of(reason).isEmpty()) {
      throw ApiException.badRequest("reason", "the platform offers these reasons: " + PlatformReasons.known());
    }
    if (amount.compareTo(order.paidAmount()) > 0) {
      throw ApiException.badRequest("amount", "amount " + Money.of(amount).toPlainString()
          + " is above what the buyer paid for order " + orderNo + " (" + Money.of(order.paidAmount()).toPlainString()
          + ")");
    }
    if (sku != null && order.item(sku).isEmpty()) {
      throw ApiException.badRequest("sku", "SKU " + sku + " is not part of order " + orderNo);
    }
    if (sku != null && quantity != null && quantity > order.item(sku).orElseThrow().quantity()) {
      throw ApiException.badRequest("quantity", "quantity " + quantity + " is above the "
          + order.item(sku).orElseThrow().quantity() + " bought of SKU " + sku);
    }
    return db.call(() -> {
      jdbc.queryForList("SELECT order_no FROM sandbox_platform_orders WHERE order_no = ? FOR UPDATE", orderNo);
      Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_platform_refunds WHERE order_no = ? AND state IN "
          + "('WAIT_SELLER_AGREE', 'WAIT_BUYER_RETURN_GOODS', 'WAIT_SELLER_CONFIRM_GOODS', 'SELLER_REFUSE_BUYER') "
          + "AND (sku IS NULL OR ? IS NULL OR sku = ?)", Integer.class, orderNo, sku, sku);
      if (open != null && open > 0) {
        throw ApiException.conflict("orderNo", "order " + orderNo + " already has a refund request under way on the "
            + "platform" + (sku == null ? "" : " for SKU " + sku) + ": cancel it first");
      }
      String refundId = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DAY)
          + "%06d".formatted(db.next("sandbox_platform_refund_seq"));
      Instant now = Instant.now();
      jdbc.update("""
          INSERT INTO sandbox_platform_refunds (refund_id, order_no, state, goods_returned, amount, reason, description,
            sku, quantity, intervened, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""",
          refundId, orderNo, PlatformRefundState.WAIT_SELLER_AGREE.name(), goodsReturned, Money.of(amount),
          reason.strip(), description, sku, quantity, Timestamp.from(now));
      act(refundId, orderNo, "BUYER_REQUEST", (goodsReturned ? "申请退货退款 " : "申请仅退款 ") + Money.format(amount)
          + "，原因：" + reason.strip() + (description == null || description.isBlank() ? "" : "（" + description + "）"));
      return refund(refundId).orElseThrow();
    });
  }

  /** The buyer enters the return parcel: only once the seller agreed the return. */
  public PlatformRefund shipReturn(String refundId, String carrier, String trackingNo) {
    return db.call(() -> {
      PlatformRefund refund = lockedRefund(refundId);
      if (refund.state() != PlatformRefundState.WAIT_BUYER_RETURN_GOODS) {
        throw ApiException.conflict("refundId", "refund " + refundId + " is " + refund.state()
            + ": the buyer enters a return parcel only once the seller agreed the return (WAIT_BUYER_RETURN_GOODS)");
      }
      jdbc.update("UPDATE sandbox_platform_refunds SET state = ?, return_carrier = ?, return_tracking_no = ?, "
          + "modified = ? WHERE refund_id = ?", PlatformRefundState.WAIT_SELLER_CONFIRM_GOODS.name(), carrier,
          trackingNo, Timestamp.from(Instant.now()), refundId);
      act(refundId, refund.orderNo(), "BUYER_RETURN_SHIPPED", carrier + " " + trackingNo);
      return refund(refundId).orElseThrow();
    });
  }

  /** The buyer cancels the request (撤销申请) while it is not paid or closed. */
  public PlatformRefund cancel(String refundId) {
    return db.call(() -> {
      PlatformRefund refund = lockedRefund(refundId);
      if (refund.state() == PlatformRefundState.SUCCESS || refund.state() == PlatformRefundState.CLOSED) {
        throw ApiException.conflict("refundId", "refund " + refundId + " is " + refund.state() + ": nothing to cancel");
      }
      setState(refundId, PlatformRefundState.CLOSED);
      act(refundId, refund.orderNo(), "BUYER_CANCEL", "买家撤销退款申请");
      return refund(refundId).orElseThrow();
    });
  }

  /** The platform's customer service steps in (客服介入), as after the seller refused and the buyer complained. */
  public PlatformRefund intervene(String refundId) {
    return db.call(() -> {
      PlatformRefund refund = lockedRefund(refundId);
      if (refund.state() == PlatformRefundState.SUCCESS || refund.state() == PlatformRefundState.CLOSED) {
        throw ApiException.conflict("refundId", "refund " + refundId + " is " + refund.state()
            + ": the platform steps in only on a refund still under way");
      }
      jdbc.update("UPDATE sandbox_platform_refunds SET intervened = TRUE, modified = ? WHERE refund_id = ?",
          Timestamp.from(Instant.now()), refundId);
      act(refundId, refund.orderNo(), "PLATFORM_INTERVENED", "平台客服介入");
      return refund(refundId).orElseThrow();
    });
  }

  /** The refund and everything done on it and on its order, oldest first. */
  public Optional<RefundRecord> record(String refundId) {
    return refund(refundId).map(refund -> new RefundRecord(refund, jdbc.query(
        "SELECT action, detail, at FROM sandbox_platform_actions WHERE refund_id = ? OR (refund_id IS NULL AND "
            + "order_no = ?) ORDER BY id", (rs, i) -> new Action(rs.getString("action"), rs.getString("detail"),
            rs.getTimestamp("at").toInstant()), refundId, refund.orderNo())));
  }

  // ---- the seller API the desk calls ----

  @Override
  public boolean extendReceipt(String orderNo, int days) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      if (extendedDays(orderNo).isEmpty()) {
        jdbc.update("INSERT INTO sandbox_receipt_extensions (order_no, days, extended_at) VALUES (?, ?, ?)",
            orderNo, days, Timestamp.from(Instant.now()));
        act(null, orderNo, "EXTEND_RECEIPT", "延长收货 " + days + " 天");
      }
    });
    return true;
  }

  /** The days the platform extended the order's receipt by, if it did. */
  public List<Integer> extendedDays(String orderNo) {
    return jdbc.queryForList("SELECT days FROM sandbox_receipt_extensions WHERE order_no = ?", Integer.class, orderNo);
  }

  @Override
  public List<PlatformRefund> refundsModified(Instant from, Instant to) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      return jdbc.query("SELECT * FROM sandbox_platform_refunds WHERE modified >= ? AND modified < ? ORDER BY modified",
          SandboxPlatform::refundOf, Timestamp.from(from), Timestamp.from(to));
    });
  }

  @Override
  public Optional<Order> order(String orderNo) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      return soldOrder(orderNo);
    });
  }

  @Override
  public String agreeRefund(String refundId, BigDecimal amount) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      PlatformRefund refund = lockedRefund(refundId);
      if (refund.state() == PlatformRefundState.SUCCESS) {
        return refundId;
      }
      if (!refund.state().open()) {
        throw new IllegalStateException("平台退款 " + refundId + " 已是「" + refund.state().label() + "」，不能再同意退款");
      }
      if (amount.compareTo(refund.amount()) > 0) {
        throw new IllegalStateException("买家在平台申请退款 " + Money.format(refund.amount()) + "，少于要退的 "
            + Money.format(amount) + "：请买家修改申请金额");
      }
      setState(refundId, PlatformRefundState.SUCCESS);
      act(refundId, refund.orderNo(), "AGREE_REFUND", "同意退款 " + Money.format(amount));
      return refundId;
    });
  }

  @Override
  public void refuseRefund(String refundId, String reason) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      PlatformRefund refund = lockedRefund(refundId);
      if (refund.state().open()) {
        setState(refundId, PlatformRefundState.SELLER_REFUSE_BUYER);
        act(refundId, refund.orderNo(), "REFUSE_REFUND", reason);
      }
    });
  }

  @Override
  public void agreeReturn(String refundId, String address) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      PlatformRefund refund = lockedRefund(refundId);
      if (refund.state() == PlatformRefundState.WAIT_SELLER_AGREE) {
        setState(refundId, PlatformRefundState.WAIT_BUYER_RETURN_GOODS);
        act(refundId, refund.orderNo(), "AGREE_RETURN", address);
      } else if (!refund.state().open() && refund.state() != PlatformRefundState.SUCCESS) {
        throw new IllegalStateException("平台退款 " + refundId + " 已是「" + refund.state().label() + "」，不能再同意退货");
      }
    });
  }

  @Override
  public void leaveMemo(String orderNo, String text, RemarkFlag flag) {
    String detail = flag.label() + "｜" + text;
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      if (jdbc.queryForList("SELECT id FROM sandbox_platform_actions WHERE order_no = ? AND action = 'MEMO' AND "
          + "detail = ?", Long.class, orderNo, detail).isEmpty()) {
        act(null, orderNo, "MEMO", detail);
      }
    });
  }

  @Override
  public void leaveMessage(String refundId, String text) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      PlatformRefund refund = lockedRefund(refundId);
      if (jdbc.queryForList("SELECT id FROM sandbox_platform_actions WHERE refund_id = ? AND action = 'MESSAGE' AND "
          + "detail = ?", Long.class, refundId, text).isEmpty()) {
        act(refundId, refund.orderNo(), "MESSAGE", text);
      }
    });
  }

  private Optional<Order> soldOrder(String orderNo) {
    return jdbc.queryForList("SELECT body FROM sandbox_platform_orders WHERE order_no = ?", String.class, orderNo)
        .stream().findFirst().map(body -> {
          try {
            return json.readValue(body, Order.class);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private Optional<PlatformRefund> refund(String refundId) {
    return jdbc.query("SELECT * FROM sandbox_platform_refunds WHERE refund_id = ?", SandboxPlatform::refundOf,
        refundId).stream().findFirst();
  }

  private PlatformRefund lockedRefund(String refundId) {
    return jdbc.query("SELECT * FROM sandbox_platform_refunds WHERE refund_id = ? FOR UPDATE",
        SandboxPlatform::refundOf, refundId).stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("refundId", "platform refund " + refundId + " not found"));
  }

  private void setState(String refundId, PlatformRefundState state) {
    jdbc.update("UPDATE sandbox_platform_refunds SET state = ?, modified = ? WHERE refund_id = ?", state.name(),
        Timestamp.from(Instant.now()), refundId);
  }

  private void act(String refundId, String orderNo, String action, String detail) {
    jdbc.update("INSERT INTO sandbox_platform_actions (refund_id, order_no, action, detail, at) VALUES (?, ?, ?, ?, ?)",
        refundId, orderNo, action, detail, Timestamp.from(Instant.now()));
  }

  private static PlatformRefund refundOf(ResultSet rs, int row) throws SQLException {
    return new PlatformRefund(rs.getString("refund_id"), rs.getString("order_no"),
        PlatformRefundState.valueOf(rs.getString("state")), rs.getBoolean("goods_returned"),
        rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("description"), rs.getString("sku"),
        (Integer) rs.getObject("quantity", Integer.class), rs.getString("return_carrier"),
        rs.getString("return_tracking_no"), rs.getBoolean("intervened"), rs.getTimestamp("modified").toInstant());
  }
}
