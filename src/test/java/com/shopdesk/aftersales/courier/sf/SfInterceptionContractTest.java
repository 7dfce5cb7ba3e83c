package com.shopdesk.aftersales.courier.sf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shopdesk.aftersales.AdapterApp;
import com.shopdesk.aftersales.courier.CourierGateway;
import com.shopdesk.aftersales.sandbox.SandboxCourier;
import com.shopdesk.aftersales.security.startup.StartupRefusedException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SF interception (丰桥 截单转寄退回, {@code EXP_RECE_WANTED_INTERCEPT}) against a WireMock stub written from SF's
 * published request and answer formats, in an app of its own wired with {@code aftersales.adapters.sf-interception=true}
 * over the sandbox courier (which intercepts SF and ZTO by API, so ZTO shows what the wrapped adapter does).
 * What is asserted is what the desk does in a real interception case: an SF parcel asked of SF once, signed with the
 * check word; a ZTO parcel left to the sandbox courier; SF's refusal or absence ending as an incident in words a
 * manager understands; a withdrawal calling SF's interception off; a repeat SF says it already has counting as done.
 */
class SfInterceptionContractTest {
  private static final String PARTNER = "SHOPDESK_TEST";
  private static final String CHECK_WORD = "cw-" + UUID.randomUUID();
  private static final String CARD = "7551234567";
  private static final String ALREADY = "TEST-ALREADY";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** The provider, started before the app (which needs its address) and emptied before each test. */
  @RegisterExtension
  static final WireMockExtension sf = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  private static AdapterApp app;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = AdapterApp.start("sfInterceptionTest",
        "--aftersales.adapters.sf-interception=true",
        "--aftersales.sf.partner-id=" + PARTNER, "--aftersales.sf.check-word=" + CHECK_WORD,
        "--aftersales.sf.monthly-card=" + CARD,
        "--aftersales.sf.gateway=" + sf.baseUrl() + "/std/service",
        "--aftersales.sf.timeout=PT2S",
        "--aftersales.sf.already-done-codes=" + ALREADY);
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
  }

  @BeforeEach
  void sfAccepts() {
    sf.stubFor(post(urlPathEqualTo("/std/service")).willReturn(okJson(answer(
        "{\"success\":true,\"errorCode\":\"S0000\",\"errorMsg\":null,\"msgData\":null}"))));
  }

  @Test
  void anSfParcelsInterceptionIsAskedOfSfOnceSignedWithTheCheckWord() throws Exception {
    String waybill = shippedOrder("SF");
    long before = System.currentTimeMillis();
    String caseNo = openRefundOnly(waybill);
    app.runJobs(caseNo);

    assertThat(app.incidents(caseNo)).isEmpty();
    assertThat(waitingAt(caseNo, "waitOutcome")).as("the interception waits for the parcel's scans").isTrue();
    List<LoggedRequest> calls = sf.findAll(postRequestedFor(urlPathEqualTo("/std/service")));
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = form(calls.get(0).getBodyAsString());
    assertThat(form.keySet()).containsExactlyInAnyOrder("partnerID", "requestID", "serviceCode", "timestamp",
        "msgData", "msgDigest");
    assertThat(form.get("partnerID")).isEqualTo(PARTNER);
    assertThat(form.get("serviceCode")).isEqualTo("EXP_RECE_WANTED_INTERCEPT");
    assertThat(form.get("requestID")).matches("[0-9a-f]{32}");
    assertThat(Long.parseLong(form.get("timestamp"))).as("milliseconds")
        .isBetween(before, System.currentTimeMillis());
    assertThat(form.get("msgDigest")).as("Base64(MD5(URLEncode(msgData + timestamp + checkWord)))")
        .isEqualTo(independentDigest(form.get("msgData") + form.get("timestamp") + CHECK_WORD));

    JsonNode msgData = json.readTree(form.get("msgData"));
    assertThat(msgData.path("waybillNo").asText()).isEqualTo(waybill);
    assertThat(msgData.path("serviceCode").asText()).as("退回").isEqualTo("2");
    assertThat(msgData.path("role").asText()).as("寄方").isEqualTo("1");
    assertThat(msgData.path("payMode").asText()).as("寄付月结").isEqualTo("4");
    assertThat(msgData.path("monthlyCardNo").asText()).isEqualTo(CARD);
    assertThat(msgData.path("cancel").isBoolean()).isTrue();
    assertThat(msgData.path("cancel").asBoolean()).isFalse();

    SandboxCourier sandbox = app.bean(SandboxCourier.class);
    assertThat(sandbox.interceptionRequested("SF", waybill)).as("not asked of the wrapped adapter").isFalse();
    assertThat(timeline(caseNo)).contains("已请求快递拦截 顺丰速运 " + waybill);
  }

  @Test
  void aZtoParcelAndEveryOtherCourierCallStayWithTheWrappedAdapter() {
    String waybill = shippedOrder("ZTO");
    String caseNo = openRefundOnly(waybill);
    app.runJobs(caseNo);

    assertThat(app.incidents(caseNo)).isEmpty();
    assertThat(waitingAt(caseNo, "waitOutcome")).isTrue();
    SandboxCourier sandbox = app.bean(SandboxCourier.class);
    assertThat(sandbox.interceptionRequested("ZTO", waybill)).as("the sandbox's API took it").isTrue();
    assertThat(sf.findAll(postRequestedFor(urlPathEqualTo("/std/service")))).isEmpty();

    CourierGateway courier = app.bean(CourierGateway.class);
    assertThat(courier).isInstanceOf(SfInterception.class);
    assertThat(courier.interceptsByApi("SF")).isTrue();
    assertThat(courier.interceptsByApi("ZTO")).as("as the sandbox says").isTrue();
    assertThat(courier.interceptsByApi("YTO")).as("as the sandbox says: the station").isFalse();
    String sfParcel = "SF" + System.nanoTime();
    courier.urge("SF", sfParcel);
    courier.openInvestigation("SF", sfParcel);
    assertThat(sandbox.urged("SF", sfParcel)).isTrue();
    assertThat(sandbox.investigating("SF", sfParcel)).isTrue();
    assertThat(sf.findAll(postRequestedFor(urlPathEqualTo("/std/service")))).as("only interceptions go to SF")
        .isEmpty();
  }

  @Test
  void sfsRefusalIsRetriedAndThenAnIncidentInSfsWords() {
    sf.stubFor(post(urlPathEqualTo("/std/service")).willReturn(okJson(answer(
        "{\"success\":false,\"errorCode\":\"20025\",\"errorMsg\":\"运单已签收，不能拦截\",\"msgData\":null}"))));
    String waybill = shippedOrder("SF");
    String caseNo = openRefundOnly(waybill);
    app.runJobs(caseNo);

    assertThat(app.incidents(caseNo)).singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage())
        .contains("顺丰拒绝拦截 顺丰速运 " + waybill).contains("20025").contains("运单已签收，不能拦截"));
    assertThat(sf.findAll(postRequestedFor(urlPathEqualTo("/std/service")))).as("tried, then retried twice")
        .hasSize(3);
  }

  @Test
  void aGatewayRefusalNamesTheCodeAndWhatToCheck() {
    sf.stubFor(post(urlPathEqualTo("/std/service")).willReturn(okJson(
        "{\"apiResultCode\":\"A1006\",\"apiErrorMsg\":\"数字签名无效\",\"apiResponseID\":\"X\",\"apiResultData\":null}")));
    String waybill = shippedOrder("SF");
    String caseNo = openRefundOnly(waybill);
    app.runJobs(caseNo);
    assertThat(app.incidents(caseNo)).singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage())
        .contains("顺丰接口拒绝了请求").contains("A1006").contains("SF_CHECK_WORD"));
  }

  @Test
  void anOutageOrASlowAnswerIsAnIncidentSayingSfIsUnreachable() {
    sf.stubFor(post(urlPathEqualTo("/std/service")).willReturn(aResponse().withStatus(502)
        .withBody("<html>502 Bad Gateway</html>")));
    String down = openRefundOnly(shippedOrder("SF"));
    app.runJobs(down);
    assertThat(app.incidents(down)).singleElement().satisfies(incident ->
        assertThat(incident.getIncidentMessage()).contains("顺丰接口暂时无法访问").contains("拦截 顺丰速运"));

    sf.stubFor(post(urlPathEqualTo("/std/service")).willReturn(okJson(answer("{\"success\":true}"))
        .withFixedDelay(3_000)));
    String slow = openRefundOnly(shippedOrder("SF"));
    app.runJobs(slow);
    assertThat(app.incidents(slow)).singleElement().satisfies(incident ->
        assertThat(incident.getIncidentMessage()).contains("顺丰接口暂时无法访问"));

    sf.stubFor(post(urlPathEqualTo("/std/service")).willReturn(okJson(
        "{\"apiResultCode\":\"A1009\",\"apiErrorMsg\":\"\",\"apiResultData\":null}")));
    String behind = openRefundOnly(shippedOrder("SF"));
    app.runJobs(behind);
    assertThat(app.incidents(behind)).singleElement().satisfies(incident ->
        assertThat(incident.getIncidentMessage()).contains("顺丰接口暂时无法访问").contains("A1009"));
  }

  @Test
  void aWithdrawalCallsTheInterceptionOffAtSf() throws Exception {
    String waybill = shippedOrder("SF");
    String caseNo = openRefundOnly(waybill);
    app.runJobs(caseNo);
    assertThat(waitingAt(caseNo, "waitOutcome")).isTrue();

    HttpResponse<String> withdrawn = app.asAdmin("POST", "/api/cases/" + caseNo + "/withdraw",
        "{\"reason\":\"买家不要退款了\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    app.runJobs(caseNo);

    assertThat(app.incidents(caseNo)).isEmpty();
    List<LoggedRequest> calls = sf.findAll(postRequestedFor(urlPathEqualTo("/std/service")));
    assertThat(calls).hasSize(2);
    Map<String, String> form = form(calls.get(1).getBodyAsString());
    assertThat(form.get("serviceCode")).isEqualTo("EXP_RECE_WANTED_INTERCEPT");
    assertThat(form.get("msgDigest")).isEqualTo(independentDigest(form.get("msgData") + form.get("timestamp")
        + CHECK_WORD));
    JsonNode msgData = json.readTree(form.get("msgData"));
    assertThat(msgData.path("waybillNo").asText()).isEqualTo(waybill);
    assertThat(msgData.path("serviceCode").asText()).isEqualTo("2");
    assertThat(msgData.path("cancel").asBoolean()).as("the cancel flag").isTrue();
    assertThat(app.jdbc.queryForObject("SELECT resolution FROM cases WHERE case_no = ?", String.class, caseNo))
        .isEqualTo("WITHDRAWN");
    assertThat(app.bean(SandboxCourier.class).interceptionCalledOff("SF", waybill)).isFalse();
  }

  @Test
  void aRepeatSfAlreadyHasCountsAsDone() {
    sf.stubFor(post(urlPathEqualTo("/std/service")).willReturn(okJson(answer(
        "{\"success\":false,\"errorCode\":\"" + ALREADY + "\",\"errorMsg\":\"该运单已存在拦截指令\"}"))));
    String waybill = shippedOrder("SF");
    String caseNo = openRefundOnly(waybill);
    app.runJobs(caseNo);
    assertThat(app.incidents(caseNo)).isEmpty();
    assertThat(waitingAt(caseNo, "waitOutcome")).isTrue();

    CourierGateway courier = app.bean(CourierGateway.class);
    courier.callOffInterception("SF", waybill);
    courier.callOffInterception("SF", waybill);
    assertThat(sf.findAll(postRequestedFor(urlPathEqualTo("/std/service")))).hasSize(3);
  }

  // --- the digest and the settings, without an app ----------------------------------------------------

  @Test
  void theDigestIsBase64OfMd5OfTheUrlEncodedTextAsSfsSdksSignIt() {
    // computed apart from this code, as SF's public Python SDK signs: b64encode(md5(quote_plus(s).encode()).digest())
    String msgData = "{\"waybillNo\":\"SF1234567890\",\"serviceCode\":\"2\",\"note\":\"退回 寄件人\"}";
    assertThat(SfClient.digest(msgData, "1700000000000", "checkWord123")).isEqualTo("pZxii6N2ykbpe7IfWnCWtg==");
    assertThat(SfClient.digest(msgData, "1700000000000", "checkWord123"))
        .isEqualTo(independentDigest(msgData + "1700000000000" + "checkWord123"));
  }

  @Test
  void withoutTheSecretsTheAppRefusesToStartNamingTheVariable() {
    URI gateway = URI.create("https://sfapi-sbox.sf-express.com/std/service");
    assertThatThrownBy(() -> settings(null, "cw", CARD, "4").check()).isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("SF_PARTNER_ID").hasMessageContaining("aftersales.adapters.sf-interception=false");
    assertThatThrownBy(() -> settings("P", " ", CARD, "4").check()).hasMessageContaining("SF_CHECK_WORD");
    assertThatThrownBy(() -> settings("P", "cw", "", "4").check()).hasMessageContaining("SF_MONTHLY_CARD");
    assertThatThrownBy(() -> settings("P", "cw", CARD, "9").check()).hasMessageContaining("pay-mode");
    settings("P", "cw", null, "1").check(); // 寄付现结 needs no card
    SfSettings defaults = new SfSettings("P", "cw", CARD, null, null, null, null);
    assertThat(defaults.payMode()).isEqualTo("4");
    assertThat(defaults.gateway()).hasToString("https://bspgw.sf-express.com/std/service");
    assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(new SfSettings("P", "cw", CARD, "4", gateway, null, Set.of(" a1 ", "")).alreadyDoneCodes())
        .containsExactly("A1");
  }

  // --- helpers -----------------------------------------------------------------------------------------

  private static SfSettings settings(String partner, String checkWord, String card, String payMode) {
    return new SfSettings(partner, checkWord, card, payMode, null, null, null);
  }

  /** A shipped one-line order of this carrier sent by the platform; returns its waybill number. */
  private String shippedOrder(String carrier) {
    String orderNo = "SFT-" + System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet();
    String waybill = carrier + orderNo.replace("-", "").replace("SFT", "");
    HttpResponse<String> r = app.asAdmin("POST", "/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_sf","name":"陈先生"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":99.00}],
         "paidAmount":99.00,"status":"SHIPPED","shipment":{"carrier":"%s","trackingNo":"%s"}}"""
        .formatted(orderNo, carrier, waybill));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return waybill;
  }

  /** Opens a refund-only case (未收货仅退款) on the order shipped with this waybill; returns the case number. */
  private String openRefundOnly(String waybill) {
    String orderNo = app.jdbc.queryForObject("SELECT order_no FROM shipments WHERE tracking_no = ?", String.class,
        waybill);
    HttpResponse<String> r = app.asAdmin("POST", "/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL"}""".formatted(orderNo));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    try {
      return json.readTree(r.body()).path("caseNo").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private boolean waitingAt(String caseNo, String activity) {
    return app.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .activityIdIn(activity).count() == 1;
  }

  private String timeline(String caseNo) {
    HttpResponse<String> r = app.asAdmin("GET", "/api/cases/" + caseNo, "");
    return r.body();
  }

  private static String answer(String resultData) {
    return "{\"apiResultCode\":\"A1000\",\"apiErrorMsg\":\"\",\"apiResponseID\":\"000191E3B1A8\",\"apiResultData\":"
        + quote(resultData) + "}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The digest computed here with JDK classes, not with the adapter's code. */
  private static String independentDigest(String text) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
          .digest(URLEncoder.encode(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
  }
}
