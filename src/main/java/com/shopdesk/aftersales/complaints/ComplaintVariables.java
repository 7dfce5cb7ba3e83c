package com.shopdesk.aftersales.complaints;

import com.shopdesk.aftersales.api.Money;
import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The variables of the process {@code complaint} beyond every case's own ({@code CaseVariables}), read and written
 * here. The form fields (evidence, judgement, appeal) are named here too, so the diagram, forms and tests agree.
 */
public final class ComplaintVariables {
  /** The case the complaint is about (the number given at intake); the ledger keeps it as {@code linkedFrom}. */
  public static final String LINKED_CASE = "linkedCase";
  /** "AS… 退货退款（质量问题）¥128.00，处理中" for the forms. */
  public static final String LINKED_CASE_TEXT = "linkedCaseText";
  /** 投诉 or 平台介入. */
  public static final String COMPLAINT_KIND = "complaintKind";
  /**
   * The platform's response deadline (a Date): the due date of the evidence task, and the managers' escalation
   * {@code complaint-escalation-lead} before it (both through {@code deadlines}).
   */
  public static final String PLATFORM_DEADLINE = "platformDeadline";
  public static final String PLATFORM_DEADLINE_TEXT = "platformDeadlineText";
  /** Whether the platform named the deadline (else the desk's configured working days). */
  public static final String DEADLINE_SOURCE = "platformDeadlineSource";
  public static final String ESCALATED = "escalated";
  // the evidence form
  public static final String CHAT_RECORD = "chatRecord";
  public static final String SIGNED_PROOF = "signedProof";
  public static final String UNBOXING_VIDEO = "unboxingVideo";
  public static final String STATEMENT = "statement";
  // the judgement form
  public static final String JUDGEMENT = "judgement";
  public static final String PLATFORM_REFUND_AMOUNT = "platformRefundAmount";
  public static final String APPEAL = "appeal";
  public static final String JUDGEMENT_NOTE = "judgementNote";
  // the appeal form
  public static final String APPEAL_RESULT = "appealResult";
  public static final String APPEAL_NOTE = "appealNote";

  private final VariableScope scope;

  private ComplaintVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ComplaintVariables of(VariableScope scope) {
    return new ComplaintVariables(scope);
  }

  static VariableMap atStart(String linkedCase, String linkedCaseText, String kind, Date deadline, String deadlineText,
      boolean deadlineGiven) {
    return Variables.createVariables()
        .putValue(LINKED_CASE, linkedCase)
        .putValue(LINKED_CASE_TEXT, linkedCaseText)
        .putValue(COMPLAINT_KIND, kind)
        .putValue(PLATFORM_DEADLINE, deadline)
        .putValue(PLATFORM_DEADLINE_TEXT, deadlineText)
        .putValue(DEADLINE_SOURCE, deadlineGiven ? "平台给出" : "按工作日计算");
  }

  public String linkedCase() {
    return (String) scope.getVariable(LINKED_CASE);
  }

  public BigDecimal platformRefundAmount() {
    Object value = scope.getVariable(PLATFORM_REFUND_AMOUNT);
    return value == null ? BigDecimal.ZERO.setScale(2) : Money.of((Number) value);
  }

  public String judgementNote() {
    Object value = scope.getVariable(JUDGEMENT_NOTE);
    return value == null ? "" : value.toString();
  }
}
