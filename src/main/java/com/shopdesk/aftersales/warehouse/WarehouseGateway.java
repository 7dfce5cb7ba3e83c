package com.shopdesk.aftersales.warehouse;

import java.util.Map;
import java.util.Optional;

/** The warehouse's API (WMS). */
public interface WarehouseGateway {

  /** Cancels the order's outbound order, unless the warehouse has shipped it already. */
  CancelOutcome cancelOutbound(String orderNo);

  /** Puts a cancelled outbound order back in the queue, so the order ships after all; repeating it is harmless. */
  void reinstateOutbound(String orderNo);

  /** Sends returned goods that failed inspection back to the buyer; once per case. */
  void sendBackToBuyer(String orderNo, String caseNo);

  /** What the warehouse packed for the order and what the parcel weighed, when it kept a record. */
  Optional<PackingRecord> packingRecord(String orderNo);

  /** Whether the warehouse can ship all these quantities by SKU now. */
  boolean inStock(Map<String, Integer> wanted);

  /** Ships the case's items again; the same case and attempt always give the same parcel. */
  default Reshipment createReshipment(String orderNo, String caseNo, int attempt, Map<String, Integer> items) {
    return createReshipment(orderNo, caseNo, attempt, items, null, null);
  }

  /**
   * As above, with the carrier the warehouse must use (e.g. EMS where couriers do not deliver) and the address to send
   * to (the buyer's new one); null for either means the warehouse's usual carrier and the order's address.
   */
  Reshipment createReshipment(String orderNo, String caseNo, int attempt, Map<String, Integer> items, String carrier,
      String address);

  /**
   * Ships SKUs that are no line of the order (a promised gift, a spare part) to the order's buyer in a parcel of
   * their own. {@code purpose} says why, for the warehouse's pick list. The same case and attempt always give the
   * same parcel.
   */
  Reshipment shipExtraItems(String orderNo, String caseNo, int attempt, Map<String, Integer> items,
      ExtraPurpose purpose);

  /** Why the warehouse sends something that was not ordered. */
  enum ExtraPurpose { GIFT, SPARE_PART }

  /**
   * Takes back a parcel the warehouse packed that no courier has collected, so it cannot go out after the case
   * moved on. False when a courier collected it after all. Repeating it is harmless.
   */
  boolean withdrawParcel(String carrier, String trackingNo);

  /**
   * Chases a parcel the warehouse packed and marked shipped but has not handed to the courier yet (a big sale's
   * backlog): hand it over now. Repeating it is harmless.
   */
  void chaseHandover(String orderNo, String carrier, String trackingNo);

  /** Cancelled, or already handed to a courier with this tracking number. */
  record CancelOutcome(boolean cancelled, String carrier, String trackingNo) {
    public static CancelOutcome wasCancelled() {
      return new CancelOutcome(true, null, null);
    }

    public static CancelOutcome alreadyShipped(String carrier, String trackingNo) {
      return new CancelOutcome(false, carrier, trackingNo);
    }
  }

  /** Items packed by SKU and the packed weight in grams (null when not weighed). */
  record PackingRecord(Map<String, Integer> items, Integer weightGrams) {}

  record Reshipment(String carrier, String trackingNo) {}
}
