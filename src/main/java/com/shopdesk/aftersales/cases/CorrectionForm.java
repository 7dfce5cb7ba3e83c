package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The variables of the case-correction process, as its start form (修改售后申请) names them: the same fields as
 * {@code PATCH /api/cases/{caseNo}}. Read strictly: a value that is not one of the desk's request types or reasons
 * is refused, not guessed at.
 */
record CorrectionForm(String caseNo, RequestType request, Reason reason, String note) {
  static final String CASE_NO = "caseNo";
  static final String REQUEST = "request";
  static final String REASON = "reason";
  static final String NOTE = "note";

  static CorrectionForm of(DelegateExecution execution) {
    String caseNo = text(execution, CASE_NO, "售后单号");
    if (caseNo == null) {
      throw ApiException.badRequest(CASE_NO, "caseNo is required").forDesk("请填写售后单号");
    }
    RequestType request = choice(execution, REQUEST, RequestType.class, "申请类型");
    Reason reason = choice(execution, REASON, Reason.class, "原因");
    if (request == null && reason == null) {
      throw ApiException.badRequest(REASON, "name the corrected request, reason or both")
          .forDesk("请选择要改成的申请类型或原因（至少一项）");
    }
    return new CorrectionForm(caseNo.trim(), request, reason, text(execution, NOTE, "更正说明"));
  }

  private static String text(DelegateExecution execution, String name, String label) {
    Object value = execution.getVariable(name);
    if (value != null && !(value instanceof String)) {
      throw ApiException.badRequest(name, name + " must be text").forDesk(label + "应为文字");
    }
    String text = (String) value;
    return text == null || text.isBlank() ? null : text;
  }

  private static <E extends Enum<E>> E choice(DelegateExecution execution, String name, Class<E> type, String label) {
    String value = text(execution, name, label);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw ApiException.badRequest(name, name + " " + value + " is not one of the desk's values")
          .forDesk(label + " " + value + " 不是可选的值");
    }
  }
}
