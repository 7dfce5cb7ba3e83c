package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /api/cases} a page at a time, as an agent's client walks it: each page names the next in a
 * {@code Link} header (RFC 8288) until the last, and the pages together are the ledger, newest first.
 */
class CaseListApiTest extends AfterSalesTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");
  private static final String AGENT = "agent1";

  private final HttpClient http = HttpClient.newHttpClient();

  record Page(List<String> caseNos, String next) {}

  /** One page as the agent gets it: the case numbers of the JSON array and the next page's link, if any. */
  private Page page(String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((AGENT + ":" + USER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
      JsonNode body = json.readTree(r.body());
      assertThat(body.isArray()).as(r.body()).isTrue();
      List<String> caseNos = new ArrayList<>();
      body.forEach(c -> caseNos.add(c.path("caseNo").asText()));
      String next = r.headers().firstValue("Link").map(link -> {
        Matcher m = NEXT.matcher(link);
        assertThat(m.matches()).as(link).isTrue();
        return m.group(1);
      }).orElse(null);
      return new Page(caseNos, next);
    } catch (Exception e) {
      throw new AssertionError("GET " + pathAndQuery + " failed", e);
    }
  }

  /** Follows the links from the first page to the last; every page but the last is full, the last has no link. */
  private List<Page> walk(String firstPage, int limit) {
    List<Page> pages = new ArrayList<>();
    for (String at = firstPage; at != null; at = pages.get(pages.size() - 1).next()) {
      assertThat(pages).as("pages of " + firstPage).hasSizeLessThan(10_000);
      pages.add(page(at));
    }
    pages.subList(0, pages.size() - 1).forEach(p -> assertThat(p.caseNos()).hasSize(limit));
    assertThat(pages.get(pages.size() - 1).caseNos()).hasSizeBetween(pages.size() == 1 ? 0 : 1, limit);
    return pages;
  }

  private static List<String> caseNos(List<Page> pages) {
    return pages.stream().flatMap(p -> p.caseNos().stream()).toList();
  }

  /** The ledger's order, newest first; cases opened at the same moment by case number. */
  private List<String> ledger(String where, Object... args) {
    return jdbc.queryForList("SELECT case_no FROM cases WHERE " + where + " ORDER BY opened_at DESC, case_no DESC",
        String.class, args);
  }

  private String openCase(String orderNo) {
    return openCaseThroughApi("""
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"NO_REASON","amount":10.00}""".formatted(orderNo));
  }

  /** Cases the desk opened within the same millisecond (and microsecond) get one opening time. */
  private void openedAtTheSameMoment(List<String> caseNos, Instant at) {
    caseNos.forEach(c -> jdbc.update("UPDATE cases SET opened_at = ? WHERE case_no = ?", Timestamp.from(at), c));
  }

  private static String query(String value) {
    return UriUtils.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void pagesWalkTheWholeLedgerWithoutGapsOrRepeatsThroughCasesOpenedAtTheSameMoment() {
    List<String> opened = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "10.00", 1);
      opened.add(openCase(orderNo));
    }
    // six at one moment straddle a page boundary whatever the pages before them hold; two more share another
    openedAtTheSameMoment(opened.subList(0, 6), Instant.parse("2001-02-03T04:05:06.789123Z"));
    openedAtTheSameMoment(opened.subList(6, 8), Instant.parse("2001-02-03T04:05:06.789Z"));

    List<Page> pages = walk("/api/cases?limit=4", 4);

    List<String> walked = caseNos(pages);
    assertThat(walked).doesNotHaveDuplicates().containsAll(opened).isEqualTo(ledger("1 = 1"));
    List<String> sameMoment = walked.stream().filter(opened.subList(0, 6)::contains).toList();
    assertThat(sameMoment).isSortedAccordingTo((a, b) -> b.compareTo(a));
    pages.subList(0, pages.size() - 1).forEach(p ->
        assertThat(p.next()).isEqualTo("/api/cases?limit=4&before=" + p.caseNos().get(3)));
  }

  @Test
  void filtersAndThePageSizeCarryThroughTheLink() {
    // characters that mean something in a query, to see the link encode them
    String orderNo = "T&+ =订单" + newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "10.00", 5);
    List<String> closed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String caseNo = openCase(orderNo);
      runDueJobsOfCase(caseNo);
      closed.add(caseNo);
    }
    String open = openCase(orderNo);
    openedAtTheSameMoment(closed.subList(1, 4), Instant.now());
    assertThat(ledger("order_no = ? AND status = 'CLOSED'", orderNo)).containsExactlyInAnyOrderElementsOf(closed);
    String filter = "orderNo=" + query(orderNo);

    List<Page> byOrder = walk("/api/cases?" + filter + "&limit=2", 2);
    List<Page> closedOfOrder = walk("/api/cases?" + filter + "&status=CLOSED&limit=3", 3);
    List<Page> oneAPage = walk("/api/cases?status=CLOSED&" + filter + "&limit=1", 1);

    assertThat(caseNos(byOrder)).isEqualTo(ledger("order_no = ?", orderNo)).contains(open).hasSize(5);
    assertThat(byOrder).extracting(Page::next).containsExactly(
        "/api/cases?" + filter + "&limit=2&before=" + byOrder.get(0).caseNos().get(1),
        "/api/cases?" + filter + "&limit=2&before=" + byOrder.get(1).caseNos().get(1),
        null);
    assertThat(caseNos(closedOfOrder)).isEqualTo(ledger("order_no = ? AND status = 'CLOSED'", orderNo));
    assertThat(closedOfOrder.get(0).next())
        .isEqualTo("/api/cases?" + filter + "&status=CLOSED&limit=3&before=" + closedOfOrder.get(0).caseNos().get(2));
    assertThat(caseNos(oneAPage)).isEqualTo(caseNos(closedOfOrder));
    assertThat(oneAPage).hasSize(4);
    assertThat(walk("/api/cases?" + filter + "&status=CLOSED&limit=4", 4)).singleElement()
        .satisfies(last -> assertThat(last.caseNos()).hasSize(4));
  }

  @Test
  void theStatusFilterPagesThroughTheWholeLedger() {
    for (int i = 0; i < 3; i++) {
      String orderNo = newOrderNo();
      importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "10.00", 1);
      openCase(orderNo);
    }

    List<String> open = caseNos(walk("/api/cases?status=OPEN&limit=2", 2));
    List<String> closed = caseNos(walk("/api/cases?status=CLOSED&limit=2", 2));

    assertThat(open).hasSizeGreaterThanOrEqualTo(3).isEqualTo(ledger("status = 'OPEN'"));
    assertThat(closed).isEqualTo(ledger("status = 'CLOSED'"));
  }

  @Test
  void beforeAnyCaseStartsAfterItWhateverTheFilter() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "10.00", 2);
    String older = openCase(orderNo);
    runDueJobsOfCase(older);
    String other = newOrderNo();
    importOrder(other, "UNSHIPPED", null, "10.00", 1);
    String between = openCase(other);
    String newer = openCase(orderNo);

    assertThat(page("/api/cases?orderNo=" + orderNo + "&before=" + between).caseNos()).containsExactly(older);
    assertThat(page("/api/cases?orderNo=" + orderNo + "&before=" + newer).caseNos()).containsExactly(older);
    assertThat(page("/api/cases?orderNo=" + orderNo + "&before=" + older)).isEqualTo(new Page(List.of(), null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "not a case number    | before=NOPE-1                               | 400 | before | before must be a case number",
      "empty                | before=                                     | 400 | before | before must be a case number",
      "lower case           | before=as20261123-000042                    | 400 | before | before must be a case number",
      "markup               | before=%3Cb%3E                              | 400 | before | before must be a case number",
      "SQL                  | before=AS20261123-000042'%20OR%20'1'='1     | 400 | before | before must be a case number",
      "too long             | before=AS20261123-00000000000000000000042   | 400 | before | before must be a case number",
      "unknown case         | before=AS20000101-000001                    | 404 | before | case AS20000101-000001 not found",
      "given twice          | before=AS20000101-000001&before=AS20000101-000002 | 400 | before | before is given 2 times",
      "misspelt             | befor=AS20000101-000001                     | 400 | befor  | befor is not a parameter",
      "limit 0              | limit=0&before=AS20000101-000001            | 400 | limit  | limit must be between 1 and 1000",
      "limit 1001           | before=AS20000101-000001&limit=1001         | 400 | limit  | limit must be between 1 and 1000",
      "limit not a number   | before=AS20000101-000001&limit=ten          | 400 | limit  | limit must be a whole number",
  })
  void badBeforeAndLimitValuesAreRefusedNamingTheFieldAndChangeNothing(String what, String query, int status,
      String field, String message) {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "10.00", 1);
    openCase(orderNo);
    List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM cases ORDER BY case_no");

    Response r = send("GET", "/api/cases?" + query, null, AGENT, USER_PASSWORD);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
    assertThat(r.json().path("message").asText()).as(r.body()).contains(message);
    assertThat(jdbc.queryForList("SELECT * FROM cases ORDER BY case_no")).isEqualTo(before);
  }
}
