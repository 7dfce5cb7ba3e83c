package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.warehouse.WarehouseGateway;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A stand-in warehouse: outbound orders are pending until someone ships them through the sandbox API. */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.warehouse", havingValue = "sandbox", matchIfMissing = true)
public class SandboxWarehouse implements WarehouseGateway {
  private final SandboxDatabase db;
  private final JdbcTemplate jdbc;
  private final SandboxOutages outages;

  public SandboxWarehouse(SandboxDatabase db, SandboxOutages outages) {
    this.db = db;
    this.jdbc = db.jdbc();
    this.outages = outages;
  }

  @Override
  public CancelOutcome cancelOutbound(String orderNo) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
      var shipped = jdbc.query("SELECT carrier, tracking_no FROM sandbox_outbound_orders WHERE order_no = ? "
          + "AND status = 'SHIPPED'", (rs, i) -> CancelOutcome.alreadyShipped(rs.getString(1), rs.getString(2)), orderNo);
      if (!shipped.isEmpty()) {
        return shipped.get(0);
      }
      upsert(orderNo, "CANCELLED", null, null);
      return CancelOutcome.wasCancelled();
    });
  }

  @Override
  public void reinstateOutbound(String orderNo) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
      jdbc.update("UPDATE sandbox_outbound_orders SET status = 'PENDING', updated_at = ? WHERE order_no = ? "
          + "AND status = 'CANCELLED'", Timestamp.from(Instant.now()), orderNo);
    });
  }

  /** PENDING (waiting to ship), CANCELLED or SHIPPED; PENDING when the warehouse never heard of the order. */
  public String outboundStatus(String orderNo) {
    return jdbc.queryForList("SELECT status FROM sandbox_outbound_orders WHERE order_no = ?", String.class, orderNo)
        .stream().findFirst().orElse("PENDING");
  }

  @Override
  public void sendBackToBuyer(String orderNo, String caseNo) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
      if (!sentBack(caseNo)) {
        jdbc.update("INSERT INTO sandbox_send_backs (case_no, order_no, sent_at) VALUES (?, ?, ?)",
            caseNo, orderNo, Timestamp.from(Instant.now()));
      }
    });
  }

  public boolean sentBack(String caseNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_send_backs WHERE case_no = ?", Integer.class, caseNo);
    return n != null && n > 0;
  }

  @Override
  public boolean inStock(Map<String, Integer> wanted) {
    outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
    return wanted.entrySet().stream().allMatch(e -> jdbc.query("SELECT quantity FROM sandbox_stock WHERE sku = ?",
        (rs, i) -> rs.getInt(1), e.getKey()).stream().findFirst().orElse(Integer.MAX_VALUE) >= e.getValue());
  }

  /** Sets the stock of a SKU (testers); SKUs never set count as plentiful. */
  public void stock(String sku, int quantity) {
    db.run(() -> {
      jdbc.update("DELETE FROM sandbox_stock WHERE sku = ?", sku);
      jdbc.update("INSERT INTO sandbox_stock (sku, quantity) VALUES (?, ?)", sku, quantity);
    });
  }

  @Override
  public Optional<PackingRecord> packingRecord(String orderNo) {
    outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
    return jdbc.query("SELECT items, weight_grams FROM sandbox_packing_records WHERE order_no = ?", (rs, i) -> {
      Map<String, Integer> items = new LinkedHashMap<>();
      for (String entry : rs.getString(1).split(",")) {
        String[] skuAndCount = entry.split(":");
        items.put(skuAndCount[0], Integer.parseInt(skuAndCount[1]));
      }
      int grams = rs.getInt(2);
      return new PackingRecord(items, rs.wasNull() ? null : grams);
    }, orderNo).stream().findFirst();
  }

  /** What the warehouse's packing station recorded (set by testers). */
  public void packed(String orderNo, Map<String, Integer> items, Integer weightGrams) {
    db.run(() -> {
      String encoded = items.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
          .collect(java.util.stream.Collectors.joining(","));
      jdbc.update("DELETE FROM sandbox_packing_records WHERE order_no = ?", orderNo);
      jdbc.update("INSERT INTO sandbox_packing_records (order_no, items, weight_grams) VALUES (?, ?, ?)",
          orderNo, encoded, weightGrams);
    });
  }

  @Override
  public Reshipment createReshipment(String orderNo, String caseNo, int attempt, Map<String, Integer> items,
      String carrier, String address) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
      var known = jdbc.query("SELECT carrier, tracking_no FROM sandbox_reshipments WHERE case_no = ? AND attempt = ?",
          (rs, i) -> new Reshipment(rs.getString(1), rs.getString(2)), caseNo, attempt);
      if (!known.isEmpty()) {
        return known.get(0);
      }
      String using = carrier == null ? "ZTO" : carrier.toUpperCase(java.util.Locale.ROOT);
      String prefix = using.equals("ZTO") ? "ZT" : using;
      Reshipment parcel = new Reshipment(using, prefix + "B" + caseNo.replaceAll("\\D", "") + attempt);
      jdbc.update("INSERT INTO sandbox_reshipments (case_no, attempt, order_no, carrier, tracking_no, created_at, address) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?)", caseNo, attempt, orderNo, parcel.carrier(), parcel.trackingNo(),
          Timestamp.from(Instant.now()), address);
      return parcel;
    });
  }

  /** Where the case's reshipment of that attempt was sent when not to the order's address: the address, or empty. */
  public Optional<String> reshippedTo(String caseNo, int attempt) {
    return jdbc.query("SELECT address FROM sandbox_reshipments WHERE case_no = ? AND attempt = ? AND address IS NOT NULL",
        (rs, i) -> rs.getString(1), caseNo, attempt).stream().findFirst();
  }

  @Override
  public Reshipment shipExtraItems(String orderNo, String caseNo, int attempt, Map<String, Integer> items,
      ExtraPurpose purpose) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
      var known = jdbc.query("SELECT carrier, tracking_no FROM sandbox_extra_shipments WHERE case_no = ? "
          + "AND attempt = ?", (rs, i) -> new Reshipment(rs.getString(1), rs.getString(2)), caseNo, attempt);
      if (!known.isEmpty()) {
        return known.get(0);
      }
      Reshipment parcel = new Reshipment("ZTO", "ZTX" + caseNo.replaceAll("\\D", "") + attempt);
      String encoded = items.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
          .collect(java.util.stream.Collectors.joining(","));
      jdbc.update("INSERT INTO sandbox_extra_shipments (case_no, attempt, order_no, items, purpose, carrier, "
          + "tracking_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", caseNo, attempt, orderNo, encoded,
          purpose.name(), parcel.carrier(), parcel.trackingNo(), Timestamp.from(Instant.now()));
      return parcel;
    });
  }

  /** What the warehouse sent for a case that was no order line, as "SKU:n,…" per parcel (testers). */
  public java.util.List<String> extraShipments(String caseNo) {
    return jdbc.queryForList("SELECT purpose || ' ' || items FROM sandbox_extra_shipments WHERE case_no = ? "
        + "ORDER BY attempt", String.class, caseNo);
  }

  @Override
  public boolean withdrawParcel(String carrier, String trackingNo) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
      Integer scanned = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_courier_parcels WHERE carrier = ? "
          + "AND tracking_no = ? AND last_event IS NOT NULL", Integer.class, carrier, trackingNo);
      if (scanned != null && scanned > 0) {
        return false;
      }
      if (!withdrawn(carrier, trackingNo)) {
        jdbc.update("INSERT INTO sandbox_withdrawn_parcels (carrier, tracking_no, withdrawn_at) VALUES (?, ?, ?)",
            carrier, trackingNo, Timestamp.from(Instant.now()));
      }
      return true;
    });
  }

  @Override
  public void chaseHandover(String orderNo, String carrier, String trackingNo) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.WAREHOUSE);
      jdbc.update("INSERT INTO sandbox_handover_chases (order_no, carrier, tracking_no, chased_at) VALUES (?, ?, ?, ?)",
          orderNo, carrier, trackingNo, Timestamp.from(Instant.now()));
    });
  }

  /** How often the warehouse was chased to hand the parcel to its courier. */
  public int handoverChases(String carrier, String trackingNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_handover_chases WHERE carrier = ? AND tracking_no = ?",
        Integer.class, carrier, trackingNo);
    return n == null ? 0 : n;
  }

  public boolean withdrawn(String carrier, String trackingNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_withdrawn_parcels WHERE carrier = ? "
        + "AND tracking_no = ?", Integer.class, carrier, trackingNo);
    return n != null && n > 0;
  }

  /** The warehouse hands the order to a courier (used by testers to play "shipped meanwhile"). */
  public void ship(String orderNo, String carrier, String trackingNo) {
    db.run(() -> {
      upsert(orderNo, "SHIPPED", carrier, trackingNo);
    });
  }

  private void upsert(String orderNo, String status, String carrier, String trackingNo) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("UPDATE sandbox_outbound_orders SET status = ?, carrier = ?, tracking_no = ?, updated_at = ? "
        + "WHERE order_no = ?", status, carrier, trackingNo, now, orderNo) == 0) {
      jdbc.update("INSERT INTO sandbox_outbound_orders (order_no, status, carrier, tracking_no, updated_at) "
          + "VALUES (?, ?, ?, ?, ?)", orderNo, status, carrier, trackingNo, now);
    }
  }
}
