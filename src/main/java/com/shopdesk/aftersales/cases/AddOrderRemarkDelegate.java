package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Leaves a remark (备注) on the order while the case goes on. Inputs: {@code text}, the remark, and optionally
 * {@code flag}, its colour. BLUE, the default, is the desk's own after-sales note: the case's flag stays as a person
 * set it (a yellow one is still owed), as for every other remark a process leaves. Any other colour the case then
 * carries in the ledger. So the template's default, which Modeler writes when the template is applied, means the
 * same as no flag at all.
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
    RemarkFlag flag = TaskInputs.choice(execution, "flag", RemarkFlag.class, RemarkFlag.BLUE);
    if (flag == RemarkFlag.BLUE) {
      remarks.add(vars.orderNo(), vars.caseNo(), text, CaseIntake.SYSTEM);
    } else {
      remarks.add(vars.orderNo(), vars.caseNo(), text, CaseIntake.SYSTEM, flag);
    }
  }
}
