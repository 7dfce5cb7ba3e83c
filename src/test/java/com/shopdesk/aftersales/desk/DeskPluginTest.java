package com.shopdesk.aftersales.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.security.WebappSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * The managers' desk in Cockpit, through its real endpoints with a Cockpit login: a manager finds any case and reads
 * its story and the board; anyone without the desk grant gets nothing of it; bad input is refused by name.
 */
class DeskPluginTest extends AfterSalesTest {
  private static final String DESK = "/camunda/api/cockpit/plugin/desk/default/";

  private WebappSession manager() {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("cockpit", "manager1", USER_PASSWORD).status()).isEqualTo(200);
    return session;
  }

  private JsonNode read(WebappSession session, String path) {
    WebappSession.Reply reply = session.get(DESK + path);
    assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
    try {
      return json.readTree(reply.body());
    } catch (Exception e) {
      throw new AssertionError(reply.body(), e);
    }
  }

  private static String q(String term) {
    return "cases?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8);
  }

  private static List<String> caseNos(JsonNode list, String field) {
    List<String> found = new ArrayList<>();
    list.forEach(n -> found.add(n.path(field).asText()));
    return found;
  }

  @Test
  void aManagerFindsAClosedCaseByEachOfItsNamesAndReadsItsWholeStory() {
    String orderNo = newOrderNo();
    String buyer = "tb_" + orderNo;
    String phone = "139" + String.format("%08d", Math.abs(orderNo.hashCode()) % 100_000_000);
    String tracking = "ZT" + orderNo;
    assertThat(post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"%s","name":"买家%s","phone":"%s","address":"浙江省杭州市西湖区"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":128.00}],
         "paidAmount":128.00,"status":"UNSHIPPED"}""".formatted(orderNo, buyer, orderNo, phone)).status())
        .isEqualTo(201);
    CaseIntake.Opened opened = openRefundOnly(orderNo, "128.00");
    runDueJobs(opened.processInstanceId());
    assertThat(caseView(opened.caseNo()).path("status").asText()).isEqualTo("CLOSED");
    jdbc.update("INSERT INTO shipments (order_no, kind, carrier, tracking_no) VALUES (?, 'OUTBOUND', 'ZTO', ?)",
        orderNo, tracking);

    WebappSession manager = manager();
    for (String name : List.of(opened.caseNo(), orderNo, buyer, "买家" + orderNo, phone, tracking)) {
      JsonNode found = read(manager, q(name));
      assertThat(caseNos(found, "caseNo")).as("found by " + name).containsExactly(opened.caseNo());
      assertThat(found.get(0).path("status").asText()).isEqualTo("CLOSED");
      assertThat(found.get(0).path("processName").asText()).isEqualTo("拦截退款（未收货仅退款）");
    }
    assertThat(read(manager, q("no-such-" + orderNo))).isEmpty();

    JsonNode story = read(manager, "cases/" + opened.caseNo());
    assertThat(story.path("ledger").path("resolution").asText()).isEqualTo("REFUNDED");
    assertThat(story.path("asked").asText()).isEqualTo("仅退款 · 个人原因");
    JsonNode refund = story.path("ledger").path("refunds").get(0);
    assertThat(new BigDecimal(refund.path("amount").asText())).isEqualByComparingTo("128.00");
    assertThat(refund.path("reference").asText()).isNotBlank();
    assertThat(story.path("ledger").path("timeline").size()).isGreaterThan(2);
    assertThat(story.path("ledger").path("remarks").size()).isPositive();
    JsonNode instance = story.path("instances").get(0);
    assertThat(instance.path("id").asText()).isEqualTo(opened.processInstanceId());
    assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(caseNos(instance.path("steps"), "activityId"))
        .as("the path the closed case took, from history").contains("cancelOutbound")
        .doesNotContain("agreeRefund");
  }

  @Test
  void theStoryShowsEachTaskWithWhoDidItAndTheCasesALinkedCaseCameFrom() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "500.00", 1);
    CaseIntake.Opened opened = openRefundOnly(orderNo, "500.00");
    runDueJobs(opened.processInstanceId());
    var task = task(opened.caseNo(), "agreeRefund");
    engine.getTaskService().claim(task.getId(), "agent1");

    JsonNode story = read(manager(), "cases/" + opened.caseNo());
    JsonNode agree = null;
    for (JsonNode t : story.path("tasks")) {
      if (t.path("name").asText().equals(task.getName())) agree = t;
    }
    assertThat(agree).as("the open task in the story").isNotNull();
    assertThat(agree.path("assignee").asText()).isEqualTo("agent1");
    assertThat(agree.path("outcome").asText()).isEqualTo("进行中");
    assertThat(agree.path("dueAt").asText()).isNotBlank();
    assertThat(story.path("instances").get(0).path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void theBoardCountsWhatIsWaitingAndEachNumberOpensItsCases() {
    WebappSession manager = manager();
    JsonNode before = read(manager, "board");
    JsonNode todayBefore = read(manager, "today");

    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "500.00", 1);
    CaseIntake.Opened agree = openRefundOnly(orderNo, "500.00");
    runDueJobs(agree.processInstanceId());

    JsonNode after = read(manager, "board");
    assertThat(step(after, "interception", "agreeRefund") - step(before, "interception", "agreeRefund")).isEqualTo(1);
    assertThat(clock(after, "AGREE_REFUND", "running") - clock(before, "AGREE_REFUND", "running")).isEqualTo(1);
    assertThat(open(after, "interception") - open(before, "interception")).isEqualTo(1);
    assertThat(caseNos(read(manager, "board/steps?process=interception&activity=agreeRefund").path("lines"),
        "caseNo")).contains(agree.caseNo());
    assertThat(caseNos(read(manager, "board/open?process=interception").path("lines"), "caseNo"))
        .contains(agree.caseNo());
    assertThat(caseNos(read(manager, "board/clocks/AGREE_REFUND").path("lines"), "caseNo")).contains(agree.caseNo());
    assertThat(caseNos(read(manager, "board/clocks/AGREE_REFUND?atRisk=true").path("lines"), "caseNo"))
        .doesNotContain(agree.caseNo());

    // 20 hours on: the platform's 24 hours are nearly up, and the agent's task is past its due time
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(20).toMillis()));
    JsonNode later = read(manager, "board");
    assertThat(clock(later, "AGREE_REFUND", "atRisk")).isPositive();
    assertThat(caseNos(read(manager, "board/clocks/AGREE_REFUND?atRisk=true").path("lines"), "caseNo"))
        .contains(agree.caseNo());
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(25).toMillis()));
    assertThat(read(manager, "board").path("tasksOverdue").asLong()).isPositive();
    JsonNode overdue = read(manager, "board/tasks?overdue=true");
    assertThat(caseNos(overdue.path("lines"), "caseNo")).contains(agree.caseNo());
    ClockUtil.reset();

    // an automatic refund today: the day's money and work count it
    String paidOrder = newOrderNo();
    importOrder(paidOrder, "UNSHIPPED", null, "66.60", 1);
    CaseIntake.Opened paid = openRefundOnly(paidOrder, "66.60");
    runDueJobs(paid.processInstanceId());
    JsonNode todayAfter = read(manager, "today");
    assertThat(todayAfter.path("refundsPaid").asLong() - todayBefore.path("refundsPaid").asLong()).isEqualTo(1);
    assertThat(new BigDecimal(todayAfter.path("refundedAmount").asText())
        .subtract(new BigDecimal(todayBefore.path("refundedAmount").asText()))).isEqualByComparingTo("66.60");
    assertThat(perProcess(todayAfter.path("opened"), "interception")
        - perProcess(todayBefore.path("opened"), "interception")).isEqualTo(2);
    assertThat(todayAfter.path("processNames").path("interception").asText()).isEqualTo("拦截退款（未收货仅退款）");
    boolean closedRefunded = false;
    for (JsonNode c : todayAfter.path("closed")) {
      closedRefunded |= c.path("process").asText().equals("interception")
          && c.path("resolution").asText().equals("REFUNDED");
    }
    assertThat(closedRefunded).isTrue();
    assertThat(caseNos(todayAfter.path("timeToClose"), "process")).contains("interception");
  }

  @Test
  void incidentsAreCountedByTheirCauseAndOpenTheCasesTheyHold() {
    CaseIntake.Opened opened = refundStuckAtTheWarehouse("88.00");
    WebappSession manager = manager();
    JsonNode cause = null;
    for (JsonNode incident : read(manager, "board").path("incidents")) {
      if (incident.path("cause").asText().contains("仓库")) cause = incident;
    }
    assertThat(cause).as("the warehouse outage on the board").isNotNull();
    assertThat(cause.path("process").asText()).isEqualTo("interception");
    JsonNode held = read(manager, "board/incidents?process=interception&activity="
        + cause.path("activityId").asText() + "&cause="
        + URLEncoder.encode(cause.path("cause").asText(), StandardCharsets.UTF_8));
    assertThat(caseNos(held.path("lines"), "caseNo")).contains(opened.caseNo());
  }

  @Test
  void nobodyWithoutTheDeskGrantGetsAnythingOfIt() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
    CaseIntake.Opened opened = openRefundOnly(orderNo, "128.00");
    List<String> paths = List.of("access", "board", "today", q(orderNo), "cases/" + opened.caseNo(),
        "board/open?process=interception", "board/steps?process=interception&activity=agreeRefund",
        "board/tasks?overdue=true", "board/clocks/AGREE_REFUND",
        "board/incidents?process=interception&activity=cancelOutbound&cause=x");

    WebappSession analyst = new WebappSession(port);
    assertThat(analyst.login("cockpit", "analyst1", USER_PASSWORD).status())
        .as("analysts use Cockpit, for the diagrams").isEqualTo(200);
    WebappSession agent = new WebappSession(port);
    assertThat(agent.login("tasklist", "agent1", USER_PASSWORD).status()).isEqualTo(200);
    assertThat(new WebappSession(port).login("cockpit", "agent1", USER_PASSWORD).status())
        .as("an agent cannot log in to Cockpit at all").isNotEqualTo(200);
    WebappSession nobody = new WebappSession(port);
    for (String path : paths) {
      WebappSession.Reply refused = analyst.get(DESK + path);
      assertThat(refused.status()).as("analyst " + path).isEqualTo(403);
      assertThat(refused.body()).contains("售后工作台只对主管开放").doesNotContain(orderNo);
      WebappSession.Reply agentReply = agent.get(DESK + path);
      assertThat(agentReply.status()).as("agent " + path).isIn(401, 403);
      assertThat(agentReply.body()).doesNotContain(orderNo).doesNotContain(opened.caseNo());
      assertThat(nobody.get(DESK + path).status()).as("nobody " + path).isEqualTo(401);
    }
  }

  @Test
  void theDeskOnlyReadsAndRefusesBadInputByName() {
    WebappSession manager = manager();
    int cases = count("SELECT COUNT(*) FROM cases");
    assertThat(manager.post(DESK + "cases", "{\"orderNo\":\"X\"}").status()).as("no writes").isEqualTo(405);
    assertThat(count("SELECT COUNT(*) FROM cases")).isEqualTo(cases);

    record Bad(String path, int status, String field) {}
    for (Bad bad : List.of(
        new Bad("cases", 400, "q"),
        new Bad("cases?q=%20%20", 400, "q"),
        new Bad("cases?q=" + "A".repeat(65), 400, "q"),
        new Bad("cases/AS20000101-999999", 404, "caseNo"),
        new Bad("board/tasks", 400, "overdue"),
        new Bad("board/tasks?overdue=yes", 400, "overdue"),
        new Bad("board/clocks/NO_SUCH", 404, "clock"),
        new Bad("board/clocks/PICKUP?atRisk=1", 400, "atRisk"),
        new Bad("board/open", 400, "process"),
        new Bad("board/steps?process=interception", 400, "activity"),
        new Bad("board/incidents?process=interception&activity=x", 400, "cause"))) {
      WebappSession.Reply reply = manager.get(DESK + bad.path());
      assertThat(reply.status()).as(bad.path() + ": " + reply.body()).isEqualTo(bad.status());
      assertThat(reply.body()).as(bad.path()).contains("\"field\":\"" + bad.field() + "\"")
          .contains(bad.field() + ":");
    }
  }

  private static long step(JsonNode board, String process, String activity) {
    for (JsonNode s : board.path("steps")) {
      if (s.path("process").asText().equals(process) && s.path("activityId").asText().equals(activity)) {
        assertThat(s.path("step").asText()).isNotBlank();
        return s.path("waiting").asLong();
      }
    }
    return 0;
  }

  private static long clock(JsonNode board, String clock, String field) {
    for (JsonNode c : board.path("clocks")) {
      if (c.path("clock").asText().equals(clock)) return c.path(field).asLong();
    }
    throw new AssertionError("no clock " + clock + " on the board");
  }

  private static long open(JsonNode board, String process) {
    for (JsonNode p : board.path("processes")) {
      if (p.path("process").asText().equals(process)) return p.path("openCases").asLong();
    }
    return 0;
  }

  private static long perProcess(JsonNode rows, String process) {
    for (JsonNode row : rows) {
      if (row.path("process").asText().equals(process)) return row.path("cases").asLong();
    }
    return 0;
  }
}
