package com.shopdesk.aftersales.platform.top;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shopdesk.aftersales.AdapterApp;
import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderStatus;
import com.shopdesk.aftersales.orders.PaymentChannel;
import com.shopdesk.aftersales.platform.PlatformRefund;
import com.shopdesk.aftersales.platform.PlatformRefundState;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The Taobao platform adapter against a WireMock TOP gateway answering in the platform's published format, with an
 * app secret made for this run. What is asserted is what the case does when a return is agreed on an order the buyer
 * has not confirmed: receipt extended once (taobao.trade.receivetime.delay), signed as the protocol asks, not asked
 * twice when an answer is lost, not asked for an order no longer waiting for the buyer, and an incident saying what
 * the platform refused.
 * <p>
 * The refund list, the order import and the seller's answers are the adapter's own (no process needed): a
 * {@link TaobaoPlatform} over the same gateway, with a 2-second timeout. Asserted: what is asked (method, parameters,
 * signature) and how the platform's answer reads; that an answer already on the platform is not written again; and
 * that a write whose answer never came (5xx, timeout) is an exception whose retry, reading it done, writes nothing.
 */
class TaobaoPlatformContractTest {
  private static final String SECRET = "secret-" + UUID.randomUUID();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RETURN_LINE = "浙江省嘉兴市海宁市长安镇环球仓储中心 3 号库 售后组（收） 0573-8000 0000";
  /** The provider, started before the app (which needs its address) and emptied before each test. */
  @RegisterExtension
  static final WireMockExtension gateway = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  private static AdapterApp app;
  private static TaobaoPlatform platform;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = AdapterApp.start("topTest",
        "--aftersales.adapters.platform=taobao",
        "--aftersales.top.app-key=12345678", "--aftersales.top.app-secret=" + SECRET,
        "--aftersales.top.session=6100test-session", "--aftersales.top.sign-method=md5",
        "--aftersales.top.gateway=" + gateway.baseUrl() + "/router/rest",
        "--aftersales.top.timeout=PT2S");
    platform = new TaobaoPlatform(new TopSettings("12345678", SECRET, "6100test-session", "md5",
        gateway.baseUrl() + "/router/rest", Duration.ofSeconds(2), null, null, "0573-8000 0000"), new ObjectMapper(),
        app.jdbc, new DataSourceTransactionManager(app.jdbc.getDataSource()));
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
  }


  @Test
  void anAgreedReturnExtendsReceiptOnTaobaoOnceSignedAsTheProtocolAsks() throws Exception {
    String orderNo = deliveredOrder();
    gateway.stubFor(method("taobao.trade.get").willReturn(top(trade(orderNo, "WAIT_BUYER_CONFIRM_GOODS",
        "2026-12-10 10:00:00"))));
    gateway.stubFor(method("taobao.trade.receivetime.delay").willReturn(top(
        "{\"trade_receivetime_delay_response\":{\"trade\":{\"tid\":" + orderNo + ",\"modified\":\"2026-12-06 10:00:00\"},"
            + "\"request_id\":\"r1\"}}")));
    String caseNo = returnAgreed(orderNo);

    List<LoggedRequest> delays = requests("taobao.trade.receivetime.delay");
    assertThat(delays).hasSize(1);
    Map<String, String> form = form(delays.get(0));
    assertThat(form).containsEntry("tid", orderNo).containsEntry("days", "10").containsEntry("app_key", "12345678")
        .containsEntry("session", "6100test-session").containsEntry("sign_method", "md5")
        .containsEntry("format", "json").containsEntry("v", "2.0");
    assertThat(form.get("sign")).as("MD5(secret + sorted name-value pairs + secret), upper case")
        .isEqualTo(TopClient.sign(form, SECRET, "md5")).matches("[0-9A-F]{32}");
    assertThat(order(orderNo).path("receiptExtension").path("days").asInt()).isEqualTo(10);
    assertThat(app.incidents(caseNo)).isEmpty();
  }

  @Test
  void anAnswerThatNeverArrivedIsCheckedOnThePlatformNotAskedTwice() throws Exception {
    String orderNo = deliveredOrder();
    gateway.stubFor(method("taobao.trade.get").inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("asked").willReturn(top(trade(orderNo, "WAIT_BUYER_CONFIRM_GOODS", "2026-12-10 10:00:00"))));
    gateway.stubFor(method("taobao.trade.receivetime.delay").willReturn(top(
        "{\"trade_receivetime_delay_response\":{\"trade\":{\"tid\":" + orderNo + "}}}").withFixedDelay(3_000)));
    gateway.stubFor(method("taobao.trade.get").inScenario("lost answer").whenScenarioStateIs("asked")
        .willReturn(top(trade(orderNo, "WAIT_BUYER_CONFIRM_GOODS", "2026-12-20 10:00:00"))));
    String caseNo = returnAgreed(orderNo);

    assertThat(requests("taobao.trade.receivetime.delay")).as("asked once; the retry saw the new deadline").hasSize(1);
    assertThat(order(orderNo).path("receiptExtension").path("days").asInt()).isEqualTo(10);
    assertThat(app.incidents(caseNo)).isEmpty();
  }

  @Test
  void anOrderNoLongerAwaitingTheBuyersConfirmationIsNotExtended() throws Exception {
    String orderNo = deliveredOrder();
    gateway.stubFor(method("taobao.trade.get").willReturn(top(trade(orderNo, "TRADE_FINISHED", ""))));
    String caseNo = returnAgreed(orderNo);

    assertThat(requests("taobao.trade.receivetime.delay")).isEmpty();
    assertThat(order(orderNo).path("receiptExtension").isMissingNode() || order(orderNo).path("receiptExtension").isNull())
        .isTrue();
    assertThat(app.asAdmin("GET", "/api/cases/" + caseNo, "").body()).contains("无需延长收货");
  }

  @Test
  void aRefusalEndsAsAnIncidentThatSaysWhy() {
    String orderNo = deliveredOrder();
    gateway.stubFor(method("taobao.trade.get").willReturn(top(
        "{\"error_response\":{\"code\":27,\"msg\":\"Invalid session\",\"sub_code\":\"invalid-sessionkey\","
            + "\"sub_msg\":\"SessionKey非法\",\"request_id\":\"r2\"}}")));
    String caseNo = returnAgreed(orderNo);

    assertThat(app.incidents(caseNo)).singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage())
        .contains("淘宝开放平台拒绝 taobao.trade.get").contains("Invalid session").contains("SessionKey非法"));
    assertThat(requests("taobao.trade.receivetime.delay")).isEmpty();
  }

  // --- the refund list --------------------------------------------------------------------------------

  @Test
  void theRefundListIsReadPageByPageSignedInBeijingTimeAndMapped() {
    gateway.stubFor(method("taobao.refunds.receive.get").withFormParam("page_no", equalTo("1")).willReturn(top("""
        {"refunds_receive_get_response":{"refunds":{"refund":[
          {"refund_id":"70001","tid":4100000000001,"oid":4100000000001,"status":"WAIT_SELLER_AGREE",
           "modified":"2026-12-05 10:15:00","refund_fee":"59.90","reason":"不想要了","desc":"拍多了",
           "has_good_return":true,"outer_id":"BY-1","num":2,"sid":"ZT7000100","company_name":"中通快递","cs_status":2},
          {"refund_id":"70002","tid":4100000000002,"status":"WAIT_SELLER_CONFIRM_GOODS","modified":"2026-12-05 10:20:00",
           "refund_fee":"128.00","reason":"质量问题","has_good_return":true,"sid":"HT8000200","company_name":"百世汇通",
           "cs_status":1},
          {"refund_id":"70009","tid":4100000000009,"status":"WAIT_SELLER_CONSIGN_GOODS","modified":"2026-12-05 10:21:00",
           "refund_fee":"10.00"}]},
         "has_next":true,"request_id":"p1"}}""")));
    gateway.stubFor(method("taobao.refunds.receive.get").withFormParam("page_no", equalTo("2")).willReturn(top("""
        {"refunds_receive_get_response":{"refunds":{"refund":[
          {"refund_id":"70003","tid":4100000000003,"status":"SUCCESS","modified":"2026-12-05 10:59:59",
           "refund_fee":"5.00","has_good_return":false,"company_name":"安能物流","sid":"AN1"},
          {"refund_id":"70004","tid":4100000000004,"status":"CLOSED","modified":"2026-12-05 11:00:00",
           "refund_fee":"5.00","has_good_return":false}]},
         "has_next":false,"request_id":"p2"}}""")));
    Instant from = OffsetDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    Instant to = from.plus(Duration.ofHours(1));

    List<PlatformRefund> refunds = platform.refundsModified(from, to);

    List<LoggedRequest> pages = requests("taobao.refunds.receive.get");
    assertThat(pages).hasSize(2);
    for (int i = 0; i < pages.size(); i++) {
      Map<String, String> form = form(pages.get(i));
      assertThat(form).containsEntry("page_no", String.valueOf(i + 1)).containsEntry("page_size", "100")
          .containsEntry("use_has_next", "true").containsEntry("start_modified", "2026-12-05 10:00:00")
          .containsEntry("end_modified", "2026-12-05 11:00:00").containsEntry("app_key", "12345678");
      assertThat(form.get("fields").split(",")).contains("refund_id", "tid", "status", "modified", "refund_fee",
          "has_good_return", "outer_id", "num", "sid", "company_name", "cs_status", "desc", "reason");
      assertThat(form.get("sign")).as("page %s signed", i + 1).isEqualTo(TopClient.sign(form, SECRET, "md5"));
    }
    assertThat(refunds).as("an exchange's status left out; a change at the window's end left to the next window")
        .extracting(PlatformRefund::refundId).containsExactly("70001", "70002", "70003");
    assertThat(refunds.get(0)).isEqualTo(new PlatformRefund("70001", "4100000000001",
        PlatformRefundState.WAIT_SELLER_AGREE, true, new BigDecimal("59.90"), "不想要了", "拍多了", "BY-1", 2, "ZTO",
        "ZT7000100", true, OffsetDateTime.of(2026, 12, 5, 10, 15, 0, 0, ZoneOffset.ofHours(8)).toInstant()));
    assertThat(refunds.get(1)).satisfies(refund -> {
      assertThat(refund.state()).isEqualTo(PlatformRefundState.WAIT_SELLER_CONFIRM_GOODS);
      assertThat(refund.returnCarrier()).isEqualTo("HTKY");
      assertThat(refund.sku()).isNull();
      assertThat(refund.intervened()).as("cs_status 1: 不需客服介入").isFalse();
    });
    assertThat(refunds.get(2)).satisfies(refund -> {
      assertThat(refund.returnCarrier()).as("a courier the desk does not know stays named").isEqualTo("安能物流");
      assertThat(refund.goodsReturned()).isFalse();
      assertThat(refund.intervened()).isFalse();
    });
  }

  @Test
  void aRefundListWithNoRefundsIsEmptyAfterOnePage() {
    gateway.stubFor(method("taobao.refunds.receive.get").willReturn(top(
        "{\"refunds_receive_get_response\":{\"has_next\":false,\"request_id\":\"p0\"}}")));
    Instant to = Instant.parse("2026-12-05T03:00:00.400Z");

    assertThat(platform.refundsModified(to.minus(Duration.ofMinutes(5)), to)).isEmpty();
    assertThat(requests("taobao.refunds.receive.get")).singleElement().satisfies(request -> assertThat(form(request))
        .as("the end rounded up to TOP's second").containsEntry("end_modified", "2026-12-05 11:00:01")
        .containsEntry("start_modified", "2026-12-05 10:55:00"));
  }

  // --- the order -------------------------------------------------------------------------------------------

  @Test
  void anOrderIsReadFromTheTradesFullInfo() {
    gateway.stubFor(method("taobao.trade.fullinfo.get").willReturn(top("""
        {"trade_fullinfo_get_response":{"trade":{"tid":4100000000101,"status":"TRADE_FINISHED","payment":"187.00",
          "buyer_nick":"tb_zhou","receiver_name":"周女士","receiver_mobile":"13800000000","receiver_state":"浙江省",
          "receiver_city":"杭州市","receiver_district":"西湖区","receiver_address":"文三路 1 号",
          "consign_time":"2026-12-01 09:00:00","end_time":"2026-12-04 20:00:00",
          "orders":{"order":[
            {"oid":4100000000102,"title":"白玉茶盏","num":1,"price":"128.00","outer_sku_id":"BY-1","outer_iid":"BY",
             "num_iid":600001,"logistics_company":"圆通速递","invoice_no":"YT9000001",
             "consign_time":"2026-12-01 09:30:00"},
            {"oid":4100000000103,"title":"竹茶夹","num":2,"price":"29.50","num_iid":600002}]}},
         "request_id":"f1"}}""")));

    Order order = platform.order("4100000000101").orElseThrow();

    assertThat(form(requests("taobao.trade.fullinfo.get").get(0))).containsEntry("tid", "4100000000101")
        .hasEntrySatisfying("fields", fields -> assertThat(fields.split(",")).contains("orders", "payment",
            "receiver_mobile", "status", "buyer_nick"));
    assertThat(order.orderNo()).isEqualTo("4100000000101");
    assertThat(order.buyer()).isEqualTo(new Order.Buyer("tb_zhou", "周女士", "13800000000", "浙江省 杭州市 西湖区 文三路 1 号",
        null));
    assertThat(order.items()).containsExactly(
        new Order.Item("BY-1", "白玉茶盏", "general", 1, new BigDecimal("128.00")),
        new Order.Item("600002", "竹茶夹", "general", 2, new BigDecimal("29.50")));
    assertThat(order.paidAmount()).isEqualByComparingTo("187.00");
    assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(order.receiptConfirmed()).isTrue();
    assertThat(order.paymentChannel()).isEqualTo(PaymentChannel.BALANCE);
    assertThat(order.shipment()).isEqualTo(new Order.Shipment("YTO", "YT9000001",
        OffsetDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8))));
  }

  @Test
  void anOrderNotYetSentIsUnshippedWithoutAParcel() {
    gateway.stubFor(method("taobao.trade.fullinfo.get").willReturn(top("""
        {"trade_fullinfo_get_response":{"trade":{"tid":4100000000201,"status":"WAIT_SELLER_SEND_GOODS",
          "payment":"128.00","buyer_open_uid":"AAHk5d-Test","receiver_name":"李**",
          "orders":{"order":[{"title":"白玉茶盏","num":1,"price":"128.00","outer_iid":"BY"}]}}}}""")));

    Order order = platform.order("4100000000201").orElseThrow();

    assertThat(order.status()).isEqualTo(OrderStatus.UNSHIPPED);
    assertThat(order.receiptConfirmed()).isFalse();
    assertThat(order.shipment()).isNull();
    assertThat(order.buyer().id()).as("no nick: the buyer's OpenUID").isEqualTo("AAHk5d-Test");
    assertThat(order.items()).extracting(Order.Item::sku).containsExactly("BY");
  }

  @Test
  void anOrderThePlatformDoesNotHaveIsEmptyAndOtherRefusalsAreExceptions() {
    gateway.stubFor(method("taobao.trade.fullinfo.get").withFormParam("tid", equalTo("4100000000999")).willReturn(top(
        "{\"error_response\":{\"code\":15,\"msg\":\"Remote service error\",\"sub_code\":\"isv.trade-not-exist\","
            + "\"sub_msg\":\"交易订单不存在\",\"request_id\":\"e1\"}}")));
    gateway.stubFor(method("taobao.trade.fullinfo.get").withFormParam("tid", equalTo("4100000000998")).willReturn(top(
        "{\"error_response\":{\"code\":27,\"msg\":\"Invalid session\",\"sub_code\":\"invalid-sessionkey\","
            + "\"sub_msg\":\"SessionKey非法\",\"request_id\":\"e2\"}}")));

    assertThat(platform.order("4100000000999")).isEmpty();
    assertThatThrownBy(() -> platform.order("4100000000998")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SessionKey非法");
  }

  // --- 同意退款 ------------------------------------------------------------------------------------------------

  @Test
  void aRefundAlreadySucceededIsNotAgreedAgain() {
    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("71001", "SUCCESS", "59.90"))));

    assertThat(platform.agreeRefund("71001", new BigDecimal("59.90"))).isEqualTo("71001");
    assertThat(requests("taobao.rp.refunds.agree")).isEmpty();
  }

  @Test
  void anOpenRefundIsAgreedOnceWithItsAmountInFenVersionAndPhase() {
    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("71002", "WAIT_SELLER_AGREE", "128.00"))));
    gateway.stubFor(method("taobao.rp.refunds.agree").willReturn(top(agreed("71002"))));

    assertThat(platform.agreeRefund("71002", new BigDecimal("99.5"))).isEqualTo("71002");

    assertThat(form(requests("taobao.refund.get").get(0))).containsEntry("refund_id", "71002")
        .hasEntrySatisfying("fields", fields -> assertThat(fields.split(","))
            .contains("status", "refund_fee", "refund_version", "refund_phase"));
    assertThat(requests("taobao.rp.refunds.agree")).singleElement().satisfies(request -> {
      Map<String, String> form = form(request);
      assertThat(form).containsEntry("refund_infos", "71002|9950|1764900000000|onsale");
      assertThat(form.get("sign")).isEqualTo(TopClient.sign(form, SECRET, "md5"));
    });
  }

  @Test
  void aRefundAskingLessThanTheAmountOrClosedIsNotAgreed() {
    gateway.stubFor(method("taobao.refund.get").withFormParam("refund_id", equalTo("71003"))
        .willReturn(top(refund("71003", "WAIT_SELLER_AGREE", "59.90"))));
    gateway.stubFor(method("taobao.refund.get").withFormParam("refund_id", equalTo("71004"))
        .willReturn(top(refund("71004", "CLOSED", "59.90"))));

    assertThatThrownBy(() -> platform.agreeRefund("71003", new BigDecimal("60.00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("买家申请退款 59.90 元，少于要退的 60.00 元：请买家修改申请金额");
    assertThatThrownBy(() -> platform.agreeRefund("71004", new BigDecimal("59.90")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("退款关闭").hasMessageContaining("71004");
    assertThat(requests("taobao.rp.refunds.agree")).isEmpty();
  }

  @Test
  void anAgreementThePlatformRefusesIsAnExceptionCarryingWhatItSaid() {
    gateway.stubFor(method("taobao.refund.get").withFormParam("refund_id", equalTo("71005"))
        .willReturn(top(refund("71005", "WAIT_SELLER_AGREE", "59.90"))));
    gateway.stubFor(method("taobao.rp.refunds.agree").withFormParam("refund_infos", equalTo("71005|5990|1764900000000|onsale"))
        .willReturn(top("{\"error_response\":{\"code\":15,\"msg\":\"Remote service error\",\"sub_code\":"
            + "\"isv.refund-version-error\",\"sub_msg\":\"退款版本号已过期，请刷新后重试\",\"request_id\":\"e3\"}}")));
    gateway.stubFor(method("taobao.refund.get").withFormParam("refund_id", equalTo("71006"))
        .willReturn(top(refund("71006", "WAIT_SELLER_AGREE", "59.90"))));
    gateway.stubFor(method("taobao.rp.refunds.agree").withFormParam("refund_infos", equalTo("71006|5990|1764900000000|onsale"))
        .willReturn(top("""
            {"rp_refunds_agree_response":{"succ":false,"msg_code":"OP_FAILURE_UE","message":"操作失败",
              "results":{"refund_mapping_result":[{"refund_id":71006,"succ":false,"message":"该退款不支持此操作"}]}}}""")));

    assertThatThrownBy(() -> platform.agreeRefund("71005", new BigDecimal("59.90")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("退款版本号已过期，请刷新后重试");
    assertThatThrownBy(() -> platform.agreeRefund("71006", new BigDecimal("59.90")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("71006").hasMessageContaining("该退款不支持此操作");
  }

  @Test
  void anAgreementWhoseAnswerWasLostIsAnExceptionAndItsRetryDoesNotAgreeTwice() {
    gateway.stubFor(method("taobao.refund.get").inScenario("lost agreement").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(top(refund("71007", "WAIT_SELLER_AGREE", "59.90"))));
    gateway.stubFor(method("taobao.rp.refunds.agree").inScenario("lost agreement")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("agreed")
        .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
    gateway.stubFor(method("taobao.refund.get").inScenario("lost agreement").whenScenarioStateIs("agreed")
        .willReturn(top(refund("71007", "SUCCESS", "59.90"))));

    assertThatThrownBy(() -> platform.agreeRefund("71007", new BigDecimal("59.90")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("淘宝开放平台暂时无法访问");
    assertThat(platform.agreeRefund("71007", new BigDecimal("59.90"))).isEqualTo("71007");
    assertThat(requests("taobao.rp.refunds.agree")).hasSize(1);
  }

  // --- 拒绝退款 ------------------------------------------------------------------------------------------------

  @Test
  void aRefundNoLongerOpenIsNotRefused() {
    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("72001", "SELLER_REFUSE_BUYER", "59.90"))));

    platform.refuseRefund("72001", "商品已发出，请收货后申请退货");
    assertThat(requests("taobao.refund.refuse")).isEmpty();
  }

  @Test
  void anOpenRefundIsRefusedOnceWithTheReasonVersionAndPhase() {
    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("72002", "WAIT_SELLER_AGREE", "59.90"))));
    gateway.stubFor(method("taobao.refund.refuse").willReturn(top(
        "{\"refund_refuse_response\":{\"is_success\":true,\"refund\":{\"refund_id\":72002,"
            + "\"status\":\"SELLER_REFUSE_BUYER\"}}}")));

    platform.refuseRefund("72002", "商品已发出，请收货后申请退货");

    assertThat(requests("taobao.refund.refuse")).singleElement().satisfies(request -> assertThat(form(request))
        .containsEntry("refund_id", "72002").containsEntry("refuse_message", "商品已发出，请收货后申请退货")
        .containsEntry("refund_version", "1764900000000").containsEntry("refund_phase", "onsale")
        .doesNotContainKey("refuse_proof"));
  }

  // --- 同意退货 ------------------------------------------------------------------------------------------------

  @Test
  void aReturnAlreadyAgreedIsNotAgreedAgainAndAClosedRefundCannotBe() {
    gateway.stubFor(method("taobao.refund.get").withFormParam("refund_id", equalTo("73001"))
        .willReturn(top(refund("73001", "WAIT_BUYER_RETURN_GOODS", "59.90"))));
    gateway.stubFor(method("taobao.refund.get").withFormParam("refund_id", equalTo("73002"))
        .willReturn(top(refund("73002", "CLOSED", "59.90"))));

    platform.agreeReturn("73001", RETURN_LINE);
    assertThatThrownBy(() -> platform.agreeReturn("73002", RETURN_LINE)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("退款关闭");
    assertThat(requests("taobao.rp.returngoods.agree")).isEmpty();
    assertThat(requests("taobao.logistics.address.search")).isEmpty();
  }

  @Test
  void aReturnIsAgreedOnceWithTheAddressLineAndItsAddressLibraryEntry() {
    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("73003", "WAIT_SELLER_AGREE", "59.90"))));
    gateway.stubFor(method("taobao.logistics.address.search").willReturn(top("""
        {"logistics_address_search_response":{"addresses":{"address_result":[
          {"contact_id":5001,"contact_name":"发货组","province":"浙江省","city":"杭州市","country":"余杭区",
           "addr":"仓前街道 8 号","zip_code":"311100","mobile_phone":"13900000000","send_def":true},
          {"contact_id":5002,"contact_name":"售后组","province":"浙江省","city":"嘉兴市","country":"海宁市",
           "addr":"长安镇环球仓储中心3号库","zip_code":"314408","phone":"0573-80000000","cancel_def":true}]}}}""")));
    gateway.stubFor(method("taobao.rp.returngoods.agree").willReturn(top(
        "{\"rp_returngoods_agree_response\":{\"is_success\":true}}")));

    platform.agreeReturn("73003", RETURN_LINE);

    assertThat(requests("taobao.rp.returngoods.agree")).singleElement().satisfies(request -> assertThat(form(request))
        .containsEntry("refund_id", "73003").containsEntry("refund_version", "1764900000000")
        .containsEntry("refund_phase", "onsale").containsEntry("seller_address_id", "5002")
        .containsEntry("post", "314408").containsEntry("name", "售后组").containsEntry("address", RETURN_LINE)
        .containsEntry("remark", RETURN_LINE).containsEntry("tel", "0573-8000 0000").doesNotContainKey("mobile"));
  }

  // --- 备注 -----------------------------------------------------------------------------------------------------

  @Test
  void aRemarkAlreadyOnTheOrderWithItsFlagIsNotWrittenAgain() {
    gateway.stubFor(method("taobao.trade.get").willReturn(top(memo("4100000000301", "买家要求顺丰\n换货：寄回 BY-1", 4))));

    platform.leaveMemo("4100000000301", "换货：寄回 BY-1", RemarkFlag.BLUE);
    assertThat(requests("taobao.trade.memo.update")).isEmpty();
  }

  @Test
  void aRemarkIsAddedUnderTheOldOneWithItsFlagNumber() {
    gateway.stubFor(method("taobao.trade.get").willReturn(top(memo("4100000000302", "买家要求顺丰", 2))));
    gateway.stubFor(method("taobao.trade.memo.update").willReturn(top(
        "{\"trade_memo_update_response\":{\"trade\":{\"tid\":4100000000302,\"modified\":\"2026-12-05 10:00:00\"}}}")));

    platform.leaveMemo("4100000000302", "换货：寄回 BY-1", RemarkFlag.BLUE);

    assertThat(form(requests("taobao.trade.get").get(0))).containsEntry("tid", "4100000000302")
        .hasEntrySatisfying("fields", fields -> assertThat(fields.split(",")).contains("seller_memo", "seller_flag"));
    assertThat(requests("taobao.trade.memo.update")).singleElement().satisfies(request -> assertThat(form(request))
        .containsEntry("tid", "4100000000302").containsEntry("memo", "买家要求顺丰\n换货：寄回 BY-1")
        .containsEntry("flag", "4"));
  }

  @Test
  void aRemarkThereWithAnotherFlagChangesTheFlagOnly() {
    gateway.stubFor(method("taobao.trade.get").willReturn(top(memo("4100000000303", "换货：寄回 BY-1", 4))));
    gateway.stubFor(method("taobao.trade.memo.update").willReturn(top("{\"trade_memo_update_response\":{}}")));

    platform.leaveMemo("4100000000303", "换货：寄回 BY-1", RemarkFlag.YELLOW);

    assertThat(requests("taobao.trade.memo.update")).singleElement().satisfies(request -> assertThat(form(request))
        .containsEntry("memo", "换货：寄回 BY-1").containsEntry("flag", "2"));
  }

  @Test
  void flagsAreTopsSellerFlagNumbersAndALongMemoGivesWayFromItsOldestLines() {
    assertThat(List.of(RemarkFlag.values())).extracting(TaobaoPlatform::flagNumber).containsExactly(1, 2, 3, 4, 5);
    String old = "旧备注：买家来电询问发货时间，已答复".repeat(3);
    String memo = String.join("\n", java.util.Collections.nCopies(12, old)) + "\n换货：寄回 BY-1";
    String fitted = TaobaoPlatform.fitted(memo);
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    assertThat(fitted).endsWith("\n换货：寄回 BY-1").startsWith("旧备注").isEqualTo(memo.substring(memo.length()
        - fitted.length()));
    assertThat(TaobaoPlatform.fitted("备".repeat(400))).hasSize(333);
  }

  @Test
  void aRemarkWhoseAnswerTimedOutIsAnExceptionAndItsRetryDoesNotWriteTwice() {
    gateway.stubFor(method("taobao.trade.get").inScenario("lost memo").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(top(memo("4100000000304", "", 0))));
    gateway.stubFor(method("taobao.trade.memo.update").inScenario("lost memo").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("written").willReturn(top("{\"trade_memo_update_response\":{}}").withFixedDelay(3_000)));
    gateway.stubFor(method("taobao.trade.get").inScenario("lost memo").whenScenarioStateIs("written")
        .willReturn(top(memo("4100000000304", "换货：寄回 BY-1", 4))));

    assertThatThrownBy(() -> platform.leaveMemo("4100000000304", "换货：寄回 BY-1", RemarkFlag.BLUE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("taobao.trade.memo.update");
    platform.leaveMemo("4100000000304", "换货：寄回 BY-1", RemarkFlag.BLUE);
    assertThat(requests("taobao.trade.memo.update")).hasSize(1);
    assertThat(form(requests("taobao.trade.memo.update").get(0))).as("an empty memo: the text alone")
        .containsEntry("memo", "换货：寄回 BY-1");
  }

  // --- 留言 -----------------------------------------------------------------------------------------------------

  @Test
  void aMessageAlreadyOnTheRefundIsNotLeftAgain() {
    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("74001", "WAIT_BUYER_RETURN_GOODS", "59.90"))));
    gateway.stubFor(method("taobao.refund.messages.get").willReturn(top(messages("请用中通寄回，运费我们承担", "好的"))));

    platform.leaveMessage("74001", "请用中通寄回，运费我们承担");
    assertThat(requests("taobao.refund.message.add")).isEmpty();
  }

  @Test
  void aMessageIsLeftOnceWhenTheRefundDoesNotCarryIt() {
    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("74002", "WAIT_BUYER_RETURN_GOODS", "59.90"))));
    gateway.stubFor(method("taobao.refund.messages.get").willReturn(top(messages("好的"))));
    gateway.stubFor(method("taobao.refund.message.add").willReturn(top(
        "{\"refund_message_add_response\":{\"refund_message\":{\"id\":9001,\"created\":\"2026-12-05 10:00:00\"}}}")));

    platform.leaveMessage("74002", "请用中通寄回，运费我们承担");

    assertThat(form(requests("taobao.refund.messages.get").get(0))).containsEntry("refund_id", "74002")
        .containsEntry("refund_phase", "onsale").containsKey("fields");
    assertThat(requests("taobao.refund.message.add")).singleElement().satisfies(request -> assertThat(form(request))
        .containsEntry("refund_id", "74002").containsEntry("content", "请用中通寄回，运费我们承担")
        .doesNotContainKey("image"));
  }

  @Test
  void aMessageLongerThanTopTakesIsLeftInNumberedPartsAndARetryLeavesOnlyThoseMissing() {
    String text = "亲，您的售后申请已受理，请在 12月13日 前将商品寄回：浙江省嘉兴市海宁市长安镇环球仓储中心 3 号库 售后组（收） "
        + "0573-8000 0000。寄出后请在售后申请里填写快递单号，逾期未寄回申请将关闭。这次寄回的运费由我们承担：请先垫付并保留运费凭证，"
        + "收到商品后按您实际支付的运费全额退还。如有疑问，随时联系我们。";
    List<String> parts = TaobaoPlatform.messageParts(text);
    assertThat(parts).hasSizeGreaterThan(1)
        .allSatisfy(part -> assertThat(part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .isLessThanOrEqualTo(400));
    assertThat(String.join("", parts.stream().map(p -> p.replaceFirst("^（\\d+/\\d+）", "")).toList()))
        .isEqualTo(text);
    assertThat(parts.get(0)).startsWith("（1/" + parts.size() + "）").endsWith("。");

    gateway.stubFor(method("taobao.refund.get").willReturn(top(refund("74003", "WAIT_BUYER_RETURN_GOODS", "59.90"))));
    gateway.stubFor(method("taobao.refund.messages.get").willReturn(top(messages(parts.get(0)))));
    gateway.stubFor(method("taobao.refund.message.add").willReturn(top(
        "{\"refund_message_add_response\":{\"refund_message\":{\"id\":9002,\"created\":\"2026-12-05 10:00:00\"}}}")));

    platform.leaveMessage("74003", text);

    assertThat(requests("taobao.refund.message.add")).as("the first part was there already")
        .hasSize(parts.size() - 1)
        .allSatisfy(request -> assertThat(parts.subList(1, parts.size())).contains(form(request).get("content")));
  }

  // --- helpers -----------------------------------------------------------------------------------------

  /** A delivered order the buyer has not confirmed; its number is numeric, as Taobao's tid is. */
  private String deliveredOrder() {
    String orderNo = String.valueOf(4_000_000_000_000L + System.currentTimeMillis() % 1_000_000_000L * 100
        + SEQUENCE.incrementAndGet());
    HttpResponse<String> r = app.asAdmin("POST", "/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_t","name":"周女士"},
         "items":[{"sku":"BY-1","name":"白玉茶盏","category":"teaware","quantity":1,"unitPrice":128.00}],
         "paidAmount":128.00,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT%s"},
         "deliveredAt":"%s"}""".formatted(orderNo, orderNo, OffsetDateTime.now().minusDays(2)));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return orderNo;
  }

  /** A personal-reason return the agent agrees to (no retention), run until it waits for the buyer's parcel. */
  private String returnAgreed(String orderNo) {
    HttpResponse<String> opened = app.asAdmin("POST", "/api/cases",
        "{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"PERSONAL\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String caseNo;
    try {
      caseNo = json.readTree(opened.body()).path("caseNo").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    app.runJobs(caseNo);
    Task retain = app.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("retain").singleResult();
    app.engine.getTaskService().complete(retain.getId(), Map.of("retained", false));
    app.runJobs(caseNo);
    return caseNo;
  }

  private JsonNode order(String orderNo) throws Exception {
    return json.readTree(app.asAdmin("GET", "/api/orders/" + orderNo, "").body());
  }


  private static String trade(String orderNo, String status, String deadline) {
    return "{\"trade_get_response\":{\"trade\":{\"tid\":" + orderNo + ",\"status\":\"" + status + "\""
        + (deadline.isEmpty() ? "" : ",\"timeout_action_time\":\"" + deadline + "\"") + "},\"request_id\":\"r0\"}}";
  }

  /** taobao.refund.get's answer: a refund of 2025-12-05 (its version the time of its last change, in ms). */
  private static String refund(String refundId, String status, String fee) {
    return "{\"refund_get_response\":{\"refund\":{\"refund_id\":\"" + refundId + "\",\"tid\":4100000000001,"
        + "\"status\":\"" + status + "\",\"refund_fee\":\"" + fee + "\",\"refund_version\":1764900000000,"
        + "\"refund_phase\":\"onsale\"},\"request_id\":\"g1\"}}";
  }

  private static String agreed(String refundId) {
    return "{\"rp_refunds_agree_response\":{\"succ\":true,\"msg_code\":\"OP_SUCC\",\"message\":\"操作成功\","
        + "\"results\":{\"refund_mapping_result\":[{\"refund_id\":" + refundId + ",\"succ\":true,"
        + "\"message\":\"操作成功\"}]},\"request_id\":\"a1\"}}";
  }

  private static String memo(String orderNo, String memo, int flag) {
    return "{\"trade_get_response\":{\"trade\":{\"tid\":" + orderNo
        + (memo.isEmpty() ? "" : ",\"seller_memo\":\"" + memo.replace("\n", "\\n") + "\"")
        + ",\"seller_flag\":" + flag + "},\"request_id\":\"m1\"}}";
  }

  private static String messages(String... contents) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < contents.length; i++) {
      list.append(i == 0 ? "" : ",").append("{\"id\":").append(8000 + i).append(",\"content\":\"").append(contents[i])
          .append("\",\"owner_role\":\"").append(i % 2 == 0 ? "2" : "1").append("\"}");
    }
    return "{\"refund_messages_get_response\":{\"refund_messages\":{\"refund_message\":[" + list + "]},"
        + "\"total_results\":" + contents.length + "}}";
  }

  private static MappingBuilder method(String method) {
    return post(urlPathEqualTo("/router/rest")).withFormParam("method", equalTo(method));
  }

  private static ResponseDefinitionBuilder top(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/javascript;charset=UTF-8").withBody(body);
  }

  private List<LoggedRequest> requests(String method) {
    return gateway.findAll(postRequestedFor(urlPathEqualTo("/router/rest")).withFormParam("method", equalTo(method)));
  }

  private static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new HashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return form;
  }
}
