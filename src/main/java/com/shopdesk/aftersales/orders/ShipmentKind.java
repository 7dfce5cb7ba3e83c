package com.shopdesk.aftersales.orders;

/** The parcels of an order, with the words the desk reads. */
public enum ShipmentKind {
  OUTBOUND("发货"), RETURN("买家退回"), RESHIP("补发"), REPLACEMENT("换货新品"), SPARE_PART("配件");

  private final String label;

  ShipmentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
