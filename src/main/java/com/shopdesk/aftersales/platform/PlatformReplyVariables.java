package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.cases.RemarkFlag;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables of the process {@code platform-reply} (答复平台): which answer, on which refund and order. */
record PlatformReplyVariables(PlatformReplyVariables.Action action, String refundId, String orderNo, String caseNo,
    String text, RemarkFlag flag, String address) {
  static final String PROCESS = "platform-reply";

  /** The platform's operations the desk answers with: 同意退货, 拒绝退款, 备注, 留言 (agreeing a refund is the refund step's). */
  enum Action { AGREE_RETURN, REFUSE, MEMO, MESSAGE }

  static PlatformReplyVariables of(DelegateExecution execution) {
    Object flag = execution.getVariable("flag");
    return new PlatformReplyVariables(Action.valueOf((String) execution.getVariable("action")),
        (String) execution.getVariable("refundId"), (String) execution.getVariable("orderNo"),
        (String) execution.getVariable("caseNo"), (String) execution.getVariable("text"),
        flag == null ? null : RemarkFlag.valueOf((String) flag), (String) execution.getVariable("address"));
  }

  Map<String, Object> start() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("action", action.name());
    vars.put("refundId", refundId);
    vars.put("orderNo", orderNo);
    vars.put("caseNo", caseNo);
    vars.put("text", text);
    vars.put("flag", flag == null ? null : flag.name());
    vars.put("address", address);
    return vars;
  }
}
