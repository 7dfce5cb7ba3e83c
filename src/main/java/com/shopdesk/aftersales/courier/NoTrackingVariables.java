package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of the process {@code no-tracking} (查不到物流) beyond the case's own: what the agent found
 * ({@code trackingFinding}: WRONG_PARCEL, POSTAL, NOT_HANDED_OVER or HAS_TRACKING, the options of the form
 * no-tracking-diagnosis), the right parcel when the order's was wrong
 * ({@code correctCarrier}, {@code correctTrackingNo}), the postal service's code for a postal parcel
 * ({@code postalCarrier}), and the parcel as it was before a correction ({@code oldParcel}, for the remark).
 */
public final class NoTrackingVariables {
  public static final String FINDING = "trackingFinding";
  public static final String CORRECT_CARRIER = "correctCarrier";
  public static final String CORRECT_TRACKING_NO = "correctTrackingNo";
  public static final String POSTAL_CARRIER = "postalCarrier";
  public static final String OLD_PARCEL = "oldParcel";

  /** A tracking number as couriers print them; the form's pattern for {@code correctTrackingNo} is the same. */
  public static final Pattern TRACKING_NO = Pattern.compile("^[A-Za-z0-9]{8,30}$");

  private final VariableScope scope;

  private NoTrackingVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static NoTrackingVariables of(VariableScope scope) {
    return new NoTrackingVariables(scope);
  }

  public String correctCarrier() {
    return text(CORRECT_CARRIER);
  }

  public String correctTrackingNo() {
    return text(CORRECT_TRACKING_NO);
  }

  /** The case's parcel is now the corrected one; {@code oldParcel} keeps the one it replaced. */
  public void corrected(String oldParcel, String carrier, String trackingNo) {
    scope.setVariable(OLD_PARCEL, oldParcel);
    scope.setVariable(CaseVariables.CARRIER, carrier);
    scope.setVariable(CaseVariables.TRACKING_NO, trackingNo);
  }

  private String text(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString().strip();
  }
}
