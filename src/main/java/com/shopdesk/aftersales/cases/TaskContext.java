package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.Money;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What every task form shows beside its own fields, written on the task when it is created: its deadline, the
 * amounts as money, the buyer's note, and the case's parcels with their latest tracking; the case and order
 * numbers too, which a group member may read on the task without reading the whole case. Added to every user
 * task by {@link DeskTaskListeners}, so analysts need not model it; forms read them as task variables.
 */
@Component
public class TaskContext implements TaskListener {
  /** The task-local variables written here; derived from the case, so the engine keeps no history of them. */
  public static final Set<String> DISPLAY_VARIABLES = Set.of(CaseVariables.CASE_NO, CaseVariables.ORDER_NO,
      "deadline", "amountText", "refundAmountText", "shippingFeeText", "noteText", "parcelsText");
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm（EEEE）", Locale.CHINA)
      .withZone(ZoneId.of("Asia/Shanghai"));
  private final CaseLedger ledger;
  private final CaseParcels parcels;

  public TaskContext(CaseLedger ledger, CaseParcels parcels) {
    this.ledger = ledger;
    this.parcels = parcels;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseVariables vars = CaseVariables.of(task.getExecution());
    boolean amounts = task.hasVariable(CaseVariables.AMOUNT);
    // on the task itself, so the Tasklist filters' columns show them to whoever may read the task's variables
    task.setVariableLocal(CaseVariables.CASE_NO, vars.caseNo());
    task.setVariableLocal(CaseVariables.ORDER_NO, vars.orderNo());
    task.setVariableLocal("deadline", task.getDueDate() == null ? "无" : DUE.format(task.getDueDate().toInstant()));
    task.setVariableLocal("amountText", amounts ? Money.format(vars.amount()) : "—");
    task.setVariableLocal("refundAmountText", amounts ? Money.format(vars.refundAmount()) : "—");
    task.setVariableLocal("shippingFeeText",
        task.hasVariable(CaseVariables.SHIPPING_FEE) ? Money.format(vars.shippingFee()) : "—");
    task.setVariableLocal("noteText",
        ledger.find(vars.caseNo()).map(CaseRecord::note).filter(n -> !n.isBlank()).orElse("（无）"));
    task.setVariableLocal("parcelsText", parcels.describe(vars.orderNo(), vars.caseNo()));
  }
}
