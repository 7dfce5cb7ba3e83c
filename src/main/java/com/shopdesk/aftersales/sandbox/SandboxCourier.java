package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.CourierGateway;
import com.shopdesk.aftersales.courier.TrackingEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A stand-in courier. It remembers interception requests and each parcel's latest scan; the scans are set
 * through the sandbox API, which also pushes them to the shop's webhook as a real courier would.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.courier", havingValue = "sandbox", matchIfMissing = true)
public class SandboxCourier implements CourierGateway {
  private final java.util.Set<String> apiCarriers;
  private final SandboxDatabase db;
  private final JdbcTemplate jdbc;
  private final SandboxOutages outages;

  public SandboxCourier(SandboxDatabase db, SandboxOutages outages,
      @Value("${aftersales.sandbox.api-interception-carriers:SF,ZTO}") java.util.Set<String> apiCarriers) {
    this.apiCarriers = apiCarriers;
    this.db = db;
    this.jdbc = db.jdbc();
    this.outages = outages;
  }

  /** The sandbox courier's open platform intercepts these carriers' parcels, as SF's and ZTO's do. */
  @Override
  public boolean interceptsByApi(String carrier) {
    return apiCarriers.contains(carrier == null ? "" : carrier.toUpperCase(java.util.Locale.ROOT));
  }

  @Override
  public void requestInterception(String carrier, String trackingNo) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.COURIER);
      Timestamp now = Timestamp.from(Instant.now());
      if (jdbc.update("UPDATE sandbox_courier_parcels SET intercept_requested_at = ? WHERE carrier = ? AND tracking_no = ?",
          now, carrier, trackingNo) == 0) {
        jdbc.update("INSERT INTO sandbox_courier_parcels (carrier, tracking_no, intercept_requested_at) VALUES (?, ?, ?)",
            carrier, trackingNo, now);
      }
    });
  }

  @Override
  public void callOffInterception(String carrier, String trackingNo) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.COURIER);
      jdbc.update("""
          UPDATE sandbox_courier_parcels SET intercept_requested_at = NULL, intercept_called_off_at = ?
          WHERE carrier = ? AND tracking_no = ? AND intercept_requested_at IS NOT NULL""",
          Timestamp.from(Instant.now()), carrier, trackingNo);
    });
  }

  /**
   * Takes a redirect for the carriers whose open platform the sandbox plays (those that intercept by API), unless the
   * parcel was signed for already; the answer is kept per case and kind, so asking again gives the same one.
   */
  @Override
  public RedirectAnswer redirect(Redirect redirect) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.COURIER);
      var known = jdbc.query("SELECT accepted, note FROM sandbox_courier_redirects WHERE case_no = ? AND kind = ?",
          (rs, i) -> new RedirectAnswer(rs.getBoolean(1), rs.getString(2)), redirect.caseNo(), redirect.kind().name());
      if (!known.isEmpty()) {
        return known.get(0);
      }
      boolean delivered = track(redirect.carrier(), redirect.trackingNo())
          .filter(e -> e.event() == CourierEvent.DELIVERED).isPresent();
      RedirectAnswer answer = !interceptsByApi(redirect.carrier())
          ? new RedirectAnswer(false, "该快递公司不受理线上改址/转寄")
          : delivered ? new RedirectAnswer(false, "包裹已签收，快递无法改派")
          : new RedirectAnswer(true, redirect.kind() == RedirectKind.TO_POSTAL ? "快递已受理转邮政派送" : "快递已受理改址");
      jdbc.update("""
          INSERT INTO sandbox_courier_redirects (case_no, kind, carrier, tracking_no, address, accepted, note, requested_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", redirect.caseNo(), redirect.kind().name(), redirect.carrier(),
          redirect.trackingNo(), redirect.address(), answer.accepted(), answer.note(), Timestamp.from(Instant.now()));
      return answer;
    });
  }

  /** The redirect the courier was asked for in the case (NEW_ADDRESS or TO_POSTAL): the address, or empty. */
  public Optional<String> redirectedTo(String caseNo, RedirectKind kind) {
    return jdbc.query("SELECT COALESCE(address, '') FROM sandbox_courier_redirects WHERE case_no = ? AND kind = ?",
        (rs, i) -> rs.getString(1), caseNo, kind.name()).stream().findFirst();
  }

  /** Whether an interception of the parcel was asked for and then called off. */
  public boolean interceptionCalledOff(String carrier, String trackingNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_courier_parcels WHERE carrier = ? AND tracking_no = ? "
        + "AND intercept_called_off_at IS NOT NULL", Integer.class, carrier, trackingNo);
    return n != null && n > 0;
  }

  @Override
  public void fileClaim(Claim claim) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.COURIER);
      if (claims(claim.caseNo()) == 0) {
        jdbc.update("""
            INSERT INTO sandbox_courier_claims (carrier, tracking_no, case_no, order_no, skus, amount, filed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""", claim.carrier(), claim.trackingNo(), claim.caseNo(), claim.orderNo(),
            String.join(",", claim.skus()), claim.value(), Timestamp.from(Instant.now()));
      }
    });
  }

  @Override
  public void urge(String carrier, String trackingNo) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.COURIER);
      stamp("urged_at", carrier, trackingNo);
    });
  }

  @Override
  public void openInvestigation(String carrier, String trackingNo) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.COURIER);
      stamp("investigation_opened_at", carrier, trackingNo);
    });
  }

  @Override
  public Optional<Integer> pickupWeightGrams(String carrier, String trackingNo) {
    outages.check(SandboxOutages.SandboxSystem.COURIER);
    return jdbc.query("SELECT pickup_weight_grams FROM sandbox_courier_parcels WHERE carrier = ? AND tracking_no = ? "
        + "AND pickup_weight_grams IS NOT NULL", (rs, i) -> rs.getInt(1), carrier, trackingNo).stream().findFirst();
  }

  /** The weight the courier's scale showed at pickup (set by testers). */
  public void weighed(String carrier, String trackingNo, int grams) {
    db.run(() -> {
      if (jdbc.update("UPDATE sandbox_courier_parcels SET pickup_weight_grams = ? WHERE carrier = ? AND tracking_no = ?",
          grams, carrier, trackingNo) == 0) {
        jdbc.update("INSERT INTO sandbox_courier_parcels (carrier, tracking_no, pickup_weight_grams) VALUES (?, ?, ?)",
            carrier, trackingNo, grams);
      }
    });
  }

  public boolean urged(String carrier, String trackingNo) {
    return stamped("urged_at", carrier, trackingNo);
  }

  public boolean investigating(String carrier, String trackingNo) {
    return stamped("investigation_opened_at", carrier, trackingNo);
  }

  private void stamp(String column, String carrier, String trackingNo) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("UPDATE sandbox_courier_parcels SET " + column + " = ? WHERE carrier = ? AND tracking_no = ?",
        now, carrier, trackingNo) == 0) {
      jdbc.update("INSERT INTO sandbox_courier_parcels (carrier, tracking_no, " + column + ") VALUES (?, ?, ?)",
          carrier, trackingNo, now);
    }
  }

  private boolean stamped(String column, String carrier, String trackingNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_courier_parcels WHERE carrier = ? AND tracking_no = ? "
        + "AND " + column + " IS NOT NULL", Integer.class, carrier, trackingNo);
    return n != null && n > 0;
  }

  public int claims(String caseNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_courier_claims WHERE case_no = ?", Integer.class, caseNo);
    return n == null ? 0 : n;
  }

  /** The parcel's latest scan on the courier's side, as the sandbox tracking service reports it. */
  public Optional<TrackingEvent> track(String carrier, String trackingNo) {
    outages.check(SandboxOutages.SandboxSystem.COURIER);
    return jdbc.query("SELECT last_event, last_at, last_signer FROM sandbox_courier_parcels WHERE carrier = ? "
            + "AND tracking_no = ? AND last_event IS NOT NULL",
        (rs, i) -> new TrackingEvent(carrier, trackingNo, CourierEvent.valueOf(rs.getString(1)),
            rs.getTimestamp(2).toInstant().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(), rs.getString(3)),
        carrier, trackingNo).stream().findFirst();
  }

  public boolean interceptionRequested(String carrier, String trackingNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_courier_parcels WHERE carrier = ? AND tracking_no = ? "
        + "AND intercept_requested_at IS NOT NULL", Integer.class, carrier, trackingNo);
    return n != null && n > 0;
  }

  /** Records a scan on the courier's side. */
  public void scan(TrackingEvent event) {
    db.run(() -> {
      Timestamp at = Timestamp.from(event.at().toInstant());
      if (jdbc.update("UPDATE sandbox_courier_parcels SET last_event = ?, last_at = ?, last_signer = ? "
          + "WHERE carrier = ? AND tracking_no = ?",
          event.event().name(), at, event.signer(), event.carrier(), event.trackingNo()) == 0) {
        jdbc.update("INSERT INTO sandbox_courier_parcels (carrier, tracking_no, last_event, last_at, last_signer) "
            + "VALUES (?, ?, ?, ?, ?)", event.carrier(), event.trackingNo(), event.event().name(), at, event.signer());
      }
    });
  }
}
