package com.shopdesk.aftersales.desk;

import com.shopdesk.aftersales.api.ShopTime;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Today's money and work, from the ledger's history: refunds paid today, cases opened and closed today, and how
 * long cases took to close over the last 7 days (the median, per process). "Today" is the shop's day (Beijing
 * time). Each query reads one indexed time column (V22), so it stays quick however long the ledger grows.
 */
@Component
public class DayFigures {
  private final JdbcTemplate jdbc;
  private final ProcessNames names;
  private final String closeSeconds;

  DayFigures(JdbcTemplate jdbc, DataSource dataSource, ProcessNames names) throws SQLException {
    this.jdbc = jdbc;
    this.names = names;
    try (Connection c = dataSource.getConnection()) {
      this.closeSeconds = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
          ? "EXTRACT(EPOCH FROM (closed_at - opened_at))"
          : "DATEDIFF(SECOND, opened_at, closed_at)";
    }
  }

  /** {@code processNames}: each process key's name, as the diagrams give it. */
  public record Figures(LocalDate day, long refundsPaid, BigDecimal refundedAmount, List<PerProcess> opened,
      List<Closed> closed, List<TimeToClose> timeToClose, Map<String, String> processNames) {}

  public record PerProcess(String process, long cases) {}

  public record Closed(String process, String resolution, long cases) {}

  /** {@code medianMinutes} over the cases closed in the last 7 days. */
  public record TimeToClose(String process, long cases, long medianMinutes) {}

  public Figures today() {
    ZonedDateTime start = LocalDate.now(ShopTime.ZONE).atStartOfDay(ShopTime.ZONE);
    Timestamp today = Timestamp.from(start.toInstant());
    Timestamp weekAgo = Timestamp.from(start.toInstant().minusSeconds(6 * 86_400L));
    var paid = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS total FROM refunds "
        + "WHERE completed_at >= ? AND status = 'SUCCEEDED'", today);
    List<PerProcess> opened = jdbc.query("SELECT process_key, COUNT(*) AS n FROM cases WHERE opened_at >= ? "
        + "GROUP BY process_key ORDER BY n DESC", (rs, i) -> new PerProcess(rs.getString(1), rs.getLong(2)), today);
    List<Closed> closed = jdbc.query("SELECT process_key, resolution, COUNT(*) AS n FROM cases WHERE closed_at >= ? "
        + "GROUP BY process_key, resolution ORDER BY process_key, n DESC",
        (rs, i) -> new Closed(rs.getString(1), rs.getString(2), rs.getLong(3)), today);
    List<TimeToClose> durations = jdbc.query("SELECT process_key, COUNT(*) AS n, "
        + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + closeSeconds + ") AS median FROM cases "
        + "WHERE closed_at >= ? GROUP BY process_key ORDER BY process_key",
        (rs, i) -> new TimeToClose(rs.getString(1), rs.getLong(2), Math.round(rs.getDouble(3) / 60)), weekAgo);
    return new Figures(start.toLocalDate(), ((Number) paid.get("n")).longValue(),
        new BigDecimal(paid.get("total").toString()).setScale(2), opened, closed, durations,
        names.all());
  }
}
