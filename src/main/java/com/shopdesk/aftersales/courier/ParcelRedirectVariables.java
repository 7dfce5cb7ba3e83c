package com.shopdesk.aftersales.courier;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of bpmn/parcel-redirect.bpmn (改址与转寄) beyond those every case has ({@code CaseVariables}):
 * the buyer's new address, what the courier answered, and the agent's decision on 改址后续处理.
 */
public final class ParcelRedirectVariables {
  /** The buyer's new name, phone and address, given with an ADDRESS_CHANGE case. */
  public static final String NEW_ADDRESS = "newAddress";
  /** Whether the courier took the instruction (改址 or 转邮政). */
  public static final String REDIRECT_ACCEPTED = "redirectAccepted";
  /** The courier's answer in words, for the agent's form and the timeline. */
  public static final String REDIRECT_NOTE = "redirectNote";
  /** The agent's decision on 改址后续处理: CLOSE, RETURN_REFUND or RESHIP. */
  public static final String REDIRECT_DECISION = "redirectDecision";

  private final VariableScope scope;

  private ParcelRedirectVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ParcelRedirectVariables of(VariableScope scope) {
    return new ParcelRedirectVariables(scope);
  }

  /** What an address change starts with besides the case's own variables. */
  public static Map<String, Object> atStart(String newAddress) {
    return Map.of(NEW_ADDRESS, newAddress);
  }

  public String newAddress() {
    return (String) scope.getVariable(NEW_ADDRESS);
  }

  public void answered(CourierGateway.RedirectAnswer answer) {
    scope.setVariable(REDIRECT_ACCEPTED, answer.accepted());
    scope.setVariable(REDIRECT_NOTE, answer.note());
  }
}
