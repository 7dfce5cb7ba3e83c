package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.cases.CaseAnswers;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case born on the platform answers there: each message to the buyer becomes a message on the refund (and, when
 * it gives the return address on a 退货退款 request, 同意退货 with that address), each remark the order's remark, and
 * a case that closes without the refund being paid refuses it with the closing remark as the reason. Each answer is
 * one instance of {@code platform-reply}, started in the transaction that made the decision, so no decision is
 * lost and none is sent for a decision that rolled back. Cases opened by hand answer nowhere but the desk.
 */
@Component
public class PlatformReplies {
  /** Resolutions that leave the refund to something else: paid (by the refund step), withdrawn, handed over. */
  private static final Set<String> NOT_REFUSED = Set.of("REFUNDED", "WITHDRAWN", "TO_RETURN", "TO_EXCHANGE", "TO_RESHIP");

  private final PlatformCases platformCases;
  private final RuntimeService runtime;

  public PlatformReplies(PlatformCases platformCases, RuntimeService runtime) {
    this.platformCases = platformCases;
    this.runtime = runtime;
  }

  @EventListener
  public void onMessage(CaseAnswers.BuyerMessaged message) {
    platformCases.ofCase(message.caseNo()).ifPresent(refund -> {
      if (message.returnAddress() != null && refund.goodsReturned()) {
        send(new PlatformReplyVariables(PlatformReplyVariables.Action.AGREE_RETURN, refund.refundId(),
            message.orderNo(), message.caseNo(), null, null, message.returnAddress()));
      }
      send(new PlatformReplyVariables(PlatformReplyVariables.Action.MESSAGE, refund.refundId(), message.orderNo(),
          message.caseNo(), message.text(), null, null));
    });
  }

  @EventListener
  public void onRemark(CaseAnswers.RemarkLeft remark) {
    platformCases.ofCase(remark.caseNo()).ifPresent(refund -> send(new PlatformReplyVariables(
        PlatformReplyVariables.Action.MEMO, refund.refundId(), remark.orderNo(), remark.caseNo(), remark.text(),
        remark.flag(), null)));
  }

  @EventListener
  public void onClosed(CaseAnswers.CaseClosed closed) {
    if (NOT_REFUSED.contains(closed.resolution())) {
      return;
    }
    platformCases.ofCase(closed.caseNo()).ifPresent(refund -> send(new PlatformReplyVariables(
        PlatformReplyVariables.Action.REFUSE, refund.refundId(), closed.orderNo(), closed.caseNo(), closed.remark(),
        null, null)));
  }

  private void send(PlatformReplyVariables reply) {
    runtime.startProcessInstanceByKey(PlatformReplyVariables.PROCESS, reply.refundId(), reply.start());
  }
}
