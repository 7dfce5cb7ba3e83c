package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.cases.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reasons a buyer picks from when pressing 申请退款 on the platform, and the desk's reason each one is. A reason
 * not in this list opens no case: the refund waits in the desk's list of platform refunds for an agent, rather than
 * being taken as something the buyer did not say.
 */
public final class PlatformReasons {
  private static final Map<String, Reason> REASONS = new LinkedHashMap<>();

  static {
    REASONS.put("七天无理由退换货", Reason.NO_REASON);
    REASONS.put("不想要了", Reason.NO_REASON);
    REASONS.put("拍错/多拍", Reason.PERSONAL);
    REASONS.put("质量问题", Reason.QUALITY);
    REASONS.put("商品破损", Reason.DAMAGED);
    REASONS.put("与商品描述不符", Reason.NOT_AS_DESCRIBED);
    REASONS.put("卖家发错货", Reason.WRONG_ITEM);
    REASONS.put("少件/漏发", Reason.MISSING_ITEM);
    REASONS.put("赠品漏发", Reason.MISSING_GIFT);
    REASONS.put("快递丢件", Reason.LOST);
    REASONS.put("未按约定时间发货", Reason.PICKUP_TIMEOUT);
    REASONS.put("物流长时间未更新", Reason.STALLED);
    REASONS.put("商品降价", Reason.PRICE_DIFFERENCE);
    REASONS.put("退运费", Reason.SHIPPING_FEE);
    REASONS.put("多付邮费", Reason.OVERPAID_SHIPPING);
    REASONS.put("优惠未使用", Reason.DISCOUNT_MISSED);
  }

  private PlatformReasons() {}

  public static Optional<Reason> of(String platformReason) {
    return Optional.ofNullable(platformReason == null ? null : REASONS.get(platformReason.strip()));
  }

  /** The platform's wording of every reason the desk takes, for error messages and the sandbox. */
  public static String known() {
    return String.join("、", REASONS.keySet());
  }
}
