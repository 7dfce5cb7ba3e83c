package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.TaskInputs;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.OrderStatus;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A return or exchange was agreed: while the buyer has not confirmed receipt, the platform extends the time to
 * confirm (延长收货), so the order does not complete and settle while the goods travel back. Once per order,
 * recorded on it. Input {@code days}: 3, 5, 7 or 10 (default 10), as the platform allows.
 */
@Component
public class ExtendReceiptDelegate implements JavaDelegate {
  static final int DEFAULT_DAYS = 10;
  private final PlatformGateway platform;
  private final OrderRepository orders;
  private final CaseTimeline timeline;

  public ExtendReceiptDelegate(PlatformGateway platform, OrderRepository orders, CaseTimeline timeline) {
    this.platform = platform;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    Order order = orders.find(vars.orderNo()).orElseThrow();
    if (order.confirmedByBuyer() || order.status() == OrderStatus.UNSHIPPED
        || orders.receiptExtension(order.orderNo()).isPresent()) {
      return;
    }
    int days = days(execution);
    if (!platform.extendReceipt(order.orderNo(), days)) {
      timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "平台显示订单已不在等待买家确认收货，无需延长收货", null);
      return;
    }
    orders.recordReceiptExtension(order.orderNo(), days, OffsetDateTime.now());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "已在平台为买家延长收货 " + days + " 天", null);
  }

  /** The platform extends by 3, 5, 7 or 10 days. */
  private static int days(DelegateExecution execution) {
    String input = TaskInputs.optional(execution, "days");
    if (input == null) {
      return DEFAULT_DAYS;
    }
    return switch (input.strip()) {
      case "3", "5", "7", "10" -> Integer.parseInt(input.strip());
      default -> throw new IllegalStateException("The service task '" + execution.getCurrentActivityName()
          + "' sets the input parameter 'days' to '" + input + "'; the platform extends by 3, 5, 7 or 10 days");
    };
  }
}
