package com.shopdesk.aftersales.platform.top;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shopdesk.aftersales.AdapterApp;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Taobao platform adapter against a WireMock TOP gateway answering in the platform's published format, with an
 * app secret made for this run. What is asserted is what the case does when a return is agreed on an order the buyer
 * has not confirmed: receipt extended once (taobao.trade.receivetime.delay), signed as the protocol asks, not asked
 * twice when an answer is lost, not asked for an order no longer waiting for the buyer, and an incident saying what
 * the platform refused.
 */
class TaobaoPlatformContractTest {
  private static final String SECRET = "secret-" + UUID.randomUUID();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static WireMockServer gateway;
  private static AdapterApp app;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    gateway = new WireMockServer(wireMockConfig().dynamicPort());
    gateway.start();
    app = AdapterApp.start("topTest",
        "--aftersales.adapters.platform=taobao",
        "--aftersales.top.app-key=12345678", "--aftersales.top.app-secret=" + SECRET,
        "--aftersales.top.session=6100test-session", "--aftersales.top.sign-method=md5",
        "--aftersales.top.gateway=" + gateway.baseUrl() + "/router/rest",
        "--aftersales.top.timeout=PT2S");
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
    if (gateway != null) gateway.stop();
  }

  @BeforeEach
  void reset() {
    gateway.resetAll();
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
