package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.cases.CaseTimeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends one answer of {@code platform-reply} to the platform (see {@link PlatformReplies}). The adapter reads the
 * refund or order first and does nothing twice, so a retry after an answer that never arrived is harmless. The
 * decisions (同意退货, 拒绝退款) go on the case's timeline; messages and remarks are there already.
 */
@Component
public class SendPlatformReplyDelegate implements JavaDelegate {
  private final PlatformGateway platform;
  private final CaseTimeline timeline;

  public SendPlatformReplyDelegate(PlatformGateway platform, CaseTimeline timeline) {
    this.platform = platform;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlatformReplyVariables reply = PlatformReplyVariables.of(execution);
    try {
      send(reply);
    } catch (RuntimeException e) {
      // the incident a manager reads in Cockpit names the case and the answer, not only what the platform said
      throw new IllegalStateException("售后单 " + reply.caseNo() + " 的答复（" + label(reply.action()) + "，平台退款单 "
          + reply.refundId() + "）未能送到平台：" + e.getMessage(), e);
    }
  }

  private static String label(PlatformReplyVariables.Action action) {
    return switch (action) {
      case AGREE_RETURN -> "同意退货";
      case REFUSE -> "拒绝退款";
      case MEMO -> "备注";
      case MESSAGE -> "留言";
    };
  }

  private void send(PlatformReplyVariables reply) {
    switch (reply.action()) {
      case AGREE_RETURN -> {
        platform.agreeReturn(reply.refundId(), reply.address());
        timeline.record(reply.caseNo(), CaseTimeline.Kind.STEP, "已在平台同意退货（平台退款单 " + reply.refundId()
            + "），退货地址：" + reply.address(), null);
      }
      case REFUSE -> {
        platform.refuseRefund(reply.refundId(), reply.text());
        timeline.record(reply.caseNo(), CaseTimeline.Kind.STEP, "已在平台拒绝退款（平台退款单 " + reply.refundId()
            + "）：" + reply.text(), null);
      }
      case MEMO -> platform.leaveMemo(reply.orderNo(), reply.text(), reply.flag());
      case MESSAGE -> platform.leaveMessage(reply.refundId(), reply.text());
    }
  }
}
