package com.shopdesk.aftersales.courier;

/** The tracking events a courier pushes, with the words the desk reads. */
public enum CourierEvent {
  PICKED_UP("已揽收"),
  IN_TRANSIT("运输中"),
  /** At the buyer's local station, out for delivery (快递100's 派件): a buyer who refuses it can do so now. */
  AT_STATION("到达派件网点"),
  DELIVERED("已签收"),
  REJECTED("买家拒收"),
  /** On its way back to the sender (快递100's 退回), after an interception or a refusal. */
  RETURNING("退回途中"),
  RETURNED("已退回商家"),
  INTERCEPTED("已拦截"),
  INTERCEPT_FAILED("拦截失败"),
  LOST("已丢失"),
  FOUND("已找到");

  private final String label;

  CourierEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The BPMN messages this event is delivered as: {@code courier.<EVENT>} (e.g. courier.INTERCEPTED),
   * {@code courier.ANY} (any scan: the parcel moves), and for events that matter to an interception also
   * {@code interception.STOPPED}, {@code interception.NOT_STOPPED} or {@code interception.AT_STATION}.
   */
  public java.util.List<String> messageNames() {
    ParcelOutcome outcome = interceptionOutcome();
    return outcome == ParcelOutcome.NONE
        ? java.util.List.of("courier." + name(), "courier.ANY")
        : java.util.List.of("courier." + name(), "courier.ANY", "interception." + outcome.name());
  }

  /**
   * What the event means for an interception: the parcel is coming back, it reached the buyer, or it is at the
   * buyer's station (where a buyer who is not intercepted for is asked to refuse it).
   */
  public ParcelOutcome interceptionOutcome() {
    return switch (this) {
      case INTERCEPTED, REJECTED, RETURNING, RETURNED -> ParcelOutcome.STOPPED;
      case INTERCEPT_FAILED, DELIVERED -> ParcelOutcome.NOT_STOPPED;
      case AT_STATION -> ParcelOutcome.AT_STATION;
      default -> ParcelOutcome.NONE;
    };
  }
}
