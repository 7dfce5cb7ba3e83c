package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Remarks the way shops keep them: who wrote it, when, and a flag colour; the ledger finds the cases whose latest
 * remark carries a flag, so "yellow: still owed to the buyer" is a list an agent works down.
 */
class RemarkFlagTest extends AfterSalesTest {

  private String openCase() {
    String orderNo = newOrderNo();
    importDeliveredOrder(orderNo, "LJ-250", "西湖龙井 250g", "tea", "128.00", 1);
    return openCaseThroughApi("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"PERSONAL\"}");
  }

  private Response remark(String caseNo, String body, String user) {
    return send("POST", "/api/cases/" + caseNo + "/remarks", body, user, USER_PASSWORD);
  }

  private List<String> ledger(String query) {
    Response r = send("GET", "/api/cases?limit=1000&" + query, null, "agent1", USER_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> caseNos = new ArrayList<>();
    r.json().forEach(c -> caseNos.add(c.path("caseNo").asText()));
    return caseNos;
  }

  @Test
  void aYellowRemarkPutsTheCaseOnTheOwedListUntilABlueOneFollows() {
    String caseNo = openCase();
    assertThat(ledger("flag=YELLOW")).doesNotContain(caseNo);

    Response owed = remark(caseNo, "{\"text\":\"答应补寄龙井小样 5g\",\"flag\":\"YELLOW\"}", "agent1");
    assertThat(owed.status()).as(owed.body()).isEqualTo(201);
    assertThat(owed.json().path("author").asText()).isEqualTo("agent1");
    assertThat(owed.json().path("flag").asText()).isEqualTo("YELLOW");
    assertThat(owed.json().path("at").asText()).isNotBlank();
    assertThat(owed.json().path("text").asText()).isEqualTo("售后 " + caseNo + "：答应补寄龙井小样 5g");

    assertThat(ledger("flag=YELLOW")).contains(caseNo);
    assertThat(ledger("flag=BLUE")).doesNotContain(caseNo);
    assertThat(ledger("flag=YELLOW&status=OPEN")).contains(caseNo);
    assertThat(ledger("flag=YELLOW&status=CLOSED")).doesNotContain(caseNo);
    JsonNode row = send("GET", "/api/cases?flag=YELLOW&orderNo=" + caseView(caseNo).path("orderNo").asText(), null,
        "agent1", USER_PASSWORD).json().get(0);
    assertThat(row.path("remarkFlag").asText()).isEqualTo("YELLOW");

    assertThat(remark(caseNo, "{\"text\":\"小样已随补发寄出\",\"flag\":\"BLUE\"}", "manager1").status()).isEqualTo(201);
    assertThat(ledger("flag=YELLOW")).doesNotContain(caseNo);
    assertThat(ledger("flag=BLUE")).contains(caseNo);

    JsonNode remarks = caseView(caseNo).path("remarks");
    assertThat(remarks).hasSize(2);
    assertThat(remarks.get(0).path("flag").asText()).isEqualTo("YELLOW");
    assertThat(remarks.get(1).path("author").asText()).isEqualTo("manager1");
  }

  @Test
  void closingTheCaseLeavesAYellowFlagAPersonSet() {
    String caseNo = openCase();
    runDueJobsOfCase(caseNo);
    assertThat(remark(caseNo, "{\"text\":\"答应补寄龙井小样 5g\",\"flag\":\"YELLOW\"}", "agent1").status())
        .isEqualTo(201);
    completeTask(caseNo, "retain", Map.of("retained", true, "retentionAmount", 10.0));
    assertThat(caseView(caseNo).path("status").asText()).isEqualTo("CLOSED");
    JsonNode remarks = caseView(caseNo).path("remarks");
    assertThat(remarks.get(remarks.size() - 1).path("flag").asText()).as("the closing remark").isEqualTo("BLUE");
    assertThat(ledger("flag=YELLOW&status=CLOSED")).as("the sample is still owed").contains(caseNo);
  }

  @Test
  void theProcessesRemarksAreBlueAndNameWhoClosedTheCase() {
    String caseNo = openCase();
    runDueJobsOfCase(caseNo);
    completeTask(caseNo, "retain", Map.of("retained", true, "retentionAmount", 10.0));
    JsonNode remarks = caseView(caseNo).path("remarks");
    assertThat(remarks).isNotEmpty();
    remarks.forEach(r -> assertThat(r.path("flag").asText()).isEqualTo("BLUE"));
    assertThat(ledger("flag=BLUE&status=CLOSED")).contains(caseNo);
  }

  @Test
  void badRemarksAreRefusedNamingTheFieldAndWriteNothing() {
    String caseNo = openCase();
    Map<String, String[]> bad = Map.of(
        "{\"text\":\"答应补寄\",\"flag\":\"ORANGE\"}", new String[] {"400", "flag"},
        "{\"text\":\"答应补寄\"}", new String[] {"400", "flag"},
        "{\"text\":\"  \",\"flag\":\"YELLOW\"}", new String[] {"400", "text"},
        "{\"text\":\"" + "长".repeat(501) + "\",\"flag\":\"YELLOW\"}", new String[] {"400", "text"},
        "{\"text\":\"答应补寄\",\"flag\":\"YELLOW\",\"colour\":\"x\"}", new String[] {"400", "colour"});
    bad.forEach((body, expected) -> {
      Response r = remark(caseNo, body, "agent1");
      assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(Integer.parseInt(expected[0]));
      assertThat(r.body()).as(body).contains(expected[1]);
    });
    Response unknown = remark("AS20000101-000001", "{\"text\":\"x\",\"flag\":\"BLUE\"}", "agent1");
    assertThat(unknown.status()).isEqualTo(404);
    Response warehouse = remark(caseNo, "{\"text\":\"x\",\"flag\":\"BLUE\"}", "wh1");
    assertThat(warehouse.status()).isEqualTo(403);
    Response analyst = remark(caseNo, "{\"text\":\"x\",\"flag\":\"BLUE\"}", "analyst1");
    assertThat(analyst.status()).isEqualTo(403);
    Response filter = send("GET", "/api/cases?flag=ORANGE", null, "agent1", USER_PASSWORD);
    assertThat(filter.status()).as(filter.body()).isEqualTo(400);
    assertThat(filter.body()).contains("flag");

    assertThat(count("SELECT COUNT(*) FROM order_remarks WHERE case_no = ?", caseNo)).isZero();
    assertThat(count("SELECT COUNT(*) FROM cases WHERE case_no = ? AND remark_flag IS NULL", caseNo)).isOne();
  }
}
