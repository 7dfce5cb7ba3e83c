package com.shopdesk.aftersales.courier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A courier's API: interception, urging, loss investigations, weights and claims (tracking: {@link TrackingService}). */
public interface CourierGateway {

  /**
   * Whether interceptions of this carrier's parcels go through the API (carriers with an open platform, e.g. SF and
   * ZTO); for the others an agent asks the carrier's station (网点) and enters its answer.
   */
  boolean interceptsByApi(String carrier);

  /** Asks the courier to intercept the parcel; the answer comes later as a pushed tracking event. */
  void requestInterception(String carrier, String trackingNo);

  /** Calls off an interception asked for earlier, so the parcel goes on to the buyer; repeating it is harmless. */
  void callOffInterception(String carrier, String trackingNo);

  /** Asks the courier to pick up or move a parcel that has no scan or has stalled (催件). */
  void urge(String carrier, String trackingNo);

  /** Opens a loss investigation; the verdict comes later as a pushed LOST or FOUND event. */
  void openInvestigation(String carrier, String trackingNo);

  /** The parcel's weight in grams as the courier weighed it at pickup, when it has one. */
  Optional<Integer> pickupWeightGrams(String carrier, String trackingNo);

  /** Files a claim (索赔) for a parcel damaged or lost in the courier's care; once per case and parcel. */
  void fileClaim(Claim claim);

  /**
   * Asks the courier to deliver the parcel elsewhere: to the buyer's new address (改址/转寄), or, where the courier has
   * no service, handed over to the postal service (转邮政). The courier answers at once whether it takes the
   * instruction; where the parcel then goes comes later as its scans. Once per case and kind: asked again, the
   * courier gives the answer it gave.
   */
  RedirectAnswer redirect(Redirect redirect);

  /** {@code address} is the new one for NEW_ADDRESS, null for TO_POSTAL. */
  record Redirect(String carrier, String trackingNo, String caseNo, RedirectKind kind, String address) {}

  enum RedirectKind { NEW_ADDRESS, TO_POSTAL }

  /** Whether the courier took it, and its words. */
  record RedirectAnswer(boolean accepted, String note) {}

  record Claim(String carrier, String trackingNo, String caseNo, String orderNo, List<String> skus, BigDecimal value) {}
}
