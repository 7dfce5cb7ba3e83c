package com.shopdesk.aftersales.platform.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderStatus;
import com.shopdesk.aftersales.orders.PaymentChannel;
import com.shopdesk.aftersales.platform.PlatformRefund;
import com.shopdesk.aftersales.platform.PlatformRefundState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * TOP's JSON as the desk's records: a refund of the seller's refund list ({@code taobao.refunds.receive.get}) as a
 * {@link PlatformRefund}, a trade ({@code taobao.trade.fullinfo.get}) as an {@link Order}. Times are Beijing time
 * without a zone ("yyyy-MM-dd HH:mm:ss"), money is yuan as text ("200.07"), and a list comes wrapped in an object
 * named after its element ({@code "refunds":{"refund":[…]}}), absent when empty.
 */
final class TopRecords {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter TOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * cs_status (客服介入状态) values in which the platform's customer service stepped in: 需要客服介入 2, 客服已经介入 3,
   * 客服初审完成 4, 客服主管复审失败 5, 客服处理完成 6, 支持买家 8, 支持卖家 9, 举证中 10, 开放申诉 11. Not 1 (不需客服介入) nor
   * 7 (系统撤销/维权撤销): nobody from the platform is deciding that refund.
   */
  private static final Set<Integer> INTERVENED = Set.of(2, 3, 4, 5, 6, 8, 9, 10, 11);

  private TopRecords() {}

  /** The elements of a TOP list ({@code parent.wrapper.element}); none when the wrapper is absent. */
  static List<JsonNode> list(JsonNode parent, String wrapper, String element) {
    JsonNode items = parent.path(wrapper).path(element);
    if (items.isArray()) {
      List<JsonNode> all = new ArrayList<>();
      items.forEach(all::add);
      return all;
    }
    return items.isObject() ? List.of(items) : List.of();
  }

  /** A TOP text field; null when absent, JSON null or blank. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** The refund status as the desk says it; empty for a status it does not know (e.g. an exchange's). */
  static Optional<PlatformRefundState> state(String status) {
    if (status == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(PlatformRefundState.valueOf(status));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** TOP's Beijing time as an instant; null when absent. */
  static Instant instant(String beijingTime) {
    return beijingTime == null ? null : LocalDateTime.parse(beijingTime, TOP_TIME).atZone(BEIJING).toInstant();
  }

  static String beijingTime(Instant instant) {
    return instant.atZone(BEIJING).format(TOP_TIME);
  }

  /** TOP's yuan text as an amount; null when absent. */
  static BigDecimal yuan(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  /**
   * A refund of the seller's refund list, or null for a status the desk does not know ({@link #state}). The line
   * asked about is named by the item's 商家编码 ({@code outer_id}), as the shop's SKUs are, and {@code num}.
   */
  static PlatformRefund refund(JsonNode refund) {
    Optional<PlatformRefundState> state = state(text(refund, "status"));
    if (state.isEmpty()) {
      return null;
    }
    int quantity = refund.path("num").asInt(0);
    return new PlatformRefund(text(refund, "refund_id"), text(refund, "tid"), state.get(),
        refund.path("has_good_return").asBoolean(false), yuan(text(refund, "refund_fee")), text(refund, "reason"),
        text(refund, "desc"), text(refund, "outer_id"), quantity > 0 ? quantity : null,
        TopCarriers.code(text(refund, "company_name")), text(refund, "sid"),
        INTERVENED.contains(refund.path("cs_status").asInt(0)), instant(text(refund, "modified")));
  }

  /**
   * A trade as the shop records its order. The buyer is known by nick (or, where the application only gets the
   * buyer's OpenUID, by that), and named, reached and addressed as the receiver the trade ships to — the platform may
   * give these masked (脱敏) to an application without the decryption right; they are kept as given. Every line is of
   * {@code category} (TOP's item categories are not the shop's). The sign-off time is not on the trade (the tracking
   * brings it), so {@code deliveredAt} stays unknown; nor is the no-reason window's end.
   */
  static Order order(JsonNode trade, String category) {
    String orderNo = text(trade, "tid");
    String status = text(trade, "status");
    List<JsonNode> lines = list(trade, "orders", "order");
    if (lines.isEmpty()) {
      throw new IllegalStateException("淘宝订单 " + orderNo + " 没有商品明细（orders）");
    }
    List<Order.Item> items = lines.stream().map(line -> new Order.Item(
        first(text(line, "outer_sku_id"), text(line, "outer_iid"), text(line, "num_iid")), text(line, "title"),
        category, line.path("num").asInt(), yuan(text(line, "price")))).toList();
    String buyerId = first(text(trade, "buyer_nick"), text(trade, "buyer_open_uid"));
    Order.Buyer buyer = new Order.Buyer(buyerId, first(text(trade, "receiver_name"), buyerId),
        first(text(trade, "receiver_mobile"), text(trade, "receiver_phone")), address(trade),
        null); // TOP no longer gives the buyer's Alipay account
    return new Order(orderNo, buyer, items, yuan(text(trade, "payment")), null, status(orderNo, status, trade),
        shipment(trade, lines.get(0)), null, null, "TRADE_FINISHED".equals(status), PaymentChannel.BALANCE);
  }

  /**
   * TOP's trade status as the desk's: not yet sent (unpaid, paid, paid but held) UNSHIPPED; sent, wholly or in part,
   * SHIPPED; signed for (COD) or finished DELIVERED. A closed trade (refunded in full, or never paid) has no status
   * of its own here: it is SHIPPED when the seller had sent it ({@code consign_time}), else UNSHIPPED.
   */
  private static OrderStatus status(String orderNo, String status, JsonNode trade) {
    return switch (status == null ? "" : status) {
      case "TRADE_NO_CREATE_PAY", "WAIT_BUYER_PAY", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM", "WAIT_SELLER_SEND_GOODS",
          "PAID_FORBID_CONSIGN" -> OrderStatus.UNSHIPPED;
      case "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS" -> OrderStatus.SHIPPED;
      case "TRADE_BUYER_SIGNED", "TRADE_FINISHED" -> OrderStatus.DELIVERED;
      case "TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO" ->
          text(trade, "consign_time") != null ? OrderStatus.SHIPPED : OrderStatus.UNSHIPPED;
      default -> throw new IllegalStateException("淘宝订单 " + orderNo + " 的交易状态「" + status + "」桌面不认识");
    };
  }

  /** The shop's parcel as the first line names it (物流公司, 运单号), when it has been sent. */
  private static Order.Shipment shipment(JsonNode trade, JsonNode line) {
    String company = text(line, "logistics_company");
    String trackingNo = text(line, "invoice_no");
    if (company == null || trackingNo == null) {
      return null;
    }
    String sent = first(text(line, "consign_time"), text(trade, "consign_time"));
    return new Order.Shipment(TopCarriers.code(company), trackingNo,
        sent == null ? null : OffsetDateTime.ofInstant(instant(sent), BEIJING));
  }

  private static String address(JsonNode trade) {
    String joined = Stream.of("receiver_state", "receiver_city", "receiver_district", "receiver_town",
            "receiver_address")
        .map(field -> text(trade, field)).filter(part -> part != null).collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }

  private static String first(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
