package com.shopdesk.aftersales.cases;

/**
 * What the desk tells the buyer and writes on the order, published as it happens (in the transaction that does it),
 * for whoever passes it on: a case born on the platform answers there too ({@code platform/PlatformReplies}).
 */
public final class CaseAnswers {
  private CaseAnswers() {}

  /** A message to the buyer; {@code returnAddress} set when the message agrees a return and gives its address. */
  public record BuyerMessaged(String caseNo, String orderNo, String text, String returnAddress) {}

  /** A remark (备注) written on the order, as the order shows it ("售后 AS…：…"), with its flag. */
  public record RemarkLeft(String caseNo, String orderNo, String text, RemarkFlag flag) {}

  /** The case closed with this resolution (REFUNDED, REJECTED, …) and closing remark. */
  public record CaseClosed(String caseNo, String orderNo, String resolution, String remark) {}
}
