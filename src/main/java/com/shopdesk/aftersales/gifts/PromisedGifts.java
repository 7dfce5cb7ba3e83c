package com.shopdesk.aftersales.gifts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import com.shopdesk.aftersales.api.ShopTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The gifts promised on each order, one row per SKU. */
@Repository
public class PromisedGifts {
  private final JdbcTemplate jdbc;

  public PromisedGifts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a promise; false when the order already has one for this SKU. */
  public boolean add(String orderNo, String sku, String name, int quantity, BigDecimal value, String note,
      String promisedBy) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM promised_gifts WHERE order_no = ? AND sku = ?", Integer.class,
        orderNo, sku) > 0) {
      return false;
    }
    jdbc.update("INSERT INTO promised_gifts (order_no, sku, name, quantity, gift_value, note, promised_by, "
        + "promised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderNo, sku, name, quantity, value, note, promisedBy,
        Timestamp.from(Instant.now()));
    return true;
  }

  public List<PromisedGift> ofOrder(String orderNo) {
    return jdbc.query("SELECT * FROM promised_gifts WHERE order_no = ? ORDER BY id", PromisedGifts::gift, orderNo);
  }

  /**
   * The promised gifts a packing record lacks (fewer packed than promised), each with the quantity promised:
   * with no packing record, all of them.
   */
  public List<PromisedGift> missingFrom(String orderNo, Map<String, Integer> packed) {
    return ofOrder(orderNo).stream()
        .filter(g -> packed == null || packed.getOrDefault(g.sku(), 0) < g.quantity())
        .toList();
  }

  /** The SKUs and quantities to send for these gifts. */
  public static Map<String, Integer> quantities(List<PromisedGift> gifts) {
    Map<String, Integer> items = new LinkedHashMap<>();
    gifts.forEach(g -> items.put(g.sku(), g.quantity()));
    return items;
  }

  private static PromisedGift gift(ResultSet rs, int row) throws SQLException {
    return new PromisedGift(rs.getLong("id"), rs.getString("order_no"), rs.getString("sku"), rs.getString("name"),
        rs.getInt("quantity"), rs.getBigDecimal("gift_value"), rs.getString("note"), rs.getString("promised_by"),
        ShopTime.of(rs.getTimestamp("promised_at")));
  }
}
