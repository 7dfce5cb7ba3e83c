package com.shopdesk.aftersales.config;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.guard.deploy.DiagramHelper;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Money rules ({@code aftersales.*}) that diagrams and decision inputs read as {@code ${policy.…}}:
 * the "0-second refund" limit, the return-shipping estimate the resolution table weighs, and the refund above
 * which a manager approves first. The return shipping the seller pays back has no cap: what is plausible is the
 * analysts' table bpmn/return-shipping-check.dmn.
 */
@DiagramHelper
@Component("policy")
@ConfigurationProperties("aftersales")
public class Policy {
  private BigDecimal autoRefundLimit = new BigDecimal("200.00");
  private BigDecimal returnShippingEstimate = new BigDecimal("12.00");
  private BigDecimal managerApprovalLimit = new BigDecimal("1000.00");
  private BigDecimal postalTransferCost = new BigDecimal("30.00");

  public double getAutoRefundLimit() {
    return autoRefundLimit.doubleValue();
  }

  public void setAutoRefundLimit(BigDecimal autoRefundLimit) {
    this.autoRefundLimit = autoRefundLimit;
  }

  public double getReturnShippingEstimate() {
    return returnShippingEstimate.doubleValue();
  }

  public void setReturnShippingEstimate(BigDecimal returnShippingEstimate) {
    this.returnShippingEstimate = returnShippingEstimate;
  }

  public double getManagerApprovalLimit() {
    return managerApprovalLimit.doubleValue();
  }

  public void setManagerApprovalLimit(BigDecimal managerApprovalLimit) {
    this.managerApprovalLimit = managerApprovalLimit;
  }

  /**
   * What a courier charges to hand a parcel it cannot deliver to the postal service (转邮政); the analysts' table
   * bpmn/postal-transfer.dmn weighs it against the order's value.
   */
  public double getPostalTransferCost() {
    return postalTransferCost.doubleValue();
  }

  public void setPostalTransferCost(BigDecimal postalTransferCost) {
    this.postalTransferCost = postalTransferCost;
  }
}
