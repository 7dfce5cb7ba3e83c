package com.shopdesk.aftersales.warehouse;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of a shipment of SKUs that are no order line (a promised gift in reship, a spare part in
 * return-refund). The parcel itself is in {@code reshipCarrier}/{@code reshipTrackingNo}
 * ({@link com.shopdesk.aftersales.cases.CaseVariables}), as every parcel the warehouse sends for a case.
 */
public final class ExtraShipmentVariables {
  /** What went into the parcel, in words for the buyer's message: "龙井小样 5g（LJ-S5）× 1". */
  public static final String EXTRA_ITEMS_TEXT = "extraItemsText";
  /** The spare part's SKU and name (from bpmn/spare-part.dmn). */
  public static final String PART_SKU = "partSku";
  public static final String PART_NAME = "partName";

  private final VariableScope scope;

  private ExtraShipmentVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ExtraShipmentVariables of(VariableScope scope) {
    return new ExtraShipmentVariables(scope);
  }

  public String partSku() {
    Object sku = scope.getVariable(PART_SKU);
    return sku == null || sku.toString().isBlank() ? null : sku.toString();
  }

  public String partName() {
    Object name = scope.getVariable(PART_NAME);
    return name == null ? partSku() : name.toString();
  }

  public void shipped(String itemsText) {
    scope.setVariable(EXTRA_ITEMS_TEXT, itemsText);
  }
}
