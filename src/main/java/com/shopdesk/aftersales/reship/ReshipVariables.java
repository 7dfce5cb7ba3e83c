package com.shopdesk.aftersales.reship;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables only the reship process's signed-not-received and opened-box steps use, in this one place (the
 * case's common ones are {@link com.shopdesk.aftersales.cases.CaseVariables}). Plain strings and booleans, so
 * Cockpit shows them and forms bind them.
 */
public final class ReshipVariables {
  /** Who signed for the parcel as the courier recorded it, or a sentence saying it named nobody. */
  public static final String SIGNED_BY = "signedBy";
  /** When the parcel was signed for, e.g. "2026-11-20 14:05", or a sentence saying tracking shows no signing. */
  public static final String SIGNED_AT_TEXT = "signedAtText";
  /** Whether tracking shows the parcel signed for at all. */
  public static final String SIGNED_IN_TRACKING = "signedInTracking";
  /** The courier's answer on 核实签收情况: SELF (本人签收), OTHER (他人代签) or NOT_SIGNED (未签收). */
  public static final String SIGNATURE_ANSWER = "signatureAnswer";
  /** Who signed in the buyer's place, as the courier said (with SIGNATURE_ANSWER OTHER). */
  public static final String ACTUAL_SIGNER = "actualSigner";
  /** Whether the buyer got the parcel back from whoever signed for it. */
  public static final String PARCEL_RECOVERED = "parcelRecovered";
  /** Whether a buyer who signed in person wants a return and refund (else the buyer lets it drop). */
  public static final String BUYER_WANTS_RETURN = "buyerWantsReturn";
  /** The buyer's answer on 核实未漏发: the box arrived opened or retaped. */
  public static final String BOX_OPENED = "boxOpened";
  /** The packing record shows every item packed and the pickup weight matches the packed weight. */
  public static final String LEFT_WHOLE = "leftWhole";

  private final VariableScope scope;

  private ReshipVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ReshipVariables of(VariableScope scope) {
    return new ReshipVariables(scope);
  }

  /** What tracking says of the signing, for the agent's form and the buyer's messages. */
  public void signature(boolean signed, String signedBy, String signedAtText) {
    scope.setVariable(SIGNED_IN_TRACKING, signed);
    scope.setVariable(SIGNED_BY, signedBy);
    scope.setVariable(SIGNED_AT_TEXT, signedAtText);
  }

  public void leftWhole(boolean leftWhole) {
    scope.setVariable(LEFT_WHOLE, leftWhole);
  }
}
