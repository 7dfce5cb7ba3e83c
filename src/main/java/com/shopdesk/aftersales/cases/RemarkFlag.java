package com.shopdesk.aftersales.cases;

/**
 * The colour of a remark, as the platform's seller memo (卖家备注旗帜) offers them. The desk uses blue for
 * after-sales notes and yellow for something still owed to the buyer, e.g. a promised sample; the others are
 * the shop's own.
 */
public enum RemarkFlag {
  RED("红旗"),
  YELLOW("黄旗"),
  GREEN("绿旗"),
  BLUE("蓝旗"),
  PURPLE("紫旗");

  private final String label;

  RemarkFlag(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
