package com.shopdesk.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.shopdesk.aftersales.AfterSalesTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed and hostile requests against every endpoint of the product API and the sandbox, sent as the role
 * allowed to call it. Each must be refused with a 4xx whose JSON body names the offending field in `field` and
 * in the message, and must write nothing: no row in any shop or sandbox table changes, and the engine has no
 * new or changed process instance, variable, job or task.
 *
 * <p>The cases are generated per endpoint and per field (wrong JSON type, float for an integer, string for a
 * number, number for an enum or a date, dates outside 2000..2100, null elements, a key given twice, unknown
 * fields, oversize values), plus hand-written nasty ones. After them, each endpoint's unchanged template is sent
 * once and must be accepted: the refusals come from the mutation, not from a broken template.
 */
class HostileInputTest extends AfterSalesTest {
  private static final String PLATFORM = "platform1";
  private static final String AGENT = "agent1";
  private static final String JSON = "application/json";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  enum Kind { TEXT, INT, MONEY, ENUM, DATE, BOOL, LIST, OBJECT, MAP }

  /**
   * A field of a request body. {@code max}: the longest text or list; {@code zeroOk}: 0 (and so -0) is a valid
   * number; {@code emptyRefused}: an empty list is refused.
   */
  record Field(String path, Kind kind, boolean required, int max, boolean zeroOk, boolean emptyRefused) {
    static Field text(String path, int max, boolean required) {
      return new Field(path, Kind.TEXT, required, max, false, false);
    }

    static Field integer(String path, boolean required, boolean zeroOk) {
      return new Field(path, Kind.INT, required, 0, zeroOk, false);
    }

    static Field money(String path, boolean required, boolean zeroOk) {
      return new Field(path, Kind.MONEY, required, 0, zeroOk, false);
    }

    static Field of(String path, Kind kind, boolean required) {
      return new Field(path, kind, required, 0, false, false);
    }

    static Field list(String path, boolean required, boolean emptyRefused, int max) {
      return new Field(path, Kind.LIST, required, max, false, emptyRefused);
    }
  }

  /** An endpoint that reads a JSON body, with a valid body to mutate and what a valid call answers. */
  record BodyEndpoint(String mapping, String path, String user, String template, List<Field> fields, int accepted,
      boolean bodyOptional) {
    String method() {
      return mapping.substring(0, mapping.indexOf(' '));
    }
  }

  /**
   * One hostile request and what its refusal must look like. {@code field}: what the body's field must be, null
   * for none, {@link #ANY_FIELD} when the server cannot know it (the message must still name it if it gives one);
   * {@code mentions}: what the message must contain (the field, unless a refusal of meaning names the offending
   * value instead, e.g. "order NOPE-1 not found"); {@code apiBody} false: refused by the container before the
   * API, with its own body.
   */
  record Hostile(String endpoint, String name, String method, String path, byte[] body, String contentType,
      String user, Set<Integer> statuses, String field, boolean apiBody, String mentions) {
    static final String ANY_FIELD = "*";

    Hostile(String endpoint, String name, String method, String path, byte[] body, String contentType, String user,
        Set<Integer> statuses, String field, boolean apiBody) {
      this(endpoint, name, method, path, body, contentType, user, statuses, field, apiBody, field);
    }

    Hostile withAnyField() {
      return new Hostile(endpoint, name, method, path, body, contentType, user, statuses, ANY_FIELD, apiBody, null);
    }

    Hostile mentioning(String text) {
      return new Hostile(endpoint, name, method, path, body, contentType, user, statuses, field, apiBody, text);
    }

    @Override
    public String toString() {
      return endpoint + " — " + name;
    }
  }

  record Answer(int status, String body) {}

  /** A value put where a field's value goes: raw JSON text, or null to leave the field out. */
  record Variant(String label, String raw, String field) {}

  private String fixtureOrder;
  private String caseOrder;
  private String returnCase;
  private String withdrawnCase;
  private String correctedCase;
  private String refundedCase;
  private String platformOrder;

  @AfterEach
  void noSystemStaysDown() {
    jdbc.update("DELETE FROM sandbox_outages");
  }

  @TestFactory
  Stream<DynamicTest> hostileRequestsAreRefusedNamingTheFieldAndWriteNothing() {
    createFixtures();
    List<BodyEndpoint> bodies = bodyEndpoints();
    List<Hostile> hostile = new ArrayList<>();
    bodies.forEach(e -> hostile.addAll(generated(e)));
    bodies.forEach(e -> hostile.addAll(nastyBodies(e)));
    hostile.addAll(handWritten());

    Map<String, Long> perEndpoint = hostile.stream()
        .collect(Collectors.groupingBy(Hostile::endpoint, TreeMap::new, Collectors.counting()));

    Stream<DynamicTest> coverage = Stream.of(DynamicTest.dynamicTest("every endpoint is attacked", () -> {
      assertThat(hostile).hasSizeGreaterThanOrEqualTo(200);
      for (String endpoint : productEndpoints()) {
        assertThat(perEndpoint.getOrDefault(endpoint, 0L)).as(endpoint).isGreaterThanOrEqualTo(5);
      }
    }));
    Stream<DynamicTest> refusals = hostile.stream()
        .map(h -> DynamicTest.dynamicTest(h.toString(), () -> assertRefusedWithoutWriting(h)));
    Stream<DynamicTest> controls = bodies.stream()
        .map(e -> DynamicTest.dynamicTest(e.mapping() + " — the unchanged template is accepted", () -> {
          Answer r = call(e.method(), e.path(), bytes(e.template()), JSON, e.user());
          assertThat(r.status()).as(r.body()).isEqualTo(e.accepted());
        }));
    return Stream.of(coverage, refusals, controls).flatMap(s -> s);
  }

  // --- what must hold for every hostile request --------------------------------------------------

  private void assertRefusedWithoutWriting(Hostile h) throws Exception {
    Map<String, String> before = writes();
    Answer r = call(h.method(), h.path(), h.body(), h.contentType(), h.user());
    Map<String, String> after = writes();

    String said = h + " answered " + r.status() + " " + abbreviated(r.body());
    assertThat(r.status()).as(said).isIn(h.statuses());
    if (h.apiBody()) {
      JsonNode body = json.readTree(r.body());
      assertThat(body.path("status").asInt()).as(said).isEqualTo(r.status());
      assertThat(body.path("error").asText()).as(said).isEqualTo(HttpStatus.valueOf(r.status()).getReasonPhrase());
      assertThat(body.path("message").asText()).as(said).isNotBlank();
      if (h.field() == null) {
        assertThat(body.path("field").isMissingNode() || body.path("field").isNull()).as(said).isTrue();
      } else if (h.field().equals(Hostile.ANY_FIELD)) {
        assertThat(body.path("message").asText()).as(said).contains(body.path("field").asText(""));
      } else {
        assertThat(body.path("field").asText()).as(said).isEqualTo(h.field());
        assertThat(body.path("message").asText()).as(said).contains(h.mentions());
      }
    }
    assertThat(after).as("what " + h + " wrote").isEqualTo(before);
  }

  private static String abbreviated(String body) {
    return body.length() <= 600 ? body : body.substring(0, 600) + "…";
  }

  /** Every shop and sandbox table (row count and content; not ShedLock's, which the chores write on their own) and the engine's instances, variables, jobs, tasks. */
  private Map<String, String> writes() {
    Map<String, String> state = new TreeMap<>();
    List<String> tables = jdbc.queryForList("""
        SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'
        AND TABLE_NAME NOT LIKE 'ACT\\_%' ESCAPE '\\' AND TABLE_NAME <> 'SHEDLOCK'""", String.class);
    assertThat(tables).contains("ORDERS", "ORDER_ITEMS", "SHIPMENTS", "TRACKING_EVENTS", "CASES",
        "CASE_TIMELINE", "REFUNDS", "SANDBOX_OUTAGES", "SANDBOX_STOCK", "SANDBOX_PACKING_RECORDS");
    for (String table : tables) {
      List<String> rows = jdbc.queryForList("SELECT * FROM \"" + table + "\"").stream()
          .map(Object::toString).sorted().toList();
      state.put(table, rows.size() + " rows #" + rows.hashCode());
    }
    var runtime = engine.getRuntimeService();
    var history = engine.getHistoryService();
    state.put("engine: process instances", runtime.createProcessInstanceQuery().count() + " running, "
        + history.createHistoricProcessInstanceQuery().count() + " in history");
    state.put("engine: variables", runtime.createVariableInstanceQuery().count() + " running, "
        + history.createHistoricVariableInstanceQuery().count() + " in history, "
        + history.createHistoricDetailQuery().count() + " updates");
    state.put("engine: jobs and tasks", engine.getManagementService().createJobQuery().count() + " jobs, "
        + engine.getTaskService().createTaskQuery().count() + " tasks, "
        + history.createHistoricActivityInstanceQuery().count() + " activities");
    return state;
  }

  /** The mappings of /api and /sandbox, as "METHOD pattern". */
  private Set<String> productEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/") || pattern.startsWith("/sandbox/")) {
          info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + pattern));
        }
      }
    }
    assertThat(endpoints).hasSizeGreaterThanOrEqualTo(16);
    return endpoints;
  }

  // --- the endpoints that read a body ------------------------------------------------------------

  private List<BodyEndpoint> bodyEndpoints() {
    String unique = newOrderNo();
    return List.of(
        new BodyEndpoint("POST /api/orders", "/api/orders", PLATFORM, """
            {"orderNo":"H-%s","buyer":{"id":"tb_alice","name":"王小姐","phone":"13800000000","address":"浙江省杭州市西湖区文三路 1 号"},
             "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":2,"unitPrice":128.00}],
             "paidAmount":256.00,"shippingInsurance":true,"status":"DELIVERED",
             "shipment":{"carrier":"ZTO","trackingNo":"ZT-H-%s","shippedAt":"2026-11-11T10:00:00+08:00"},
             "deliveredAt":"2026-11-13T10:00:00+08:00"}""".formatted(unique, unique), List.of(
            Field.text("orderNo", 64, true),
            Field.of("buyer", Kind.OBJECT, true),
            Field.text("buyer.id", 64, true),
            Field.text("buyer.name", 128, true),
            Field.text("buyer.phone", 32, false),
            Field.text("buyer.address", 512, false),
            Field.list("items", true, true, 0),
            Field.text("items[0].sku", 64, true),
            Field.text("items[0].name", 256, true),
            Field.text("items[0].category", 64, true),
            Field.integer("items[0].quantity", true, false),
            Field.money("items[0].unitPrice", true, true),
            Field.money("paidAmount", true, true),
            Field.of("shippingInsurance", Kind.BOOL, false),
            Field.of("status", Kind.ENUM, true),
            // the order is DELIVERED, which needs its shipment
            Field.of("shipment", Kind.OBJECT, true),
            Field.text("shipment.carrier", 32, true),
            Field.text("shipment.trackingNo", 64, true),
            Field.of("shipment.shippedAt", Kind.DATE, false),
            Field.of("deliveredAt", Kind.DATE, false)), 201, false),
        new BodyEndpoint("POST /api/cases", "/api/cases", AGENT, """
            {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","items":[{"sku":"LJ-250","quantity":1}],
             "amount":128.00,"evidence":["https://img.example/1.jpg"],"note":"买家拍错了"}""".formatted(caseOrder),
            List.of(
                Field.text("orderNo", 64, true),
                Field.of("request", Kind.ENUM, true),
                Field.of("reason", Kind.ENUM, true),
                Field.list("items", false, true, 0),
                Field.text("items[0].sku", 64, true),
                Field.integer("items[0].quantity", true, false),
                Field.text("items[0].replacementSku", 64, false),
                Field.money("amount", false, false),
                Field.list("evidence", false, false, 20),
                Field.text("evidence[0]", 1000, true),
                Field.text("note", 1000, false)), 201, false),
        new BodyEndpoint("POST /api/cases/{caseNo}/return-shipment", "/api/cases/" + returnCase + "/return-shipment",
            AGENT, """
            {"carrier":"YTO","trackingNo":"YT-H-%s","shippingFee":15.00}""".formatted(unique), List.of(
            Field.text("carrier", 32, true),
            Field.text("trackingNo", 64, true),
            Field.money("shippingFee", false, true)), 202, false),
        new BodyEndpoint("POST /api/cases/{caseNo}/remarks", "/api/cases/" + returnCase + "/remarks", AGENT, """
            {"text":"答应补寄龙井小样","flag":"YELLOW"}""", List.of(
            Field.text("text", 500, true),
            Field.of("flag", Kind.ENUM, true)), 201, false),
        new BodyEndpoint("POST /api/orders/{orderNo}/promised-gifts", "/api/orders/" + fixtureOrder
            + "/promised-gifts", AGENT, """
            {"sku":"H-G-%s","name":"龙井小样 5g","quantity":1,"value":8.00,"note":"聊天中答应"}""".formatted(unique),
            List.of(
            Field.text("sku", 64, true),
            Field.text("name", 100, true),
            Field.integer("quantity", false, false),
            Field.money("value", true, false),
            Field.text("note", 500, false)), 201, false),
        new BodyEndpoint("POST /api/cases/{caseNo}/withdraw", "/api/cases/" + withdrawnCase + "/withdraw", AGENT, """
            {"reason":"买家不想要了"}""", List.of(Field.text("reason", 500, true)), 200, false),
        new BodyEndpoint("PATCH /api/cases/{caseNo}", "/api/cases/" + correctedCase, AGENT, """
            {"request":"EXCHANGE","reason":"QUALITY","note":"买家选错了原因"}""", List.of(
            Field.of("request", Kind.ENUM, false),
            Field.of("reason", Kind.ENUM, false),
            Field.text("note", 500, false)), 200, false),
        new BodyEndpoint("POST /api/cases/{caseNo}/refund-inquiries", "/api/cases/" + refundedCase
            + "/refund-inquiries", AGENT, """
            {"note":"信用卡账单里没看到"}""", List.of(Field.text("note", 500, false)), 200, true),
        new BodyEndpoint("POST /api/courier-events", "/api/courier-events", PLATFORM, """
            {"carrier":"ZTO","trackingNo":"ZT-E-%s","event":"INTERCEPTED","at":"2026-11-12T09:00:00+08:00"}"""
            .formatted(unique), trackingEventFields(), 202, false),
        new BodyEndpoint("POST /sandbox/courier/scans", "/sandbox/courier/scans", PLATFORM, """
            {"carrier":"ZTO","trackingNo":"ZT-S-%s","event":"PICKED_UP","at":"2026-11-24T09:00:00+08:00"}"""
            .formatted(unique), trackingEventFields(), 200, false),
        new BodyEndpoint("POST /sandbox/warehouse/shipments", "/sandbox/warehouse/shipments", PLATFORM, """
            {"orderNo":"H-%s","carrier":"ZTO","trackingNo":"ZT-W-%s"}""".formatted(unique, unique), List.of(
            Field.text("orderNo", 64, true),
            Field.text("carrier", 32, true),
            Field.text("trackingNo", 64, true)), 204, false),
        new BodyEndpoint("PUT /sandbox/warehouse/packing-records", "/sandbox/warehouse/packing-records", PLATFORM, """
            {"orderNo":"H-%s","items":{"LJ-250":1},"weightGrams":520}""".formatted(unique), List.of(
            Field.text("orderNo", 64, true),
            Field.of("items", Kind.MAP, true),
            Field.integer("weightGrams", false, true)), 204, false),
        new BodyEndpoint("PUT /sandbox/warehouse/stock", "/sandbox/warehouse/stock", PLATFORM, """
            {"sku":"H-%s","quantity":5}""".formatted(unique), List.of(
            Field.text("sku", 64, true),
            Field.integer("quantity", true, true)), 204, false),
        new BodyEndpoint("PUT /sandbox/courier/weights", "/sandbox/courier/weights", PLATFORM, """
            {"carrier":"ZTO","trackingNo":"ZT-G-%s","grams":500}""".formatted(unique), List.of(
            Field.text("carrier", 32, true),
            Field.text("trackingNo", 64, true),
            Field.integer("grams", true, false)), 204, false),
        new BodyEndpoint("POST /sandbox/platform/refunds", "/sandbox/platform/refunds", PLATFORM, """
            {"orderNo":"%s","goodsReturned":true,"amount":12.00,"reason":"质量问题","description":"杯沿裂纹",
             "sku":"LJ-250","quantity":1}""".formatted(platformOrder), List.of(
            Field.text("orderNo", 64, true),
            Field.of("goodsReturned", Kind.BOOL, true),
            Field.money("amount", true, false),
            Field.text("reason", 200, true),
            Field.text("description", 500, false),
            Field.text("sku", 64, false),
            Field.integer("quantity", false, false)), 201, false),
        new BodyEndpoint("PUT /sandbox/outages/{system}", "/sandbox/outages/PAYMENT", PLATFORM, """
            {"reason":"演练"}""", List.of(Field.text("reason", 200, false)), 204, true));
  }

  private static List<Field> trackingEventFields() {
    return List.of(
        Field.text("carrier", 32, true),
        Field.text("trackingNo", 64, true),
        Field.of("event", Kind.ENUM, true),
        Field.of("at", Kind.DATE, true));
  }

  /** An order with an open case waiting for the buyer's return parcel, and an order without a case. */
  private void createFixtures() {
    platformOrder = newOrderNo();
    Response sold = send("PUT", "/sandbox/platform/orders/" + platformOrder, orderJson(platformOrder, "DELIVERED",
        "ZT-" + platformOrder, "128.00", 1), PLATFORM, USER_PASSWORD);
    assertThat(sold.status()).as(sold.body()).isEqualTo(204);
    fixtureOrder = newOrderNo();
    importOrder(fixtureOrder, "DELIVERED", "ZT-" + fixtureOrder, "128.00", 1);
    Response opened = send("POST", "/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"PERSONAL"}""".formatted(fixtureOrder), AGENT,
        USER_PASSWORD);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    returnCase = opened.json().path("caseNo").asText();
    runDueJobsOfCase(returnCase);
    completeTask(returnCase, "retain", Map.of("retained", false));

    caseOrder = newOrderNo();
    importOrder(caseOrder, "DELIVERED", "ZT-" + caseOrder, "128.00", 2);

    String withdrawnOrder = newOrderNo();
    importOrder(withdrawnOrder, "DELIVERED", "ZT-" + withdrawnOrder, "128.00", 1);
    withdrawnCase = send("POST", "/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"PERSONAL"}""".formatted(withdrawnOrder), AGENT,
        USER_PASSWORD).json().path("caseNo").asText();

    String correctedOrder = newOrderNo();
    importOrder(correctedOrder, "DELIVERED", "ZT-" + correctedOrder, "128.00", 1);
    String refundedOrder = newOrderNo();
    importOrder(refundedOrder, "UNSHIPPED", null, "128.00", 1);
    refundedCase = send("POST", "/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL"}""".formatted(refundedOrder), AGENT,
        USER_PASSWORD).json().path("caseNo").asText();
    runDueJobsOfCase(refundedCase);

    correctedCase = send("POST", "/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"PERSONAL"}""".formatted(correctedOrder), AGENT,
        USER_PASSWORD).json().path("caseNo").asText();
  }

  // --- generated: per endpoint, per field --------------------------------------------------------

  private List<Hostile> generated(BodyEndpoint e) {
    JsonNode template = tree(e.template());
    List<Hostile> out = new ArrayList<>();
    for (Field f : e.fields()) {
      for (Variant v : variants(f)) {
        String body = render(template, "", f.path(), v.raw(), false);
        out.add(bodyCase(e, f.path() + ": " + v.label(), bytes(body), v.field()));
      }
      if (present(template, f.path()) && !f.path().endsWith("]")) {
        out.add(bodyCase(e, f.path() + ": key given twice", bytes(render(template, "", f.path(), null, true)),
            f.path()));
      }
    }
    List<String> maps = e.fields().stream().filter(f -> f.kind() == Kind.MAP).map(Field::path).toList();
    for (String object : objects(template, "").stream().filter(o -> !maps.contains(o)).toList()) {
      String unknown = object.isEmpty() ? "bogus" : object + ".bogus";
      out.add(bodyCase(e, (object.isEmpty() ? "" : object + ": ") + "unknown field",
          bytes(render(template, "", unknown, "1", false)), unknown));
    }
    String first = template.fieldNames().next();
    String misspelt = Character.toUpperCase(first.charAt(0)) + first.substring(1);
    out.add(bodyCase(e, "field name in another case: " + misspelt,
        bytes(e.template().replaceFirst("\"" + first + "\"", "\"" + misspelt + "\"")), misspelt));
    return out;
  }

  private static List<Variant> variants(Field f) {
    String p = f.path();
    List<Variant> v = new ArrayList<>();
    switch (f.kind()) {
      case TEXT -> {
        v.add(new Variant("number for text", "123", p));
        v.add(new Variant("float for text", "1.5", p));
        v.add(new Variant("boolean for text", "true", p));
        v.add(new Variant("object for text", "{\"a\":\"b\"}", p));
        v.add(new Variant("list for text", "[\"x\"]", p));
        if (f.max() > 0) {
          v.add(new Variant("oversize (" + (f.max() + 1) + " characters)", "\"" + "x".repeat(f.max() + 1) + "\"", p));
        }
        if (f.required()) {
          v.add(new Variant("blank", "\"   \"", p));
          v.add(new Variant("empty", "\"\"", p));
        }
      }
      case INT -> {
        v.add(new Variant("float for integer", "1.5", p));
        v.add(new Variant("float with zero fraction", "1.0", p));
        v.add(new Variant("string for integer", "\"1\"", p));
        v.add(new Variant("boolean for integer", "true", p));
        v.add(new Variant("1e400", "1e400", p));
        v.add(new Variant("beyond int", "99999999999999999999", p));
        v.add(new Variant("NaN as string", "\"NaN\"", p));
        v.add(new Variant("negative", "-1", p));
        v.add(new Variant("list for integer", "[1]", p));
        v.add(new Variant("object for integer", "{}", p));
        if (!f.zeroOk()) {
          v.add(new Variant("negative zero", "-0", p));
        }
      }
      case MONEY -> {
        v.add(new Variant("string for number", "\"128.00\"", p));
        v.add(new Variant("boolean for number", "true", p));
        v.add(new Variant("NaN as string", "\"NaN\"", p));
        v.add(new Variant("Infinity as string", "\"Infinity\"", p));
        v.add(new Variant("1e400", "1e400", p));
        v.add(new Variant("negative", "-1.00", p));
        v.add(new Variant("three decimals", "1.001", p));
        v.add(new Variant("list for number", "[1]", p));
        if (!f.zeroOk()) {
          v.add(new Variant("negative zero", "-0.0", p));
        }
      }
      case ENUM -> {
        v.add(new Variant("ordinal number for enum", "0", p));
        v.add(new Variant("ordinal as string", "\"0\"", p));
        v.add(new Variant("unknown name", "\"GIVE_ME_MONEY\"", p));
        v.add(new Variant("lower case", "\"" + (p.equals("status") ? "delivered" : p.equals("request")
            ? "return_refund" : p.equals("reason") ? "quality" : "picked_up") + "\"", p));
        v.add(new Variant("empty", "\"\"", p));
        v.add(new Variant("boolean for enum", "true", p));
        v.add(new Variant("object for enum", "{}", p));
      }
      case DATE -> {
        v.add(new Variant("epoch seconds", "1700000000", p));
        v.add(new Variant("epoch milliseconds", "1700000000000", p));
        v.add(new Variant("epoch as float", "1.7E9", p));
        v.add(new Variant("epoch as string", "\"1700000000\"", p));
        v.add(new Variant("year +999999999", "\"+999999999-12-31T23:59:59+08:00\"", p));
        v.add(new Variant("year -999999999", "\"-999999999-01-01T00:00:00Z\"", p));
        v.add(new Variant("year 1999", "\"1999-12-31T23:59:59Z\"", p));
        v.add(new Variant("year 2101", "\"2101-01-01T00:00:00Z\"", p));
        v.add(new Variant("without offset", "\"2026-11-12T09:00:00\"", p));
        v.add(new Variant("date only", "\"2026-11-12\"", p));
        v.add(new Variant("month 13", "\"2026-13-12T09:00:00+08:00\"", p));
        v.add(new Variant("empty", "\"\"", p));
        v.add(new Variant("list for date", "[2026,11,12,9,0]", p));
        v.add(new Variant("boolean for date", "true", p));
      }
      case BOOL -> {
        v.add(new Variant("string for boolean", "\"true\"", p));
        v.add(new Variant("1 for boolean", "1", p));
        v.add(new Variant("0 for boolean", "0", p));
        v.add(new Variant("yes for boolean", "\"yes\"", p));
        v.add(new Variant("object for boolean", "{}", p));
      }
      case LIST -> {
        v.add(new Variant("object for list", "{}", p));
        v.add(new Variant("string for list", "\"x\"", p));
        v.add(new Variant("number for list", "1", p));
        v.add(new Variant("null element", "[null]", p + "[0]"));
        v.add(new Variant("number element", "[1]", p + "[0]"));
        if (f.emptyRefused()) {
          v.add(new Variant("empty list", "[]", p));
        }
        if (f.max() > 0) {
          String element = "\"https://img.example/x.jpg\"";
          v.add(new Variant("oversize (" + (f.max() + 1) + " elements)",
              "[" + String.join(",", java.util.Collections.nCopies(f.max() + 1, element)) + "]", p));
        }
      }
      case OBJECT -> {
        v.add(new Variant("string for object", "\"x\"", p));
        v.add(new Variant("list for object", "[]", p));
        v.add(new Variant("number for object", "1", p));
        v.add(new Variant("boolean for object", "true", p));
      }
      case MAP -> {
        v.add(new Variant("list for map", "[]", p));
        v.add(new Variant("string for map", "\"x\"", p));
        v.add(new Variant("empty map", "{}", p));
        v.add(new Variant("null value", "{\"LJ-250\":null}", p + "[LJ-250]"));
        v.add(new Variant("float value", "{\"LJ-250\":1.5}", p + "[LJ-250]"));
        v.add(new Variant("string value", "{\"LJ-250\":\"1\"}", p + "[LJ-250]"));
        v.add(new Variant("negative value", "{\"LJ-250\":-1}", p + "[LJ-250]"));
        v.add(new Variant("value beyond int", "{\"LJ-250\":99999999999}", p + "[LJ-250]"));
        v.add(new Variant("key with the separator", "{\"LJ:250,X\":1}", p + "[LJ:250,X]"));
        v.add(new Variant("oversize (13 SKUs)", java.util.stream.IntStream.range(0, 13)
            .mapToObj(i -> "\"S" + i + "\":1").collect(Collectors.joining(",", "{", "}")), p));
      }
    }
    if (f.required()) {
      v.add(new Variant("null", "null", p));
      if (!p.endsWith("]")) {
        v.add(new Variant("left out", null, p));
      }
    }
    return v;
  }

  private Hostile bodyCase(BodyEndpoint e, String name, byte[] body, String field) {
    return new Hostile(e.mapping(), name, e.method(), e.path(), body, JSON, e.user(), Set.of(400), field, true);
  }

  // --- hand-written: bodies that are no JSON object, or not JSON at all ---------------------------

  private List<Hostile> nastyBodies(BodyEndpoint e) {
    List<Hostile> out = new ArrayList<>();
    String template = e.template();
    String firstText = e.fields().stream().filter(f -> f.kind() == Kind.TEXT && !f.path().contains("."))
        .findFirst().orElseThrow().path();
    if (!e.bodyOptional()) {
      out.add(bodyCase(e, "empty body", new byte[0], null));
      out.add(bodyCase(e, "the JSON null", bytes("null"), null));
      // where no field is required on its own (a correction names a request, a reason or both), any named field
      String firstRequired = e.fields().stream().filter(Field::required).map(Field::path)
          .filter(p -> !p.contains(".") && !p.contains("[")).sorted().findFirst().orElse(Hostile.ANY_FIELD);
      out.add(bodyCase(e, "empty object", bytes("{}"), firstRequired));
    }
    out.add(bodyCase(e, "a list", bytes("[" + template + "]"), null));
    out.add(bodyCase(e, "a string", bytes("\"" + template.replace("\"", "\\\"") + "\""), null));
    out.add(bodyCase(e, "a number", bytes("42"), null));
    out.add(bodyCase(e, "cut short", bytes(template.substring(0, template.length() / 2)), null).withAnyField());
    out.add(bodyCase(e, "trailing garbage", bytes(template + " x"), null));
    out.add(bodyCase(e, "a second object after it", bytes(template + "{}"), null));
    out.add(bodyCase(e, "a stray closing bracket after it", bytes(template + "]"), null));
    out.add(bodyCase(e, "a comment before it", bytes("/* hi */" + template), null));
    out.add(bodyCase(e, "single quotes", bytes(template.replace('"', '\'')), null));
    out.add(bodyCase(e, "NaN as a bare token", bytes(render(tree(template), "", firstText, "NaN", false)),
        firstText));
    out.add(bodyCase(e, "deeply nested lists",
        bytes(render(tree(template), "", firstText, "[".repeat(3000) + "]".repeat(3000), false)), firstText));
    out.add(bodyCase(e, "a 2000-digit number", bytes(render(tree(template), "", firstText, "9".repeat(2000), false)),
        null).withAnyField());
    out.add(bodyCase(e, "non-UTF-8 bytes in a string", withBytes(template, firstText, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        firstText));
    out.add(bodyCase(e, "overlong UTF-8 encoding of '/'", withBytes(template, firstText,
        new byte[] {(byte) 0xC0, (byte) 0xAF}), firstText));
    out.add(bodyCase(e, "a control character in a string", withBytes(template, firstText, new byte[] {0x01}),
        firstText));
    for (String type : new String[] {"text/plain", "application/xml", "application/octet-stream"}) {
      out.add(new Hostile(e.mapping(), "Content-Type " + type, e.method(), e.path(), bytes(template), type, e.user(),
          Set.of(415), null, true));
    }
    // read as form parameters by the container: Spring Security's firewall refuses names with line breaks (400)
    out.add(new Hostile(e.mapping(), "Content-Type application/x-www-form-urlencoded", e.method(), e.path(),
        bytes(template), "application/x-www-form-urlencoded", e.user(), Set.of(400, 415), null, false));
    out.add(new Hostile(e.mapping(), "no Content-Type", e.method(), e.path(), bytes(template), null, e.user(),
        Set.of(415), null, true));
    return out;
  }

  // --- hand-written: paths, query parameters, methods, and refusals of meaning -------------------

  private List<Hostile> handWritten() {
    List<Hostile> out = new ArrayList<>();
    for (String[] at : new String[][] {
        {"GET /api/orders/{orderNo}", "/api/orders/", PLATFORM, "orderNo"},
        {"GET /api/cases/{caseNo}", "/api/cases/", AGENT, "caseNo"},
        {"GET /api/platform-refunds/{refundId}", "/api/platform-refunds/", AGENT, "refundId"},
        {"GET /sandbox/platform/refunds/{refundId}", "/sandbox/platform/refunds/", PLATFORM, "refundId"}}) {
      String endpoint = at[0];
      String base = at[1];
      String user = at[2];
      String field = at[3];
      out.add(get(endpoint, "unknown", base + "NOPE-1", user, 404, field).mentioning("NOPE-1 not found"));
      out.add(get(endpoint, "markup", base + "%3Cscript%3Ealert(1)%3C-script%3E", user, 404, field)
          .mentioning("<script>alert(1)<-script> not found"));
      out.add(get(endpoint, "Chinese", base + "%E8%AE%A2%E5%8D%95", user, 404, field).mentioning("订单 not found"));
      out.add(get(endpoint, "SQL", base + "x'%20OR%20'1'='1", user, 404, field).mentioning("x' OR '1'='1 not found"));
      out.add(get(endpoint, "4000 characters", base + "x".repeat(4000), user, 404, field).mentioning("not found"));
      out.addAll(rejectedBeforeTheApp(endpoint, "GET", base, user, null));
    }
    String gifts = "GET /api/orders/{orderNo}/promised-gifts";
    for (String[] at : new String[][] {{"unknown", "NOPE-1", "NOPE-1 not found"},
        {"markup", "%3Cscript%3Ealert(1)%3C-script%3E", "<script>alert(1)<-script> not found"},
        {"Chinese", "%E8%AE%A2%E5%8D%95", "订单 not found"}, {"SQL", "x'%20OR%20'1'='1", "x' OR '1'='1 not found"},
        {"4000 characters", "x".repeat(4000), "not found"}}) {
      out.add(get(gifts, at[0], "/api/orders/" + at[1] + "/promised-gifts", AGENT, 404, "orderNo").mentioning(at[2]));
    }
    String cases = "GET /api/cases";
    String whole = "limit must be a whole number";
    String range = "limit must be between 1 and 1000";
    String statuses = "status must be one of OPEN, CLOSED";
    for (String[] q : new String[][] {
        {"limit=abc", "limit", whole}, {"limit=1.5", "limit", whole}, {"limit=1e3", "limit", whole},
        {"limit=99999999999", "limit", "limit is out of range"}, {"limit=%00", "limit", whole}, {"limit=0", "limit", range},
        {"limit=1001", "limit", range}, {"limit=-1", "limit", range},
        {"limit=1&limit=2", "limit", "limit is given 2 times"}, {"limt=5", "limt", "limt is not a parameter"},
        {"status=FOO", "status", statuses}, {"status=0", "status", statuses}, {"status=open", "status", statuses},
        {"status=OPEN&status=CLOSED", "status", "status is given 2 times"},
        {"orderNo=" + "x".repeat(65), "orderNo", "orderNo size must be between 0 and 64"},
        {"limit=abc&status=FOO", null, "must be"}}) {
      Hostile h = get(cases, "?" + q[0].substring(0, Math.min(q[0].length(), 40)), "/api/cases?" + q[0], AGENT, 400,
          q[1]);
      out.add(q[1] == null ? h.withAnyField() : h.mentioning(q[2]));
    }
    String unopened = "GET /api/platform-refunds";
    for (String q : new String[] {"limit=abc", "limit=0", "limit=201", "limit=1.5", "limit=1&limit=2", "limt=5"}) {
      out.add(get(unopened, "?" + q, "/api/platform-refunds?" + q, AGENT, 400, q.startsWith("limt") ? "limt" : "limit"));
    }
    String feed = "GET /api/platform-refunds/feed";
    for (String q : new String[] {"limit=5", "refundId=1", "from=2026-01-01", "a=%00", "x=" + "y".repeat(500)}) {
      String name = q.substring(0, q.indexOf('='));
      out.add(get(feed, "?" + name, "/api/platform-refunds/feed?" + q, AGENT, 400, name)
          .mentioning(name + " is not a parameter"));
    }
    byte[] returnParcel = bytes("{\"carrier\":\"YTO\",\"trackingNo\":\"YT-H\"}");
    for (String[] action : new String[][] {{"return-shipment", "POST"}, {"cancel", "POST"}, {"intervention", "POST"}}) {
      String endpoint = "POST /sandbox/platform/refunds/{refundId}/" + action[0];
      byte[] body = action[0].equals("return-shipment") ? returnParcel : null;
      out.add(new Hostile(endpoint, "unknown refund", "POST", "/sandbox/platform/refunds/NOPE-1/" + action[0], body,
          body == null ? null : JSON, PLATFORM, Set.of(404), "refundId", true).mentioning("NOPE-1 not found"));
      out.addAll(rejectedBeforeTheApp(endpoint, "POST", "/sandbox/platform/refunds/", PLATFORM, body).stream()
          .map(h -> new Hostile(h.endpoint(), h.name(), h.method(), h.path() + "/" + action[0], h.body(),
              h.contentType(), h.user(), h.statuses(), h.field(), h.apiBody())).toList());
    }
    String sell = "PUT /sandbox/platform/orders/{orderNo}";
    out.add(new Hostile(sell, "another order's number in the body", "PUT", "/sandbox/platform/orders/OTHER-1",
        bytes(orderJson(newOrderNo(), "UNSHIPPED", null, "128.00", 1)), JSON, PLATFORM, Set.of(400), "orderNo", true));
    out.addAll(rejectedBeforeTheApp(sell, "PUT", "/sandbox/platform/orders/", PLATFORM,
        bytes(orderJson(newOrderNo(), "UNSHIPPED", null, "128.00", 1))));
    String outbound = "GET /sandbox/warehouse/outbound-orders/{orderNo}";
    out.add(get(outbound, "65 characters", "/sandbox/warehouse/outbound-orders/" + "x".repeat(65), PLATFORM, 400,
        "orderNo"));
    out.addAll(rejectedBeforeTheApp(outbound, "GET", "/sandbox/warehouse/outbound-orders/", PLATFORM, null));
    String payments = "GET /sandbox/payments";
    out.add(get(payments, "no orderNo", "/sandbox/payments", PLATFORM, 400, "orderNo"));
    out.add(get(payments, "blank orderNo", "/sandbox/payments?orderNo=%20", PLATFORM, 400, "orderNo"));
    out.add(get(payments, "empty orderNo", "/sandbox/payments?orderNo=", PLATFORM, 400, "orderNo"));
    out.add(get(payments, "65 characters", "/sandbox/payments?orderNo=" + "x".repeat(65), PLATFORM, 400, "orderNo"));
    out.add(get(payments, "a null byte", "/sandbox/payments?orderNo=%00" + "x".repeat(65), PLATFORM, 400, "orderNo"));

    for (String method : new String[] {"PUT", "DELETE"}) {
      String endpoint = method + " /sandbox/outages/{system}";
      byte[] body = method.equals("PUT") ? bytes("{\"reason\":\"演练\"}") : null;
      for (String system : new String[] {"FOO", "0", "courier", "COURIER_", "%E5%BF%AB%E9%80%92"}) {
        out.add(new Hostile(endpoint, "system " + system, method, "/sandbox/outages/" + system, body,
            body == null ? null : JSON, PLATFORM, Set.of(400), "system", true)
            .mentioning("system must be one of COURIER, WAREHOUSE, PAYMENT"));
      }
      out.addAll(rejectedBeforeTheApp(endpoint, method, "/sandbox/outages/", PLATFORM, body));
    }

    String scans = "POST /sandbox/courier/scans";
    for (String push : new String[] {"maybe", "2", "%00"}) {
      out.add(new Hostile(scans, "push=" + push, "POST", "/sandbox/courier/scans?push=" + push, bytes("""
          {"carrier":"ZTO","trackingNo":"ZT-P-1","event":"PICKED_UP","at":"2026-11-24T09:00:00+08:00"}"""), JSON,
          PLATFORM, Set.of(400), "push", true).mentioning("push must be true or false"));
    }
    out.add(new Hostile(scans, "push given twice", "POST", "/sandbox/courier/scans?push=false&push=true", bytes("""
        {"carrier":"ZTO","trackingNo":"ZT-P-1","event":"PICKED_UP","at":"2026-11-24T09:00:00+08:00"}"""), JSON,
        PLATFORM, Set.of(400), "push", true).mentioning("push is given 2 times"));

    String ship = "POST /api/cases/{caseNo}/return-shipment";
    byte[] parcel = bytes("{\"carrier\":\"YTO\",\"trackingNo\":\"YT-NOPE\"}");
    out.add(new Hostile(ship, "unknown case", "POST", "/api/cases/AS19990101-000001/return-shipment", parcel, JSON,
        AGENT, Set.of(404), "caseNo", true).mentioning("AS19990101-000001 not found"));
    out.add(new Hostile(ship, "markup for the case", "POST", "/api/cases/%3Cb%3E/return-shipment", parcel, JSON,
        AGENT, Set.of(404), "caseNo", true).mentioning("<b> not found"));
    out.add(new Hostile(ship, "a parcel of another order", "POST", "/api/cases/" + returnCase + "/return-shipment",
        bytes("{\"carrier\":\"ZTO\",\"trackingNo\":\"ZT-" + caseOrder + "\"}"), JSON, AGENT, Set.of(409),
        "trackingNo", true).mentioning("tracking number ZTO ZT-" + caseOrder + " belongs to another parcel"));
    out.add(new Hostile(ship, "a query parameter it does not take", "POST",
        "/api/cases/" + returnCase + "/return-shipment?caseNo=AS19990101-000001", parcel, JSON, AGENT, Set.of(400),
        "caseNo", true).mentioning("caseNo is not a parameter"));
    out.addAll(rejectedBeforeTheApp(ship, "POST", "/api/cases/", AGENT, parcel).stream()
        .map(h -> new Hostile(h.endpoint(), h.name(), h.method(), h.path() + "/return-shipment", h.body(),
            h.contentType(), h.user(), h.statuses(), h.field(), h.apiBody())).toList());

    String orders = "POST /api/orders";
    String line = "{\"sku\":\"LJ-250\",\"name\":\"西湖龙井 250g\",\"category\":\"tea\",\"quantity\":1,\"unitPrice\":128.00}";
    out.add(post(orders, "the same SKU twice", "/api/orders", PLATFORM, """
        {"orderNo":"H-DUP-%s","buyer":{"id":"b","name":"n"},"items":[%s,%s],"paidAmount":256.00,"status":"UNSHIPPED"}"""
        .formatted(newOrderNo(), line, line), 400, "items[1].sku").mentioning("SKU LJ-250 appears twice"));
    out.add(post(orders, "shipped without its shipment", "/api/orders", PLATFORM, """
        {"orderNo":"H-NS-%s","buyer":{"id":"b","name":"n"},"items":[%s],"paidAmount":128.00,"status":"SHIPPED"}"""
        .formatted(newOrderNo(), line), 400, "shipment"));
    out.add(post(orders, "a new paid amount on an order with a case", "/api/orders", PLATFORM,
        orderJson(fixtureOrder, "DELIVERED", "ZT-" + fixtureOrder, "127.00", 1), 409, "paidAmount"));
    out.add(post(orders, "new lines on an order with a case", "/api/orders", PLATFORM,
        orderJson(fixtureOrder, "DELIVERED", "ZT-" + fixtureOrder, "64.00", 2), 409, "items"));
    out.add(post(orders, "misspelt amount", "/api/orders", PLATFORM,
        orderJson(newOrderNo(), "UNSHIPPED", null, "128.00", 1).replace("\"paidAmount\"", "\"paidAmout\""), 400,
        "paidAmout"));
    out.add(post(orders, "1 MB of text", "/api/orders", PLATFORM,
        orderJson(newOrderNo(), "UNSHIPPED", null, "128.00", 1).replace("王小姐", "王".repeat(1 << 20)), 400,
        "buyer.name"));

    String open = "POST /api/cases";
    out.add(post(open, "misspelt amount", "/api/cases", AGENT, """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL","items":[{"sku":"LJ-250","quantity":1}],"amout":1.00}"""
        .formatted(caseOrder), 400, "amout"));
    out.add(post(open, "quantity above the ordered", "/api/cases", AGENT, """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","items":[{"sku":"LJ-250","quantity":3}]}"""
        .formatted(caseOrder), 400, "items[0].quantity").mentioning("quantity 3 is above the 2 ordered"));
    out.add(post(open, "an SKU not on the order", "/api/cases", AGENT, """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","items":[{"sku":"NOPE","quantity":1}]}"""
        .formatted(caseOrder), 400, "items[0].sku").mentioning("SKU NOPE is not part of order"));
    out.add(post(open, "an amount above what was paid", "/api/cases", AGENT, """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","amount":256.01}""".formatted(caseOrder), 400,
        "amount"));
    out.add(post(open, "an unknown order", "/api/cases", AGENT, """
        {"orderNo":"NOPE-1","request":"RETURN_REFUND","reason":"QUALITY"}""", 404, "orderNo")
        .mentioning("order NOPE-1 not found"));
    out.add(post(open, "an order that has an open case", "/api/cases", AGENT, """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY"}""".formatted(fixtureOrder), 409, "items")
        .mentioning("already has an open case on LJ-250 in " + returnCase));
    out.add(post(open, "a replacement on a return", "/api/cases", AGENT, """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY",
         "items":[{"sku":"LJ-250","quantity":1,"replacementSku":"LJ-500"}]}""".formatted(caseOrder), 400,
        "items[0].replacementSku"));

    // methods nobody may use: Spring Security refuses them before any controller
    for (String[] m : new String[][] {{"DELETE", "/api/orders", "POST /api/orders"},
        {"PUT", "/api/cases", "POST /api/cases"}, {"PATCH", "/api/courier-events", "POST /api/courier-events"},
        {"GET", "/api/courier-events", "POST /api/courier-events"}}) {
      out.add(new Hostile(m[2], "method " + m[0], m[0], m[1], m[0].equals("GET") ? null : bytes("{}"),
          m[0].equals("GET") ? null : JSON, m[1].contains("cases") ? AGENT : PLATFORM, Set.of(403), null, true));
    }
    return out;
  }

  /**
   * Path variables Tomcat or Spring Security's firewall refuse before any controller runs (encoded slash,
   * dot segments, null byte, backslash, semicolon, encoded percent). Their 400 comes from the container, not
   * the API, so only the status and "nothing written" are checked.
   */
  private List<Hostile> rejectedBeforeTheApp(String endpoint, String method, String base, String user, byte[] body) {
    List<Hostile> out = new ArrayList<>();
    for (String odd : new String[] {"%2e%2e", "a%2Fb", "a%00b", "a%5Cb", "a;b=c", "a%25b", "a%0Ab"}) {
      out.add(new Hostile(endpoint, "path variable " + odd, method, base + odd, body, body == null ? null : JSON, user,
          Set.of(400), null, false));
    }
    return out;
  }

  private Hostile get(String endpoint, String name, String path, String user, int status, String field) {
    return new Hostile(endpoint, name, "GET", path, null, null, user, Set.of(status), field, true);
  }

  private Hostile post(String endpoint, String name, String path, String user, String body, int status,
      String field) {
    return new Hostile(endpoint, name, "POST", path, bytes(body), JSON, user, Set.of(status), field, true);
  }

  // --- positive: the README's requests still work ------------------------------------------------

  @Test
  void theReadmesRequestsAreStillAccepted() {
    String orderNo = newOrderNo();
    Response order = send("POST", "/api/orders", """
        {"orderNo":"%s",
          "buyer":{"id":"tb_bob","name":"李先生","phone":"13900000000","address":"上海市浦东新区世纪大道 100 号"},
          "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":2,"unitPrice":128.00}],
          "paidAmount":256.00,"status":"SHIPPED",
          "shipment":{"carrier":"ZTO","trackingNo":"ZT-%s","shippedAt":"2026-11-11T10:00:00+08:00"}}"""
        .formatted(orderNo, orderNo), PLATFORM, USER_PASSWORD);
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    assertThat(order.json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(order.json().path("paidAmount").decimalValue()).isEqualByComparingTo("256.00");
    assertThat(order.json().path("shipment").path("shippedAt").asText()).isEqualTo("2026-11-11T10:00:00+08:00");

    Response opened = send("POST", "/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"NO_REASON","items":[{"sku":"LJ-250","quantity":1}],
         "amount":128.00}""".formatted(orderNo), AGENT, USER_PASSWORD);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String caseNo = opened.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);

    Response event = send("POST", "/api/courier-events", """
        {"carrier":"ZTO","trackingNo":"ZT-%s","event":"INTERCEPT_FAILED","at":"2026-11-12T09:00:00+08:00"}"""
        .formatted(orderNo), PLATFORM, USER_PASSWORD);
    assertThat(event.status()).as(event.body()).isEqualTo(202);
    assertThat(jdbc.queryForObject("SELECT occurred_at FROM tracking_events WHERE tracking_no = ?",
        java.sql.Timestamp.class, "ZT-" + orderNo).toInstant()).isEqualTo(java.time.Instant.parse("2026-11-12T01:00:00Z"));

    JsonNode view = caseView(caseNo);
    assertThat(view.path("amount").decimalValue()).isEqualByComparingTo("128.00");
    assertThat(view.path("items").get(0).path("quantity").asInt()).isEqualTo(1);

    Response ledger = send("GET", "/api/cases?orderNo=" + orderNo + "&status=OPEN&limit=5", null, AGENT,
        USER_PASSWORD);
    assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
    assertThat(ledger.json().get(0).path("caseNo").asText()).isEqualTo(caseNo);
    Response payments = send("GET", "/sandbox/payments?orderNo=" + orderNo, null, PLATFORM, USER_PASSWORD);
    assertThat(payments.status()).as(payments.body()).isEqualTo(200);
  }

  @Test
  void datesAtTheEdgesOfTheRangeAreAccepted() {
    for (String at : new String[] {"2000-01-01T00:00:00Z", "2100-12-31T23:59:59.999Z", "2026-11-12T09:00:00.123+08:00",
        "2026-11-12T09:00:00-05:30"}) {
      Response r = send("POST", "/api/courier-events", """
          {"carrier":"ZTO","trackingNo":"ZT-EDGE-%s","event":"PICKED_UP","at":"%s"}""".formatted(newOrderNo(), at),
          PLATFORM, USER_PASSWORD);
      assertThat(r.status()).as(at + ": " + r.body()).isEqualTo(202);
    }
  }

  /** Camunda's REST API (Tasklist, Cockpit, Modeler) reads and writes JSON with its own, lenient mapper. */
  @Test
  void theEngineRestApiKeepsCamundasOwnJson() {
    Response deployments = send("GET", "/engine-rest/deployment?maxResults=1", null, ADMIN, ADMIN_PASSWORD);
    assertThat(deployments.status()).isEqualTo(200);
    assertThat(deployments.body()).contains("\"tenantId\":null").containsPattern("\"deploymentTime\":\"[^\"]+[+-]\\d{4}\"");

    Response query = send("POST", "/engine-rest/task?maxResults=1", "{\"active\":true,\"somethingNew\":1}", ADMIN,
        ADMIN_PASSWORD);
    assertThat(query.status()).as(query.body()).isEqualTo(200);
  }

  // --- JSON text and HTTP ------------------------------------------------------------------------

  private JsonNode tree(String text) {
    try {
      return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  /**
   * The template as JSON text with the value at {@code target} replaced by {@code raw} (left out when raw is
   * null, added when the template has no such field), or, with {@code twice}, its key written twice.
   */
  private static String render(JsonNode node, String at, String target, String raw, boolean twice) {
    if (node.isObject()) {
      List<String> parts = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
        String key = "\"" + field.getKey() + "\":";
        if (!path.equals(target)) {
          parts.add(key + render(field.getValue(), path, target, raw, twice));
        } else if (twice) {
          String value = render(field.getValue(), path, "", null, false);
          parts.add(key + value);
          parts.add(key + value);
        } else if (raw != null) {
          parts.add(key + raw);
        }
      }
      int dot = target.lastIndexOf('.');
      String parent = dot < 0 ? "" : target.substring(0, dot);
      String name = target.substring(dot + 1);
      if (!twice && raw != null && parent.equals(at) && !name.contains("[") && !node.has(name)) {
        parts.add("\"" + name + "\":" + raw);
      }
      return "{" + String.join(",", parts) + "}";
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        String path = at + "[" + i + "]";
        parts.add(path.equals(target) && raw != null ? raw : render(node.get(i), path, target, raw, twice));
      }
      return "[" + String.join(",", parts) + "]";
    }
    return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.toString();
  }

  private static boolean present(JsonNode template, String path) {
    JsonNode node = template;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      node = node.path(bracket < 0 ? part : part.substring(0, bracket));
      if (bracket >= 0) {
        node = node.path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      }
    }
    return !node.isMissingNode();
  }

  /** The paths of every JSON object in the template ("" for the body itself). */
  private static List<String> objects(JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      out.add(at);
      node.fields().forEachRemaining(f -> out.addAll(objects(f.getValue(), at.isEmpty() ? f.getKey() : at + "." + f.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.addAll(objects(node.get(i), at + "[" + i + "]"));
      }
    }
    return out;
  }

  /** The template with the given raw bytes at the start of the (top-level) text field's value. */
  private byte[] withBytes(String template, String textField, byte[] inserted) {
    String marker = "\u0001MARK\u0001";
    String text = render(tree(template), "", textField, "\"" + marker + "x\"", false);
    byte[] utf8 = bytes(text);
    byte[] mark = bytes(marker);
    int at = indexOf(utf8, mark);
    byte[] out = new byte[utf8.length - mark.length + inserted.length];
    System.arraycopy(utf8, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(utf8, at + mark.length, out, at + inserted.length, utf8.length - at - mark.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    throw new AssertionError("marker not found");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Answer call(String method, String path, byte[] body, String contentType, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", JSON)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + USER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(r.statusCode(), r.body());
  }
}
