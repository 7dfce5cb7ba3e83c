package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Leaves a remark (备注) on the order while the case goes on. Inputs: {@code text}, the remark, and
 * {@code flag}, its colour, which the case then carries in the ledger (when not set: BLUE, and the case's flag
 * stays as a person set it).
 */
@Component
public class AddOrderRemarkDelegate implements JavaDelegate {
  private final OrderRemarks remarks;

  public AddOrderRemarkDelegate(OrderRemarks remarks) {
    this.remarks = remarks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String text = TaskInputs.required(execution, "text");
    RemarkFlag flag = TaskInputs.choice(execution, "flag", RemarkFlag.class, null);
    if (flag == null) {
      remarks.add(vars.orderNo(), vars.caseNo(), text, CaseIntake.SYSTEM);
    } else {
      remarks.add(vars.orderNo(), vars.caseNo(), text, CaseIntake.SYSTEM, flag);
    }
  }
}
