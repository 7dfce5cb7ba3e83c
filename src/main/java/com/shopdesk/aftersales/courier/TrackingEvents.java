package com.shopdesk.aftersales.courier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every courier push, stored once on (carrier, tracking number, event, time) before it is delivered. */
@Repository
public class TrackingEvents {
  public record Stored(long id, TrackingEvent event, boolean delivered) {}

  private final JdbcTemplate jdbc;

  public TrackingEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the event; empty when the same push was stored before. */
  public Optional<Long> store(TrackingEvent e) {
    Optional<Stored> known = find(e);
    if (known.isPresent()) {
      if (known.get().event().signer() == null && e.signer() != null) {
        // the same scan, asked for again, now names who signed: keep that, nothing else changes
        jdbc.update("UPDATE tracking_events SET signer = ? WHERE id = ? AND signer IS NULL", e.signer(), known.get().id());
      }
      return Optional.empty();
    }
    try {
      jdbc.update("""
          INSERT INTO tracking_events (carrier, tracking_no, event, occurred_at, received_at, delivered, signer)
          VALUES (?, ?, ?, ?, ?, FALSE, ?)""",
          e.carrier(), e.trackingNo(), e.event().name(), Timestamp.from(e.at().toInstant()),
          Timestamp.from(Instant.now()), e.signer());
    } catch (DuplicateKeyException sameTimeRetry) {
      return Optional.empty();
    }
    return find(e).map(Stored::id);
  }

  public void markDelivered(long id) {
    jdbc.update("UPDATE tracking_events SET delivered = TRUE WHERE id = ?", id);
  }

  /** Events of one parcel, oldest first. */
  public List<TrackingEvent> ofParcel(String carrier, String trackingNo) {
    return jdbc.query("SELECT * FROM tracking_events WHERE carrier = ? AND tracking_no = ? ORDER BY occurred_at, id",
        (rs, i) -> event(rs), carrier, trackingNo);
  }

  /** Events of one parcel that reached us at or after the given moment, oldest first. */
  public List<TrackingEvent> receivedSince(String carrier, String trackingNo, Instant since) {
    return jdbc.query("""
        SELECT * FROM tracking_events WHERE carrier = ? AND tracking_no = ? AND received_at >= ?
        ORDER BY occurred_at, id""", (rs, i) -> event(rs), carrier, trackingNo, Timestamp.from(since));
  }

  /** The parcel's latest DELIVERED event (签收), with the signer when the courier named one. */
  public Optional<TrackingEvent> latestDelivery(String carrier, String trackingNo) {
    return ofParcel(carrier, trackingNo).stream().filter(e -> e.event() == CourierEvent.DELIVERED)
        .reduce((first, second) -> second);
  }

  public Optional<TrackingEvent> latest(String carrier, String trackingNo) {
    List<TrackingEvent> all = ofParcel(carrier, trackingNo);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Events stored since the cut-off that no waiting process took yet. */
  public List<Stored> undeliveredSince(Instant since) {
    return jdbc.query("SELECT * FROM tracking_events WHERE delivered = FALSE AND received_at >= ? ORDER BY id",
        (rs, i) -> new Stored(rs.getLong("id"), event(rs), false), Timestamp.from(since));
  }

  private Optional<Stored> find(TrackingEvent e) {
    return jdbc.query("""
        SELECT * FROM tracking_events WHERE carrier = ? AND tracking_no = ? AND event = ? AND occurred_at = ?""",
        (rs, i) -> new Stored(rs.getLong("id"), event(rs), rs.getBoolean("delivered")),
        e.carrier(), e.trackingNo(), e.event().name(), Timestamp.from(e.at().toInstant())).stream().findFirst();
  }

  private static TrackingEvent event(ResultSet rs) throws SQLException {
    return new TrackingEvent(rs.getString("carrier"), rs.getString("tracking_no"),
        CourierEvent.valueOf(rs.getString("event")),
        rs.getTimestamp("occurred_at").toInstant().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(),
        rs.getString("signer"));
  }
}
