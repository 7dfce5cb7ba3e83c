package com.shopdesk.aftersales.courier.kuaidi100;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shopdesk.aftersales.AdapterApp;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 快递100 adapter against WireMock stubs written from 快递100's published formats (订阅 /poll, 实时查询
 * /poll/query.do, the push to the desk's callback), in an app of its own wired with
 * {@code aftersales.adapters.tracking=kuaidi100} and a salt made for this run. What is asserted is what the desk
 * does: each parcel subscribed once, a refusal ending as an incident that says why, a push believed only with the
 * right signature and stored once, a case moved by a pushed scan, a parcel 快递100 gave up on followed again.
 */
class Kuaidi100ContractTest {
  private static final String KEY = "test-key-" + UUID.randomUUID();
  private static final String CUSTOMER = "TESTCUSTOMER";
  private static final String SALT = UUID.randomUUID().toString().replace("-", "");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** The provider, started before the app (which needs its address) and emptied before each test. */
  @RegisterExtension
  static final WireMockExtension kuaidi100 = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  private static AdapterApp app;
  private static ProcessEngine engine;
  private static JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = AdapterApp.start("kuaidi100Test",
        "--aftersales.adapters.tracking=kuaidi100",
        "--aftersales.kuaidi100.key=" + KEY, "--aftersales.kuaidi100.customer=" + CUSTOMER,
        "--aftersales.kuaidi100.salt=" + SALT,
        "--aftersales.kuaidi100.callback-url=https://desk.example.com/api/callbacks/kuaidi100",
        "--aftersales.kuaidi100.subscribe-url=" + kuaidi100.baseUrl() + "/poll",
        "--aftersales.kuaidi100.query-url=" + kuaidi100.baseUrl() + "/poll/query.do",
        "--aftersales.kuaidi100.timeout=PT2S");
    engine = app.engine;
    jdbc = app.jdbc;
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
  }

  @BeforeEach
  void subscriptionsAccepted() {
    kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(okJson(
        "{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));
  }

  @Test
  void everyParcelIsSubscribedOnceWithTheDesksCallbackAndSalt() throws Exception {
    String trackingNo = shippedOrder();
    runSubscription(trackingNo);

    List<LoggedRequest> subscriptions = kuaidi100.findAll(postRequestedFor(urlPathEqualTo("/poll")));
    assertThat(subscriptions).hasSize(1);
    Map<String, String> form = form(subscriptions.get(0).getBodyAsString());
    assertThat(form.get("schema")).isEqualTo("json");
    JsonNode param = json.readTree(form.get("param"));
    assertThat(param.path("company").asText()).isEqualTo("zhongtong");
    assertThat(param.path("number").asText()).isEqualTo(trackingNo);
    assertThat(param.path("key").asText()).isEqualTo(KEY);
    assertThat(param.path("parameters").path("callbackurl").asText())
        .isEqualTo("https://desk.example.com/api/callbacks/kuaidi100");
    assertThat(param.path("parameters").path("salt").asText()).isEqualTo(SALT);
    assertThat(param.path("parameters").path("resultv2").asText()).isEqualTo("1");

    String orderNo = jdbc.queryForObject("SELECT order_no FROM shipments WHERE tracking_no = ?", String.class,
        trackingNo);
    send("POST", "/api/orders", orderJson(orderNo, trackingNo)); // the platform sends the order again
    assertThat(trackingInstances(trackingNo)).as("a parcel the shop knows is not subscribed twice").isOne();
  }

  @Test
  void aParcelSubscribedBeforeCountsAsSubscribed() {
    kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(okJson(
        "{\"result\":false,\"returnCode\":\"501\",\"message\":\"重复订阅\"}")));
    String trackingNo = shippedOrder();
    runSubscription(trackingNo);
    assertThat(app.incidents(trackingNo)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(trackingNo).count())
        .isZero();
  }

  @Test
  void aRefusedSubscriptionEndsAsAnIncidentThatSaysWhy() {
    kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(okJson(
        "{\"result\":false,\"returnCode\":\"600\",\"message\":\"您不是合法的订阅者\"}")));
    String trackingNo = shippedOrder();
    runSubscription(trackingNo);
    assertThat(app.incidents(trackingNo)).singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage())
        .contains("快递100 拒绝订阅").contains("600").contains("授权 key"));
    assertThat(kuaidi100.findAll(postRequestedFor(urlPathEqualTo("/poll")))).as("tried, then retried twice").hasSize(3);
  }

  @Test
  void anOutageOrASlowAnswerIsRetriedAndThenAnIncident() {
    kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(aResponse().withStatus(503)
        .withBody("<html>503 Service Temporarily Unavailable</html>")));
    String down = shippedOrder();
    runSubscription(down);
    assertThat(app.incidents(down)).singleElement().satisfies(incident ->
        assertThat(incident.getIncidentMessage()).contains("快递100 暂时无法访问"));

    kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(okJson("{\"result\":true,\"returnCode\":\"200\"}")
        .withFixedDelay(3_000)));
    String slow = shippedOrder();
    runSubscription(slow);
    assertThat(app.incidents(slow)).singleElement().satisfies(incident ->
        assertThat(incident.getIncidentMessage()).contains("快递100 暂时无法访问"));
  }

  @Test
  void aSignedPushIsStoredOnceAndMovesTheCaseWaitingForIt() throws Exception {
    String trackingNo = shippedOrder();
    String orderNo = jdbc.queryForObject("SELECT order_no FROM shipments WHERE tracking_no = ?", String.class,
        trackingNo);
    JsonNode opened = json.readTree(send("POST", "/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL"}""".formatted(orderNo)).body());
    String caseInstance = opened.path("processInstanceId").asText();
    app.runJobs(opened.path("caseNo").asText());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseInstance)
        .activityIdIn("waitOutcome").count()).as("the interception waits for the courier").isOne();

    String param = push("polling", trackingNo, """
        {"context":"快件已被拦截，退回寄件人","ftime":"2026-11-12 09:30:00","status":"退回","statusCode":"6"},
        {"context":"快件离开杭州转运中心","ftime":"2026-11-11 22:10:00","status":"在途","statusCode":"0"},
        {"context":"中通快递 已揽收","ftime":"2026-11-11 18:00:00","status":"揽收","statusCode":"1"}""");
    HttpResponse<String> first = callback(param, Kuaidi100Signature.of(param, SALT));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json.readTree(first.body()).path("result").asBoolean()).isTrue();
    assertThat(json.readTree(first.body()).path("returnCode").asText()).isEqualTo("200");
    assertThat(callback(param, Kuaidi100Signature.of(param, SALT)).statusCode()).as("pushed again").isEqualTo(200);

    assertThat(jdbc.queryForList("SELECT event FROM tracking_events WHERE tracking_no = ? ORDER BY occurred_at",
        String.class, trackingNo)).containsExactly("PICKED_UP", "IN_TRANSIT", "RETURNING");
    String caseNo = opened.path("caseNo").asText();
    app.runJobs(caseNo);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refunds WHERE case_no = ?", Integer.class, caseNo))
        .as("the parcel is coming back, so the buyer is refunded").isOne();
    assertThat(jdbc.queryForObject("SELECT status FROM cases WHERE case_no = ?", String.class, caseNo))
        .as("followed back to the warehouse").isEqualTo("OPEN");

    String returned = push("polling", trackingNo, """
        {"context":"已退回寄件人，寄件人已签收","ftime":"2026-11-14 15:00:00","status":"退签","statusCode":"4"},
        {"context":"快件已被拦截，退回寄件人","ftime":"2026-11-12 09:30:00","status":"退回","statusCode":"6"}""");
    assertThat(callback(returned, Kuaidi100Signature.of(returned, SALT)).statusCode()).isEqualTo(200);
    app.runJobs(caseNo);
    assertThat(jdbc.queryForObject("SELECT resolution FROM cases WHERE case_no = ?", String.class, caseNo))
        .as("closed once the shop signed for the returned parcel").isEqualTo("REFUNDED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refunds WHERE case_no = ?", Integer.class, caseNo)).isOne();
  }

  @Test
  void aPushWithoutTheRightSignatureIsRefusedAndStoresNothing() throws Exception {
    String trackingNo = shippedOrder();
    String param = push("polling", trackingNo, """
        {"context":"已签收","ftime":"2026-11-12 09:30:00","status":"签收","statusCode":"3"}""");

    HttpResponse<String> forged = callback(param, Kuaidi100Signature.of(param, "not-the-salt"));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(json.readTree(forged.body()).path("result").asBoolean()).isFalse();
    HttpResponse<String> tampered = callback(param.replace("签收", "拒签").replace("\"3\"", "\"14\""),
        Kuaidi100Signature.of(param, SALT));
    assertThat(tampered.statusCode()).isEqualTo(403);
    HttpResponse<String> unsigned = postForm("/api/callbacks/kuaidi100", "param=" + enc(param));
    assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tracking_events WHERE tracking_no = ?", Integer.class,
        trackingNo)).isZero();
  }

  @Test
  void aSignedPushThatIsNotAPushIsRefusedNamingTheField() throws Exception {
    String notJson = "status=polling";
    HttpResponse<String> r = callback(notJson, Kuaidi100Signature.of(notJson, SALT));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json.readTree(r.body()).path("message").asText()).startsWith("param");

    String noParcel = "{\"status\":\"polling\",\"lastResult\":{\"data\":[]}}";
    HttpResponse<String> empty = callback(noParcel, Kuaidi100Signature.of(noParcel, SALT));
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    assertThat(json.readTree(empty.body()).path("message").asText()).contains("com").contains("nu");

    HttpResponse<String> asJson = app.send(app.request("/api/callbacks/kuaidi100")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"param\":\"x\",\"sign\":\"y\"}")));
    assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(415);

    String trackingNo = shippedOrder();
    String unknownScan = push("polling", trackingNo, """
        {"context":"疑难件，联系不上收件人","ftime":"2026-11-12 09:30:00","status":"疑难","statusCode":"2"}""");
    HttpResponse<String> problem = callback(unknownScan, Kuaidi100Signature.of(unknownScan, SALT));
    assertThat(problem.statusCode()).as("taken, though it is no event the desk acts on").isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tracking_events WHERE tracking_no = ?", Integer.class,
        trackingNo)).isZero();
  }

  @Test
  void aParcelTheServiceGaveUpOnIsFollowedAgainAfterFetchingWhatItKnows() throws Exception {
    String trackingNo = shippedOrder();
    runSubscription(trackingNo);
    String queryAnswer = """
        {"message":"ok","nu":"%s","ischeck":"0","com":"zhongtong","status":"200","state":"1","condition":"F00",
         "data":[{"context":"中通快递 已揽收","time":"2026-11-14 08:00:00","ftime":"2026-11-14 08:00:00","status":"揽收","statusCode":"1"}]}"""
        .formatted(trackingNo);
    kuaidi100.stubFor(post(urlPathEqualTo("/poll/query.do")).willReturn(okJson(queryAnswer)));

    String aborted = """
        {"status":"abort","billstatus":"","message":"3天查询无记录","autoCheck":"0","comOld":"","comNew":"",
         "lastResult":{"message":"ok","state":"0","status":"200","condition":"","ischeck":"0","com":"zhongtong","nu":"%s","data":[]}}"""
        .formatted(trackingNo);
    assertThat(callback(aborted, Kuaidi100Signature.of(aborted, SALT)).statusCode()).isEqualTo(200);

    String again = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(trackingNo)
        .singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(again, "lostBecause")).isEqualTo("3天查询无记录");
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(again).timers().singleResult();
    assertThat(timer).as("it waits before following the parcel again").isNotNull();
    engine.getManagementService().executeJob(timer.getId());
    app.runJobs(trackingNo);

    List<LoggedRequest> queries = kuaidi100.findAll(postRequestedFor(urlPathEqualTo("/poll/query.do")));
    assertThat(queries).hasSize(1);
    Map<String, String> form = form(queries.get(0).getBodyAsString());
    assertThat(form.get("customer")).isEqualTo(CUSTOMER);
    assertThat(form.get("sign")).as("MD5(param + key + customer), upper case")
        .isEqualTo(Kuaidi100Signature.of(form.get("param"), KEY, CUSTOMER)).matches("[0-9A-F]{32}");
    assertThat(json.readTree(form.get("param")).path("num").asText()).isEqualTo(trackingNo);
    assertThat(jdbc.queryForList("SELECT event FROM tracking_events WHERE tracking_no = ?", String.class, trackingNo))
        .containsExactly("PICKED_UP");
    assertThat(kuaidi100.findAll(postRequestedFor(urlPathEqualTo("/poll")))).as("subscribed again").hasSize(2);
    assertThat(app.incidents(trackingNo)).isEmpty();
  }

  @Test
  void aParcelThatArrivedIsNotFollowedAgain() throws Exception {
    String trackingNo = shippedOrder();
    runSubscription(trackingNo);
    String delivered = push("shutdown", trackingNo, """
        {"context":"已签收，签收人：本人","ftime":"2026-11-13 12:00:00","status":"签收","statusCode":"3"}""");
    assertThat(callback(delivered, Kuaidi100Signature.of(delivered, SALT)).statusCode()).isEqualTo(200);
    String aborted = push("abort", trackingNo, """
        {"context":"已签收，签收人：本人","ftime":"2026-11-13 12:00:00","status":"签收","statusCode":"3"}""");
    assertThat(callback(aborted, Kuaidi100Signature.of(aborted, SALT)).statusCode()).isEqualTo(200);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(trackingNo).count())
        .isZero();
  }

  // --- helpers -----------------------------------------------------------------------------------------

  /** A shipped one-line order sent by the platform; returns its tracking number. */
  private String shippedOrder() {
    String orderNo = "K100-" + System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet();
    String trackingNo = "ZT" + orderNo.replace("-", "");
    HttpResponse<String> r = send("POST", "/api/orders", orderJson(orderNo, trackingNo));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return trackingNo;
  }

  private static String orderJson(String orderNo, String trackingNo) {
    return """
        {"orderNo":"%s","buyer":{"id":"tb_k","name":"王小姐"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":99.00}],
         "paidAmount":99.00,"status":"SHIPPED","shipment":{"carrier":"ZTO","trackingNo":"%s"}}"""
        .formatted(orderNo, trackingNo);
  }

  private static String push(String status, String trackingNo, String data) {
    return """
        {"status":"%s","billstatus":"","message":"","autoCheck":"0","comOld":"","comNew":"",
         "lastResult":{"message":"ok","state":"0","status":"200","condition":"F00","ischeck":"0","com":"zhongtong",
         "nu":"%s","data":[%s]}}""".formatted(status, trackingNo, data);
  }

  /** Runs the parcel's subscription step as the job executor would, retries included. */
  private void runSubscription(String trackingNo) {
    app.runJobs(trackingNo);
  }

  private long trackingInstances(String trackingNo) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("parcel-tracking")
        .processInstanceBusinessKey(trackingNo).count();
  }


  private HttpResponse<String> callback(String param, String sign) {
    return postForm("/api/callbacks/kuaidi100", "param=" + enc(param) + "&sign=" + enc(sign));
  }

  private HttpResponse<String> postForm(String path, String body) {
    return app.send(app.request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(String method, String path, String body) {
    return app.asAdmin(method, path, body);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
  }
}
