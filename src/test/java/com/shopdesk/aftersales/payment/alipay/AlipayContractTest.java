package com.shopdesk.aftersales.payment.alipay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shopdesk.aftersales.AdapterApp;
import com.shopdesk.aftersales.payment.Payee;
import com.shopdesk.aftersales.payment.RefundGateway;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Alipay adapter through Alipay's own SDK against a WireMock gateway that answers in Alipay's published format,
 * signed with an "Alipay" key made for this run; the desk signs with an app key made for this run too. What is
 * asserted is what the case does: the refund paid once under the case's request number, a timeout after Alipay
 * paid settled by the query without paying again, a refusal and a forged answer ending as incidents that say why.
 * Transfers to a buyer's Alipay account (compensation on a platform order) are asked of the adapter as the refund
 * step asks them: paid once under the step's key, never sent again once Alipay says it was paid, a refusal in
 * Alipay's words.
 */
class AlipayContractTest {
  private static final String APP_ID = "2021000000000001";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static KeyPair appKeys;
  private static KeyPair alipayKeys;
  /** The provider, started before the app (which needs its address) and emptied before each test. */
  @RegisterExtension
  static final WireMockExtension gateway = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  private static AdapterApp app;
  private static ProcessEngine engine;
  private static JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    appKeys = rsa.generateKeyPair();
    alipayKeys = rsa.generateKeyPair();
    app = AdapterApp.start("alipayTest",
        "--aftersales.adapters.payment=alipay",
        "--aftersales.alipay.app-id=" + APP_ID,
        "--aftersales.alipay.private-key=" + base64(appKeys.getPrivate().getEncoded()),
        "--aftersales.alipay.alipay-public-key=" + base64(alipayKeys.getPublic().getEncoded()),
        "--aftersales.alipay.gateway=" + gateway.baseUrl() + "/gateway.do",
        "--aftersales.alipay.timeout=PT2S");
    engine = app.engine;
    jdbc = app.jdbc;
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
  }


  @Test
  void aRefundIsPaidOnceUnderTheCasesRequestNumberAndSignedByTheShop() throws Exception {
    gateway.stubFor(method("alipay.trade.fastpay.refund.query").willReturn(signed("alipay_trade_fastpay_refund_query_response",
        "{\"code\":\"10000\",\"msg\":\"Success\"}", alipayKeys)));
    gateway.stubFor(method("alipay.trade.refund").willReturn(signed("alipay_trade_refund_response",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120522001400001\",\"fund_change\":\"Y\","
            + "\"refund_fee\":\"10.00\",\"gmt_refund_pay\":\"2026-12-05 16:00:00\"}", alipayKeys)));
    Case c = priceDifference("10.00");
    app.runJobs(c.caseNo());

    assertThat(app.incidents(c.caseNo())).isEmpty();
    assertThat(refund(c.caseNo())).containsEntry("status", "SUCCEEDED")
        .containsEntry("provider_ref", "2026120522001400001");
    assertThat(jdbc.queryForObject("SELECT resolution FROM cases WHERE case_no = ?", String.class, c.caseNo()))
        .isEqualTo("REFUNDED");
    List<LoggedRequest> refunds = requests("alipay.trade.refund");
    assertThat(refunds).hasSize(1);
    Map<String, String> params = params(refunds.get(0));
    assertThat(params.get("app_id")).isEqualTo(APP_ID);
    assertThat(params.get("sign_type")).isEqualTo("RSA2");
    assertThat(AlipaySignature.rsaCheckV2(params, base64(appKeys.getPublic().getEncoded()), "UTF-8", "RSA2"))
        .as("signed with the shop's app key").isTrue();
    JsonNode biz = json.readTree(params.get("biz_content"));
    assertThat(biz.path("out_trade_no").asText()).isEqualTo(c.orderNo());
    assertThat(biz.path("out_request_no").asText()).startsWith(c.caseNo().replace("-", "_") + "_")
        .matches("[A-Za-z0-9_]{1,64}");
    assertThat(biz.path("refund_amount").asText()).isEqualTo("10.00");
    assertThat(requests("alipay.trade.fastpay.refund.query")).as("asked first whether it was paid").hasSize(1);
  }

  @Test
  void aTimeoutAfterAlipayPaidIsSettledByTheQueryAndNeverPaysTwice() {
    gateway.stubFor(method("alipay.trade.fastpay.refund.query").inScenario("paid in the dark")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("paid")
        .willReturn(signed("alipay_trade_fastpay_refund_query_response", "{\"code\":\"10000\",\"msg\":\"Success\"}",
            alipayKeys)));
    gateway.stubFor(method("alipay.trade.refund").willReturn(signed("alipay_trade_refund_response",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120522001400002\",\"fund_change\":\"Y\"}",
        alipayKeys).withFixedDelay(3_000)));
    gateway.stubFor(method("alipay.trade.fastpay.refund.query").inScenario("paid in the dark")
        .whenScenarioStateIs("paid")
        .willReturn(signed("alipay_trade_fastpay_refund_query_response", "{\"code\":\"10000\",\"msg\":\"Success\","
            + "\"trade_no\":\"2026120522001400002\",\"refund_status\":\"REFUND_SUCCESS\",\"refund_amount\":\"12.00\"}",
            alipayKeys)));
    Case c = priceDifference("12.00");
    app.runJobs(c.caseNo());

    assertThat(requests("alipay.trade.refund")).as("the refund was sent once").hasSize(1);
    assertThat(refund(c.caseNo())).containsEntry("status", "SUCCEEDED")
        .containsEntry("provider_ref", "2026120522001400002");
    assertThat(app.incidents(c.caseNo())).isEmpty();
  }

  @Test
  void aRefusalEndsAsAnIncidentThatSaysWhyAndPaysNothing() {
    gateway.stubFor(method("alipay.trade.fastpay.refund.query").willReturn(signed("alipay_trade_fastpay_refund_query_response",
        "{\"code\":\"10000\",\"msg\":\"Success\"}", alipayKeys)));
    gateway.stubFor(method("alipay.trade.refund").willReturn(signed("alipay_trade_refund_response",
        "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.SELLER_BALANCE_NOT_ENOUGH\","
            + "\"sub_msg\":\"卖家余额不足\"}", alipayKeys)));
    Case c = priceDifference("15.00");
    app.runJobs(c.caseNo());

    assertThat(app.incidents(c.caseNo())).singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage())
        .contains("支付宝拒绝退款").contains("ACQ.SELLER_BALANCE_NOT_ENOUGH").contains("卖家余额不足"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refunds WHERE case_no = ? AND status = 'SUCCEEDED'",
        Integer.class, c.caseNo())).as("nothing recorded as paid").isZero();
    assertThat(jdbc.queryForObject("SELECT status FROM cases WHERE case_no = ?", String.class, c.caseNo()))
        .isEqualTo("OPEN");
  }

  @Test
  void anAnswerNotSignedByAlipayIsNotBelieved() throws Exception {
    KeyPair forger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    gateway.stubFor(method("alipay.trade.fastpay.refund.query").willReturn(signed("alipay_trade_fastpay_refund_query_response",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"FAKE\",\"refund_status\":\"REFUND_SUCCESS\"}", forger)));
    Case c = priceDifference("9.00");
    app.runJobs(c.caseNo());

    assertThat(app.incidents(c.caseNo())).singleElement().satisfies(incident ->
        assertThat(incident.getIncidentMessage()).contains("支付宝暂时无法确认"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refunds WHERE case_no = ? AND status = 'SUCCEEDED'",
        Integer.class, c.caseNo())).as("nothing recorded as paid").isZero();
    assertThat(requests("alipay.trade.refund")).isEmpty();
  }

  // --- transfers to the buyer's Alipay account (compensation on a platform order) ------------------------

  @Test
  void aTransferIsPaidOnceToTheBuyersAccountUnderTheStepsKeyAndSignedByTheShop() throws Exception {
    gateway.stubFor(method("alipay.fund.trans.common.query").willReturn(signed(QUERY, NOT_FOUND, alipayKeys)));
    gateway.stubFor(method("alipay.fund.trans.uni.transfer").willReturn(signed(TRANSFER,
        "{\"code\":\"10000\",\"msg\":\"Success\",\"out_biz_no\":\"x\",\"order_id\":\"20261205110070000006380000250621\","
            + "\"pay_fund_order_id\":\"20261205110070001506380000251556\",\"status\":\"SUCCESS\","
            + "\"trans_date\":\"2026-12-05 16:00:00\"}", alipayKeys)));
    String orderNo = "ALI-T-" + SEQUENCE.incrementAndGet();
    String key = "C-20261205-0001:refundRetention";

    String reference = transfers().transfer(key, orderNo, new Payee("zhou@example.com", "周女士"),
        new BigDecimal("20.00"));

    assertThat(reference).isEqualTo("20261205110070000006380000250621");
    List<LoggedRequest> sent = requests("alipay.fund.trans.uni.transfer");
    assertThat(sent).hasSize(1);
    Map<String, String> params = params(sent.get(0));
    assertThat(params.get("app_id")).isEqualTo(APP_ID);
    assertThat(AlipaySignature.rsaCheckV2(params, base64(appKeys.getPublic().getEncoded()), "UTF-8", "RSA2"))
        .as("signed with the shop's app key").isTrue();
    JsonNode biz = json.readTree(params.get("biz_content"));
    assertThat(biz.path("out_biz_no").asText()).isEqualTo("C_20261205_0001_refundRetention");
    assertThat(biz.path("trans_amount").asText()).isEqualTo("20.00");
    assertThat(biz.path("product_code").asText()).isEqualTo("TRANS_ACCOUNT_NO_PWD");
    assertThat(biz.path("biz_scene").asText()).isEqualTo("DIRECT_TRANSFER");
    assertThat(biz.path("order_title").asText()).isEqualTo("售后补偿 " + orderNo);
    assertThat(biz.path("payee_info").path("identity").asText()).isEqualTo("zhou@example.com");
    assertThat(biz.path("payee_info").path("identity_type").asText()).isEqualTo("ALIPAY_LOGON_ID");
    assertThat(biz.path("payee_info").path("name").asText()).isEqualTo("周女士");

    List<LoggedRequest> asked = requests("alipay.fund.trans.common.query");
    assertThat(asked).as("asked first whether it was paid").hasSize(1);
    JsonNode query = json.readTree(params(asked.get(0)).get("biz_content"));
    assertThat(query.path("out_biz_no").asText()).isEqualTo("C_20261205_0001_refundRetention");
    assertThat(query.path("product_code").asText()).isEqualTo("TRANS_ACCOUNT_NO_PWD");
    assertThat(query.path("biz_scene").asText()).isEqualTo("DIRECT_TRANSFER");
  }

  @Test
  void aTransferAlipaySaysIsPaidAlreadyIsNotSentAgain() {
    gateway.stubFor(method("alipay.fund.trans.common.query").willReturn(signed(QUERY,
        "{\"code\":\"10000\",\"msg\":\"Success\",\"order_id\":\"20261205110070000006380000250622\","
            + "\"pay_fund_order_id\":\"20261205110070001506380000251557\",\"out_biz_no\":\"C_1_refundRetention\","
            + "\"status\":\"SUCCESS\",\"trans_amount\":\"20.00\"}", alipayKeys)));
    gateway.stubFor(method("alipay.fund.trans.uni.transfer").willReturn(signed(TRANSFER,
        "{\"code\":\"10000\",\"msg\":\"Success\",\"order_id\":\"SECOND\",\"status\":\"SUCCESS\"}", alipayKeys)));

    String reference = transfers().transfer("C-1:refundRetention", "ALI-T-" + SEQUENCE.incrementAndGet(),
        new Payee("zhou@example.com", "周女士"), new BigDecimal("20.00"));

    assertThat(reference).isEqualTo("20261205110070000006380000250622");
    gateway.verify(0, postRequestedFor(urlPathEqualTo("/gateway.do"))
        .withQueryParam("method", equalTo("alipay.fund.trans.uni.transfer")));
  }

  @Test
  void aRefusedTransferSaysInAlipaysWordsWhatToFix() {
    gateway.stubFor(method("alipay.fund.trans.common.query").willReturn(signed(QUERY, NOT_FOUND, alipayKeys)));
    gateway.stubFor(method("alipay.fund.trans.uni.transfer").willReturn(signed(TRANSFER,
        "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"PAYEE_NOT_EXIST\","
            + "\"sub_msg\":\"收款账号不存在\"}", alipayKeys)));
    String orderNo = "ALI-T-" + SEQUENCE.incrementAndGet();

    assertThatThrownBy(() -> transfers().transfer("C-2:refundCompensation", orderNo,
        new Payee("nobody@example.com", "周女士"), new BigDecimal("30.00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("支付宝拒绝转账").hasMessageContaining(orderNo)
        .hasMessageContaining("PAYEE_NOT_EXIST").hasMessageContaining("收款账号不存在")
        .hasMessageContaining("buyer.alipayAccount");
    assertThat(requests("alipay.fund.trans.uni.transfer")).hasSize(1);
  }

  @Test
  void aTimeoutAfterAlipayTransferredIsSettledByTheQueryOnRetryAndNeverPaysTwice() {
    gateway.stubFor(method("alipay.fund.trans.common.query").inScenario("transferred in the dark")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("paid")
        .willReturn(signed(QUERY, NOT_FOUND, alipayKeys)));
    gateway.stubFor(method("alipay.fund.trans.uni.transfer").willReturn(signed(TRANSFER,
        "{\"code\":\"10000\",\"msg\":\"Success\",\"order_id\":\"20261205110070000006380000250623\","
            + "\"status\":\"SUCCESS\"}", alipayKeys).withFixedDelay(3_000)));
    gateway.stubFor(method("alipay.fund.trans.common.query").inScenario("transferred in the dark")
        .whenScenarioStateIs("paid").willReturn(signed(QUERY,
            "{\"code\":\"10000\",\"msg\":\"Success\",\"order_id\":\"20261205110070000006380000250623\","
                + "\"status\":\"SUCCESS\",\"trans_amount\":\"20.00\"}", alipayKeys)));
    String orderNo = "ALI-T-" + SEQUENCE.incrementAndGet();
    Payee payee = new Payee("zhou@example.com", "周女士");

    assertThatThrownBy(() -> transfers().transfer("C-3:refundRetention", orderNo, payee, new BigDecimal("20.00")))
        .as("the answer did not come in time").hasMessageContaining("支付宝暂时无法确认")
        .hasMessageContaining("不会重复转账");
    String reference = transfers().transfer("C-3:refundRetention", orderNo, payee, new BigDecimal("20.00"));

    assertThat(reference).isEqualTo("20261205110070000006380000250623");
    assertThat(requests("alipay.fund.trans.uni.transfer")).as("the transfer was sent once").hasSize(1);
    assertThat(requests("alipay.fund.trans.common.query")).as("asked before each attempt").hasSize(2);
  }

  @Test
  void aSystemErrorOnATransferIsNotTakenAsARefusal() {
    gateway.stubFor(method("alipay.fund.trans.common.query").willReturn(signed(QUERY, NOT_FOUND, alipayKeys)));
    gateway.stubFor(method("alipay.fund.trans.uni.transfer").willReturn(signed(TRANSFER,
        "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\",\"sub_code\":\"SYSTEM_ERROR\","
            + "\"sub_msg\":\"系统繁忙\"}", alipayKeys)));

    assertThatThrownBy(() -> transfers().transfer("C-4:refundRetention", "ALI-T-" + SEQUENCE.incrementAndGet(),
        new Payee("zhou@example.com", "周女士"), new BigDecimal("20.00")))
        .hasMessageContaining("支付宝暂时无法确认").hasMessageContaining("SYSTEM_ERROR")
        .hasMessageNotContaining("拒绝");
  }

  @Test
  void aTransferAnswerNotSignedByAlipayIsNotBelieved() throws Exception {
    KeyPair forger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    gateway.stubFor(method("alipay.fund.trans.common.query").willReturn(signed(QUERY,
        "{\"code\":\"10000\",\"msg\":\"Success\",\"order_id\":\"FAKE\",\"status\":\"SUCCESS\"}", forger)));

    assertThatThrownBy(() -> transfers().transfer("C-5:refundRetention", "ALI-T-" + SEQUENCE.incrementAndGet(),
        new Payee("zhou@example.com", "周女士"), new BigDecimal("20.00")))
        .hasMessageContaining("支付宝暂时无法确认");
    assertThat(requests("alipay.fund.trans.uni.transfer")).isEmpty();
  }

  // --- helpers -----------------------------------------------------------------------------------------

  private static final String QUERY = "alipay_fund_trans_common_query_response";
  private static final String TRANSFER = "alipay_fund_trans_uni_transfer_response";
  /** What alipay.fund.trans.common.query answers for an out_biz_no it never saw. */
  private static final String NOT_FOUND = "{\"code\":\"40004\",\"msg\":\"Business Failed\","
      + "\"sub_code\":\"ORDER_NOT_EXIST\",\"sub_msg\":\"转账订单不存在\"}";

  /** The payment adapter the app wired, called as IssueRefundDelegate calls it for a transfer. */
  private static RefundGateway transfers() {
    return app.bean(RefundGateway.class);
  }

  record Case(String caseNo, String orderNo) {}

  /** A delivered order and a price-difference refund small enough to be paid at once. */
  private Case priceDifference(String amount) {
    String orderNo = "ALI-" + System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet();
    assertThat(send("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_a","name":"周女士"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":128.00}],
         "paidAmount":128.00,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT%s"}}"""
        .formatted(orderNo, orderNo)).statusCode()).isIn(200, 201);
    HttpResponse<String> opened = send("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PRICE_DIFFERENCE","amount":%s}""".formatted(orderNo, amount));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    try {
      return new Case(json.readTree(opened.body()).path("caseNo").asText(), orderNo);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Map<String, Object> refund(String caseNo) {
    return jdbc.queryForMap("SELECT status, provider_ref FROM refunds WHERE case_no = ?", caseNo);
  }


  private static MappingBuilder method(String method) {
    return post(urlPathEqualTo("/gateway.do")).withQueryParam("method", equalTo(method));
  }

  /** Alipay's answer: the response node, and its signature over exactly that text with the given key. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder signed(String node, String body,
      KeyPair key) {
    try {
      String sign = AlipaySignature.rsa256Sign(body, base64(key.getPrivate().getEncoded()), "UTF-8");
      return aResponse().withStatus(200).withHeader("Content-Type", "text/html;charset=utf-8")
          .withBody("{\"" + node + "\":" + body + ",\"sign\":\"" + sign + "\"}");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private List<LoggedRequest> requests(String method) {
    return gateway.findAll(postRequestedFor(urlPathEqualTo("/gateway.do")).withQueryParam("method", equalTo(method)));
  }

  /** The request's parameters: the protocol's in the query, the business content in the form body. */
  private static Map<String, String> params(LoggedRequest request) {
    Map<String, String> params = new HashMap<>();
    request.getQueryParams().forEach((name, value) -> params.put(name, value.firstValue()));
    for (String pair : request.getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].isEmpty()) continue;
      params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  private HttpResponse<String> send(String path, String body) {
    return app.asAdmin("POST", path, body);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
