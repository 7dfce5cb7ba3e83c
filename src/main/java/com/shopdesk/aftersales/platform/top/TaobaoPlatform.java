package com.shopdesk.aftersales.platform.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.platform.PlatformGateway;
import com.shopdesk.aftersales.platform.PlatformRefund;
import com.shopdesk.aftersales.platform.PlatformRefundState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taobao/Tmall as the desk's sales platform ({@code aftersales.adapters.platform=taobao}), over {@link TopClient}.
 * <p>
 * 延长收货 ({@code taobao.trade.receivetime.delay}) is made safe to repeat: before asking, the desk reads the order's
 * confirm-receipt deadline ({@code taobao.trade.get}, {@code timeout_action_time}) and keeps it, outside the step's
 * transaction, in {@code platform_calls}. A retry after an answer that never arrived reads the deadline again: if
 * it moved by the days asked, the platform did it, and it is not asked twice. An order that no longer waits for the
 * buyer's confirmation ({@code status} other than WAIT_BUYER_CONFIRM_GOODS) is not extended.
 * <p>
 * The seller's answers to a refund (同意退款, 拒绝退款, 同意退货, 留言) and the order's remark (备注) are made safe to repeat
 * the other way: each first reads the refund ({@code taobao.refund.get}) or the order as the platform has it now, and
 * writes only what is not there yet. A write whose answer never arrived (timeout, 5xx) is an exception, and the step's
 * retry reads the platform again: what the lost answer did is found done, and is not done twice. The refund read
 * also brings the {@code refund_version} and {@code refund_phase} (售中/售后) that Tmall's writes must carry.
 * <p>
 * The platform's refusals ({@code error_response}) come back from {@link TopClient} as an exception whose message
 * names its {@code code} and {@code sub_code}; that message is the only place the sub code is, and the one refusal
 * read here ({@code isv.trade-not-exist}: the order is not on the platform) is recognised in it.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.platform", havingValue = "taobao")
@EnableConfigurationProperties(TopSettings.class)
public class TaobaoPlatform implements PlatformGateway {
  private static final Logger log = LoggerFactory.getLogger(TaobaoPlatform.class);
  private static final DateTimeFormatter TOP_TIME = TopRecords.TOP_TIME;
  private static final String WAITING_FOR_BUYER = "WAIT_BUYER_CONFIRM_GOODS";

  /**
   * What the refund list gives of each refund (taobao.refunds.receive.get). outer_id and num are in the list's
   * Refund structure though not in the {@code fields} its documentation lists; cs_status is in the platform's shared
   * Refund structure (taobao.refund.get's) only: asked for all the same, and a refund without it is not intervened.
   */
  static final String REFUND_LIST_FIELDS = "refund_id,tid,oid,status,modified,refund_fee,reason,desc,has_good_return,"
      + "outer_id,num,sid,company_name,cs_status";
  /** What an answer to a refund reads first (taobao.refund.get). */
  static final String REFUND_FIELDS = "refund_id,tid,status,refund_fee,refund_version,refund_phase";
  /** What the order import reads of a trade (taobao.trade.fullinfo.get); {@code orders} brings every line whole. */
  static final String TRADE_FIELDS = "tid,status,payment,buyer_nick,buyer_open_uid,receiver_name,receiver_mobile,"
      + "receiver_phone,receiver_state,receiver_city,receiver_district,receiver_town,receiver_address,orders,"
      + "consign_time,end_time";
  /** TOP's page size limit for the refund list. */
  static final int PAGE_SIZE = 100;
  /** The seller memo's limit (卖家交易备注, taobao.trade.memo.update: 最大长度 1000 个字节), counted in UTF-8. */
  static final int MEMO_LIMIT_BYTES = 1000;
  /** A refund message's limit (taobao.refund.message.add: 留言内容最大长度 400 个字节), counted in UTF-8. */
  static final int MESSAGE_LIMIT_BYTES = 400;
  /** The order-not-found refusal of taobao.trade.fullinfo.get. */
  static final String TRADE_NOT_FOUND = "isv.trade-not-exist";
  private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

  private final TopClient top;
  private final TopSettings settings;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public TaobaoPlatform(TopSettings settings, ObjectMapper json, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    settings.check();
    this.top = new TopClient(settings, json);
    this.settings = settings;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public boolean extendReceipt(String orderNo, int days) {
    JsonNode trade = top.call("taobao.trade.get", Map.of("tid", orderNo, "fields", "tid,status,timeout_action_time"))
        .path("trade");
    if (!WAITING_FOR_BUYER.equals(trade.path("status").asText())) {
      return false;
    }
    String deadline = trade.path("timeout_action_time").asText();
    String key = orderNo + ":receivetime.delay";
    List<String> before = jdbc.queryForList("SELECT observed FROM platform_calls WHERE call_key = ?", String.class, key);
    if (!before.isEmpty() && movedBy(before.get(0), deadline, days)) {
      return true; // asked before; the answer was lost, but the platform extended it
    }
    if (before.isEmpty()) {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO platform_calls (call_key, observed, created_at) VALUES (?, ?, ?)", key, deadline,
          Timestamp.from(Instant.now())));
    }
    top.call("taobao.trade.receivetime.delay", Map.of("tid", orderNo, "days", String.valueOf(days)));
    return true;
  }

  private static boolean movedBy(String before, String now, int days) {
    try {
      return !Duration.between(LocalDateTime.parse(before, TOP_TIME), LocalDateTime.parse(now, TOP_TIME))
          .minusDays(days).isNegative();
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /**
   * All pages of the seller's refund list ({@code taobao.refunds.receive.get}) changed in [from, to), the
   * {@code has_next} way (no total counted, which TOP says is the surer way to read changes). TOP takes seconds of
   * Beijing time and its end may be inclusive: the end asked is {@code to} rounded up to the second, and what the
   * platform gives outside [from, to) is left to the next window, so each change falls in exactly one window. A
   * refund seen twice (it changed while the pages were read) counts once, as its later change. A refund in a status
   * the desk does not know (an exchange's, e.g. WAIT_SELLER_CONSIGN_GOODS) is left out and logged.
   */
  @Override
  public List<PlatformRefund> refundsModified(Instant from, Instant to) {
    String start = TopRecords.beijingTime(from);
    Instant endSecond = to.truncatedTo(ChronoUnit.SECONDS);
    String end = TopRecords.beijingTime(endSecond.equals(to) ? to : endSecond.plusSeconds(1));
    Map<String, PlatformRefund> byId = new LinkedHashMap<>();
    for (int page = 1; ; page++) {
      JsonNode answer = top.call("taobao.refunds.receive.get", Map.of("fields", REFUND_LIST_FIELDS,
          "start_modified", start, "end_modified", end, "page_no", String.valueOf(page),
          "page_size", String.valueOf(PAGE_SIZE), "use_has_next", "true"));
      List<JsonNode> refunds = TopRecords.list(answer, "refunds", "refund");
      for (JsonNode refund : refunds) {
        PlatformRefund mapped = TopRecords.refund(refund);
        if (mapped == null) {
          log.warn("淘宝退款 {}（订单 {}）的状态 {} 桌面不认识，未导入", refund.path("refund_id").asText(),
              refund.path("tid").asText(), refund.path("status").asText());
          continue;
        }
        if (mapped.modified() != null && (mapped.modified().isBefore(from) || !mapped.modified().isBefore(to))) {
          continue;
        }
        byId.merge(mapped.refundId(), mapped, (seen, again) -> later(seen, again));
      }
      if (refunds.isEmpty() || !answer.path("has_next").asBoolean(false)) {
        return List.copyOf(byId.values());
      }
    }
  }

  private static PlatformRefund later(PlatformRefund seen, PlatformRefund again) {
    return seen.modified() != null && again.modified() != null && again.modified().isBefore(seen.modified())
        ? seen : again;
  }

  /**
   * The trade ({@code taobao.trade.fullinfo.get}) as the shop records its order ({@link TopRecords#order}); empty
   * only when the platform says there is no such trade ({@code isv.trade-not-exist}). Any other refusal, or an
   * unreachable platform, is an exception: "not found" is not a guess made on a failed call.
   */
  @Override
  public Optional<Order> order(String orderNo) {
    JsonNode answer;
    try {
      answer = top.call("taobao.trade.fullinfo.get", Map.of("tid", orderNo, "fields", TRADE_FIELDS));
    } catch (IllegalStateException e) {
      if (refused(e, "taobao.trade.fullinfo.get", TRADE_NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
    JsonNode trade = answer.path("trade");
    if (!trade.isObject()) {
      throw new IllegalStateException("淘宝开放平台的回复没有订单 " + orderNo + "（taobao.trade.fullinfo.get）");
    }
    return Optional.of(TopRecords.order(trade, settings.itemCategory()));
  }

  /**
   * 同意退款 ({@code taobao.rp.refunds.agree}, {@code refund_infos} = "refund_id|amount in fen|refund_version|
   * refund_phase", the phase only when the refund has one: Tmall's must, Taobao's need not). Read first: SUCCESS is
   * done (an earlier agreement whose answer was lost), CLOSED or SELLER_REFUSE_BUYER cannot be agreed, and a buyer
   * who asked for less than {@code amount} must change the request first — the platform pays what the request says.
   * The platform answers per refund ({@code results}); one not agreed is an exception with the platform's message.
   * Above the platform's limit it asks for the seller's SMS code (短信验证码) instead, which the desk does not have:
   * that refund is agreed in 千牛, and the step's retry then finds it SUCCESS. Returns the refund id, the platform's
   * reference for the payment.
   */
  @Override
  public String agreeRefund(String refundId, BigDecimal amount) {
    Standing refund = standing(refundId);
    PlatformRefundState state = refund.known();
    if (state == PlatformRefundState.SUCCESS) {
      return refundId;
    }
    if (!state.open()) {
      throw new IllegalStateException("淘宝退款 " + refundId + " 已是「" + state.label() + "」（" + state.name()
          + "），不能同意退款");
    }
    if (refund.fee() != null && amount.compareTo(refund.fee()) > 0) {
      throw new IllegalStateException("买家申请退款 " + refund.fee().toPlainString() + " 元，少于要退的 "
          + amount.toPlainString() + " 元：请买家修改申请金额");
    }
    String infos = String.join("|", Stream.of(refundId, fen(amount), refund.version(), refund.phase())
        .filter(part -> part != null).toList());
    JsonNode answer = top.call("taobao.rp.refunds.agree", Map.of("refund_infos", infos));
    Optional<JsonNode> mine = TopRecords.list(answer, "results", "refund_mapping_result").stream()
        .filter(result -> refundId.equals(result.path("refund_id").asText())).findFirst();
    boolean agreed = (answer.path("succ").asBoolean(false) || "OP_SUCC".equals(answer.path("msg_code").asText()))
        && mine.map(result -> result.path("succ").asBoolean(true)).orElse(true);
    if (!agreed) {
      String message = mine.map(result -> TopRecords.text(result, "message")).orElse(null);
      message = message != null ? message : TopRecords.text(answer, "message");
      throw new IllegalStateException("淘宝开放平台未同意退款 " + refundId + "：" + (message == null ? "（未说明原因）" : message)
          + (answer.hasNonNull("msg_code") ? "（" + answer.path("msg_code").asText() + "）" : "")
          + (message != null && message.contains("短信") ? "。金额需卖家短信验证：请在千牛同意这笔退款" : ""));
    }
    return refundId;
  }

  /**
   * 拒绝退款 ({@code taobao.refund.refuse}: refund_id, refuse_message, refund_version, refund_phase). Nothing when
   * the refund is no longer open (refused before, closed, refunded). {@code refuse_proof}, the proof image (e.g. the
   * shipping receipt) that Tmall's refusals must carry, is an upload this client does not make: a Tmall refusal the
   * platform turns down for it is refused in 千牛, with the picture. TOP takes 2 to 200 characters of reason.
   */
  @Override
  public void refuseRefund(String refundId, String reason) {
    Standing refund = standing(refundId);
    if (!refund.known().open()) {
      return;
    }
    JsonNode answer = top.call("taobao.refund.refuse", params("refund_id", refundId, "refuse_message", reason,
        "refund_version", refund.version(), "refund_phase", refund.phase()));
    succeeded(answer, "拒绝退款", refundId);
  }

  /**
   * 同意退货 ({@code taobao.rp.returngoods.agree}). Done when the buyer is already sending or has sent the goods
   * back, or the refund is paid (WAIT_BUYER_RETURN_GOODS, WAIT_SELLER_CONFIRM_GOODS, SUCCESS); a closed or refused
   * refund cannot be agreed for return.
   * <p>
   * The desk gives the address as one line, receiver and phone included ("浙江省嘉兴市海宁市长安镇环球仓储中心 3 号库 售后组（收）
   * 0573-8000 0000"); TOP wants it in parts, and since 2014 the seller's address-library entry
   * ({@code seller_address_id}, 卖家地址库) for Taobao and Tmall both. So the library is read
   * ({@code taobao.logistics.address.search}) and the entry whose province, city, district and street the line
   * contains is given, with its post code. The line itself goes as {@code address} and as the seller's message
   * ({@code remark}, which Tmall requires), the receiver as {@code name} ({@code aftersales.top.return-contact-name},
   * default 售后组) and the phone ({@code aftersales.top.return-contact-phone}, else the entry's) as {@code mobile}
   * or {@code tel} by its form. A line with no entry in the library is sent without one, and the platform's refusal,
   * if it makes one, names what is missing: the address is then added to the library in 千牛.
   */
  @Override
  public void agreeReturn(String refundId, String address) {
    Standing refund = standing(refundId);
    PlatformRefundState state = refund.known();
    if (state == PlatformRefundState.WAIT_BUYER_RETURN_GOODS || state == PlatformRefundState.WAIT_SELLER_CONFIRM_GOODS
        || state == PlatformRefundState.SUCCESS) {
      return;
    }
    if (!state.open()) {
      throw new IllegalStateException("淘宝退款 " + refundId + " 已是「" + state.label() + "」（" + state.name()
          + "），不能同意退货");
    }
    Optional<JsonNode> entry = libraryEntry(address);
    String phone = settings.returnContactPhone() == null || settings.returnContactPhone().isBlank()
        ? entry.map(e -> first(TopRecords.text(e, "mobile_phone"), TopRecords.text(e, "phone"))).orElse(null)
        : settings.returnContactPhone().strip();
    boolean mobile = phone != null && MOBILE.matcher(phone.replaceAll("[\\s-]", "")).matches();
    JsonNode answer = top.call("taobao.rp.returngoods.agree", params("refund_id", refundId,
        "refund_version", refund.version(), "refund_phase", refund.phase(),
        "seller_address_id", entry.map(e -> TopRecords.text(e, "contact_id")).orElse(null),
        "name", settings.returnContact(), "address", address,
        "post", entry.map(e -> TopRecords.text(e, "zip_code")).orElse(null),
        mobile ? "mobile" : "tel", phone, "remark", address));
    succeeded(answer, "同意退货", refundId);
  }

  /** The seller's address-library entry the one-line address is at: its province, city, district and street. */
  private Optional<JsonNode> libraryEntry(String line) {
    String wanted = compact(line);
    return TopRecords.list(top.call("taobao.logistics.address.search", Map.of()), "addresses", "address_result")
        .stream().filter(entry -> {
          String place = compact(Stream.of("province", "city", "country", "addr")
              .map(field -> TopRecords.text(entry, field)).filter(part -> part != null)
              .collect(Collectors.joining()));
          return TopRecords.text(entry, "addr") != null && wanted.contains(place);
        }).findFirst();
  }

  /**
   * The seller's remark on the order ({@code taobao.trade.memo.update}), added under what is there (a line each)
   * and with {@code flag}'s number (红 1, 黄 2, 绿 3, 蓝 4, 紫 5, as {@code seller_flag} has them; 0 is grey, no flag).
   * Read first ({@code taobao.trade.get}: seller_memo, seller_flag): the remark there already and the flag set is
   * done; the remark there with another flag sets the flag only. The memo holds 1000 bytes: the oldest lines give
   * way to the new one. An order has one flag, so the newest remark's colour is the order's.
   */
  @Override
  public void leaveMemo(String orderNo, String text, RemarkFlag flag) {
    JsonNode trade = top.call("taobao.trade.get", Map.of("tid", orderNo, "fields", "tid,seller_memo,seller_flag"))
        .path("trade");
    String memo = Optional.ofNullable(TopRecords.text(trade, "seller_memo")).orElse("");
    int wanted = flagNumber(flag);
    boolean there = memo.contains(fitted(text.strip()));
    if (there && trade.path("seller_flag").asInt(0) == wanted) {
      return;
    }
    String updated = there ? memo : fitted(memo.isEmpty() ? text.strip() : memo + "\n" + text.strip());
    top.call("taobao.trade.memo.update", Map.of("tid", orderNo, "memo", updated, "flag", String.valueOf(wanted)));
  }

  /** TOP's seller flag numbers (taobao.trade.memo.update {@code flag}, trade {@code seller_flag}). */
  static int flagNumber(RemarkFlag flag) {
    return switch (flag) {
      case RED -> 1;
      case YELLOW -> 2;
      case GREEN -> 3;
      case BLUE -> 4;
      case PURPLE -> 5;
    };
  }

  /** The memo within TOP's limit, its oldest lines dropped first, then (a single line too long) its first characters. */
  static String fitted(String memo) {
    String fitted = memo;
    while (utf8Length(fitted) > MEMO_LIMIT_BYTES && fitted.indexOf('\n') >= 0) {
      fitted = fitted.substring(fitted.indexOf('\n') + 1);
    }
    while (utf8Length(fitted) > MEMO_LIMIT_BYTES) {
      fitted = fitted.substring(fitted.offsetByCodePoints(0, 1));
    }
    return fitted;
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * A message on the refund that the buyer reads ({@code taobao.refund.message.add}: refund_id, content). Read first
   * ({@code taobao.refund.messages.get}, every page; with the refund's phase, which Tmall requires): a message with
   * exactly this content there already is done. TOP takes 400 bytes of content; longer, the platform refuses and
   * says so. TOP's Java SDK of 2014–2015 checks that a proof picture ({@code image}) comes with the message; the
   * earlier SDKs and the current model do not ask for one. None is sent (this client does not upload files): a
   * refusal for it, if the platform makes one, is the step's incident, and the message is then left in 千牛.
   */
  @Override
  public void leaveMessage(String refundId, String text) {
    Standing refund = standing(refundId);
    List<String> parts = messageParts(text.strip());
    List<String> there = new java.util.ArrayList<>();
    int seen = 0;
    for (int page = 1; ; page++) {
      JsonNode answer = top.call("taobao.refund.messages.get", params("refund_id", refundId,
          "fields", "id,content,owner_role,message_type,created", "page_no", String.valueOf(page),
          "page_size", String.valueOf(PAGE_SIZE), "refund_phase", refund.phase()));
      List<JsonNode> messages = TopRecords.list(answer, "refund_messages", "refund_message");
      messages.forEach(message -> there.add(TopRecords.text(message, "content")));
      seen += messages.size();
      if (messages.isEmpty() || seen >= answer.path("total_results").asInt(0)) {
        break;
      }
    }
    for (String part : parts) {
      if (!there.contains(part)) {
        top.call("taobao.refund.message.add", Map.of("refund_id", refundId, "content", part));
      }
    }
  }

  /**
   * A message as the refund's messages take it: at most {@value #MESSAGE_LIMIT_BYTES} bytes each (TOP's 留言内容
   * limit), so a longer one (the return address with its instructions) is left as numbered parts, "（1/2）…", cut
   * after a sentence where one fits. Each part is checked on the platform on its own, so a retry leaves only those
   * missing.
   */
  static List<String> messageParts(String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= MESSAGE_LIMIT_BYTES) {
      return List.of(text);
    }
    int room = MESSAGE_LIMIT_BYTES - "（99/99）".getBytes(StandardCharsets.UTF_8).length;
    List<String> pieces = new java.util.ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int lastSentenceEnd = -1;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      String next = new String(Character.toChars(codePoint));
      if ((piece + next).getBytes(StandardCharsets.UTF_8).length > room) {
        int cut = lastSentenceEnd > 0 ? lastSentenceEnd : piece.length();
        pieces.add(piece.substring(0, cut));
        piece = new StringBuilder(piece.substring(cut));
        lastSentenceEnd = -1;
      }
      piece.append(next);
      if ("。！？；".contains(next)) {
        lastSentenceEnd = piece.length();
      }
      i += Character.charCount(codePoint);
    }
    if (!piece.isEmpty()) {
      pieces.add(piece.toString());
    }
    List<String> numbered = new java.util.ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      numbered.add("（" + (i + 1) + "/" + pieces.size() + "）" + pieces.get(i));
    }
    return numbered;
  }

  /** A refund as an answer to it reads it first: where it stands, the amount asked, version and phase. */
  private record Standing(String refundId, String status, BigDecimal fee, String version, String phase) {

    /** The status as the desk says it; one it does not know is left to a person in 千牛. */
    PlatformRefundState known() {
      return TopRecords.state(status).orElseThrow(() -> new IllegalStateException("淘宝退款 " + refundId
          + " 的状态「" + status + "」桌面不认识：请在千牛处理"));
    }
  }

  private Standing standing(String refundId) {
    JsonNode refund = top.call("taobao.refund.get", Map.of("refund_id", refundId, "fields", REFUND_FIELDS))
        .path("refund");
    return new Standing(refundId, TopRecords.text(refund, "status"), TopRecords.yuan(TopRecords.text(refund,
        "refund_fee")), TopRecords.text(refund, "refund_version"), TopRecords.text(refund, "refund_phase"));
  }

  /** An operation's {@code is_success}; false is an exception (an error would have come as error_response). */
  private static void succeeded(JsonNode answer, String what, String refundId) {
    if (answer.has("is_success") && !answer.path("is_success").asBoolean()) {
      throw new IllegalStateException("淘宝开放平台未完成" + what + "（退款 " + refundId + "）：is_success=false");
    }
  }

  /** Whether TopClient's exception is the platform refusing {@code method} with {@code subCode}. */
  static boolean refused(IllegalStateException e, String method, String subCode) {
    String message = e.getMessage();
    return message != null && message.startsWith("淘宝开放平台拒绝 " + method + "：")
        && message.contains("，" + subCode + " ");
  }

  /** TOP's amount: fen, whole. */
  static String fen(BigDecimal yuan) {
    return yuan.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).toBigIntegerExact().toString();
  }

  /** Parameters with the absent ones left out (TOP reads a sent empty value as given). */
  private static Map<String, String> params(String... namesAndValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isBlank()) {
        params.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return params;
  }

  private static String compact(String text) {
    return text == null ? "" : text.replaceAll("\\s+", "");
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
