package com.shopdesk.aftersales.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Orders, their items and their parcels: the shop's own records. */
@Repository
public class OrderRepository {
  static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  public OrderRepository(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Inserts or replaces the order; returns true when it was new. The buyer's Alipay account is kept when the import
   * brings none (the platform's import never has it; an agent added it).
   */
  @Transactional
  public boolean save(Order order) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("""
        UPDATE orders SET buyer_id = ?, buyer_name = ?, buyer_phone = ?, buyer_address = ?,
          buyer_alipay_account = COALESCE(?, buyer_alipay_account), paid_amount = ?,
          shipping_insurance = ?, status = ?, delivered_at = ?, return_window_closed = ?, receipt_confirmed = ?,
          payment_channel = ?, updated_at = ? WHERE order_no = ?""",
        order.buyer().id(), order.buyer().name(), order.buyer().phone(), order.buyer().address(),
        alipayAccount(order.buyer()), order.paidAmount(), order.insured(), order.status().name(), timestamp(order.deliveredAt()),
        order.returnWindowClosed(), order.receiptConfirmed(),
        order.paymentChannel() == null ? null : order.paymentChannel().name(), now, order.orderNo());
    boolean created = updated == 0;
    if (created) {
      jdbc.update("""
          INSERT INTO orders (order_no, buyer_id, buyer_name, buyer_phone, buyer_address, buyer_alipay_account,
            paid_amount, shipping_insurance, status, delivered_at, return_window_closed, receipt_confirmed,
            payment_channel, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          order.orderNo(), order.buyer().id(), order.buyer().name(), order.buyer().phone(),
          order.buyer().address(), alipayAccount(order.buyer()), order.paidAmount(), order.insured(), order.status().name(),
          timestamp(order.deliveredAt()), order.returnWindowClosed(), order.receiptConfirmed(),
          order.paymentChannel() == null ? null : order.paymentChannel().name(), now, now);
    }
    jdbc.update("DELETE FROM order_items WHERE order_no = ?", order.orderNo());
    for (Order.Item item : order.items()) {
      jdbc.update("INSERT INTO order_items (order_no, sku, name, category, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)",
          order.orderNo(), item.sku(), item.name(), item.category(), item.quantity(), item.unitPrice());
    }
    if (order.shipment() != null) {
      recordShipment(order.orderNo(), ShipmentKind.OUTBOUND, order.shipment(), null, null);
    }
    return created;
  }

  /**
   * Holds the order's row until the transaction ends, so that what is still refundable on it, read after this,
   * stays true until the caller's case or refund is written: two cases paying, or being opened, on one order at
   * the same moment take turns.
   */
  public boolean lock(String orderNo) {
    return !jdbc.queryForList("SELECT order_no FROM orders WHERE order_no = ? FOR UPDATE", String.class, orderNo)
        .isEmpty();
  }

  /** The platform extended the buyer's confirm-receipt time (延长收货) at the desk's request. */
  public record ReceiptExtension(int days, OffsetDateTime at) {}

  /** Records the first extension of the order's receipt; false when one was recorded already. */
  public boolean recordReceiptExtension(String orderNo, int days, OffsetDateTime at) {
    return jdbc.update("""
        UPDATE orders SET receipt_extended_days = ?, receipt_extended_at = ?
        WHERE order_no = ? AND receipt_extended_at IS NULL""", days, timestamp(at), orderNo) == 1;
  }

  public Optional<ReceiptExtension> receiptExtension(String orderNo) {
    return jdbc.query("""
        SELECT receipt_extended_days, receipt_extended_at FROM orders
        WHERE order_no = ? AND receipt_extended_at IS NOT NULL""",
        (rs, i) -> new ReceiptExtension(rs.getInt(1), time(rs.getTimestamp(2))), orderNo).stream().findFirst();
  }

  /** Whether any after-sales case or refund refers to the order. */
  public boolean hasAfterSales(String orderNo) {
    Integer n = jdbc.queryForObject("""
        SELECT (SELECT COUNT(*) FROM cases WHERE order_no = ?) + (SELECT COUNT(*) FROM refunds WHERE order_no = ?)""",
        Integer.class, orderNo, orderNo);
    return n != null && n > 0;
  }

  /**
   * The order with its lines and outbound parcel. Lines and parcel are read after the order's row, not from
   * inside its row mapper: outside a transaction a query nested in an open result set takes a second pooled
   * connection, and under load that starved the pool.
   */
  public Optional<Order> find(String orderNo) {
    return jdbc.query("SELECT * FROM orders WHERE order_no = ?", (rs, i) -> orderRow(rs), orderNo).stream()
        .findFirst()
        .map(row -> new Order(row.orderNo(), row.buyer(), items(orderNo), row.paidAmount(), row.shippingInsurance(),
            row.status(), outbound(orderNo), row.deliveredAt(), row.returnWindowClosed(), row.receiptConfirmed(),
            row.paymentChannel()));
  }

  /** The warehouse shipped the order (perhaps while a cancellation was on its way). */
  @Transactional
  public void markShipped(String orderNo, Order.Shipment shipment) {
    jdbc.update("UPDATE orders SET status = ?, updated_at = ? WHERE order_no = ?",
        OrderStatus.SHIPPED.name(), Timestamp.from(Instant.now()), orderNo);
    recordShipment(orderNo, ShipmentKind.OUTBOUND, shipment, null, null);
  }

  /** Records a parcel once; returns false when that carrier and tracking number are known already. */
  public boolean recordShipment(String orderNo, ShipmentKind kind, Order.Shipment shipment, String caseNo,
      BigDecimal shippingFee) {
    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM shipments WHERE carrier = ? AND tracking_no = ?",
        Integer.class, shipment.carrier(), shipment.trackingNo());
    if (known != null && known > 0) {
      return false;
    }
    jdbc.update("""
        INSERT INTO shipments (order_no, kind, carrier, tracking_no, shipped_at, case_no, shipping_fee)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        orderNo, kind.name(), shipment.carrier(), shipment.trackingNo(), timestamp(shipment.shippedAt()), caseNo,
        shippingFee);
    events.publishEvent(new ParcelRecorded(orderNo, kind, shipment.carrier(), shipment.trackingNo()));
    return true;
  }

  /**
   * Puts the right carrier and tracking number on the order's outbound parcel that was recorded with the wrong ones
   * (the warehouse picked the wrong courier or typed the number wrong). False when the order has no outbound parcel
   * with the old ones (corrected already). Refused when another parcel already has the new ones.
   */
  public boolean correctOutbound(String orderNo, String oldCarrier, String oldTrackingNo, String carrier,
      String trackingNo) {
    Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM shipments WHERE carrier = ? AND tracking_no = ?",
        Integer.class, carrier, trackingNo);
    if (taken != null && taken > 0) {
      throw new IllegalStateException("parcel " + carrier + " " + trackingNo + " is recorded already");
    }
    return jdbc.update("UPDATE shipments SET carrier = ?, tracking_no = ? WHERE order_no = ? AND kind = ? "
        + "AND carrier = ? AND tracking_no = ?", carrier, trackingNo, orderNo, ShipmentKind.OUTBOUND.name(),
        oldCarrier, oldTrackingNo) > 0;
  }

  /** The warehouse took the parcel back before any courier collected it. */
  public void markWithdrawn(String carrier, String trackingNo, OffsetDateTime at) {
    jdbc.update("UPDATE shipments SET withdrawn_at = ? WHERE carrier = ? AND tracking_no = ? AND withdrawn_at IS NULL",
        timestamp(at), carrier, trackingNo);
  }

  /** The carriers the shop recorded a parcel with this tracking number under (one, nearly always). */
  public List<String> carriersOf(String trackingNo) {
    return jdbc.queryForList("SELECT DISTINCT carrier FROM shipments WHERE tracking_no = ?", String.class, trackingNo);
  }

  public List<Parcel> parcels(String orderNo) {
    return jdbc.query("SELECT * FROM shipments WHERE order_no = ? ORDER BY id", (rs, i) -> parcel(rs), orderNo);
  }

  /** The parcel of the given kind that belongs to the case, if any. */
  public java.util.Optional<Parcel> parcelOfCase(String caseNo, ShipmentKind kind) {
    return jdbc.query("SELECT * FROM shipments WHERE case_no = ? AND kind = ? ORDER BY id",
        (rs, i) -> parcel(rs), caseNo, kind.name()).stream().findFirst();
  }

  private static Parcel parcel(ResultSet rs) throws SQLException {
    return new Parcel(ShipmentKind.valueOf(rs.getString("kind")), rs.getString("carrier"),
        rs.getString("tracking_no"), time(rs.getTimestamp("shipped_at")), rs.getString("case_no"),
        rs.getBigDecimal("shipping_fee"), time(rs.getTimestamp("withdrawn_at")));
  }

  /** The order's own row; lines and parcel are read separately. */
  private static Order orderRow(ResultSet rs) throws SQLException {
    return new Order(rs.getString("order_no"),
        new Order.Buyer(rs.getString("buyer_id"), rs.getString("buyer_name"), rs.getString("buyer_phone"),
            rs.getString("buyer_address"), rs.getString("buyer_alipay_account")),
        List.of(), rs.getBigDecimal("paid_amount"), rs.getBoolean("shipping_insurance"),
        OrderStatus.valueOf(rs.getString("status")), null, time(rs.getTimestamp("delivered_at")),
        (Boolean) rs.getObject("return_window_closed"), (Boolean) rs.getObject("receipt_confirmed"),
        rs.getString("payment_channel") == null ? null : PaymentChannel.valueOf(rs.getString("payment_channel")));
  }

  private List<Order.Item> items(String orderNo) {
    return jdbc.query("SELECT * FROM order_items WHERE order_no = ? ORDER BY sku",
        (r, i) -> new Order.Item(r.getString("sku"), r.getString("name"), r.getString("category"),
            r.getInt("quantity"), r.getBigDecimal("unit_price")), orderNo);
  }

  private Order.Shipment outbound(String orderNo) {
    return parcels(orderNo).stream()
        .filter(p -> p.kind() == ShipmentKind.OUTBOUND)
        .findFirst()
        .map(p -> new Order.Shipment(p.carrier(), p.trackingNo(), p.shippedAt()))
        .orElse(null);
  }

  /** The account as given, trimmed; null when not given (an import without it keeps the one known). */
  private static String alipayAccount(Order.Buyer buyer) {
    return buyer.alipayAccount() == null || buyer.alipayAccount().isBlank() ? null : buyer.alipayAccount().strip();
  }

  private static Timestamp timestamp(OffsetDateTime time) {
    return time == null ? null : Timestamp.from(time.toInstant());
  }

  static OffsetDateTime time(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atZone(SHOP_ZONE).toOffsetDateTime();
  }
}
