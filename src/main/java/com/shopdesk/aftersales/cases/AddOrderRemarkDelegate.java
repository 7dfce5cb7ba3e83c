package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Leaves a remark (备注) on the order while the case goes on. Inputs: {@code text}, the remark, and
 * {@code flag}, its colour (BLUE when not set; YELLOW when the buyer is still owed something).
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
    remarks.add(vars.orderNo(), vars.caseNo(), TaskInputs.required(execution, "text"), CaseIntake.SYSTEM,
        TaskInputs.choice(execution, "flag", RemarkFlag.class, RemarkFlag.BLUE));
  }
}
