package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ShopTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The case ledger (登记表格): one row per case, with its items and evidence links. */
@Repository
public class CaseLedger {
  private final JdbcTemplate jdbc;

  public CaseLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Throws DuplicateKeyException when one of the items is held by another open case of the order. */
  public void open(CaseRecord c, List<CaseRequest.CaseItem> items, List<String> evidence) {
    insert(c, items, evidence);
    for (CaseRequest.CaseItem item : items) {
      jdbc.update("INSERT INTO open_case_items (order_no, sku, case_no) VALUES (?, ?, ?)",
          c.orderNo(), item.sku(), c.caseNo());
    }
  }

  /**
   * A case about another case's items that holds none of them (a complaint): the items are on record, but another
   * case may be opened on them, and the linked case keeps them.
   */
  public void openUnheld(CaseRecord c, List<CaseRequest.CaseItem> items, List<String> evidence) {
    insert(c, items, evidence);
  }

  private void insert(CaseRecord c, List<CaseRequest.CaseItem> items, List<String> evidence) {
    jdbc.update("""
        INSERT INTO cases (case_no, order_no, request_type, reason, process_key, status, amount, note,
          opened_by, opened_at, linked_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        c.caseNo(), c.orderNo(), c.request().name(), c.reason().name(), c.process(),
        CaseStatus.OPEN.name(), c.amount(), c.note(), c.openedBy(), Timestamp.from(Instant.now()), c.linkedFrom());
    for (CaseRequest.CaseItem item : items) {
      jdbc.update("INSERT INTO case_items (case_no, sku, quantity, replacement_sku) VALUES (?, ?, ?, ?)",
          c.caseNo(), item.sku(), item.quantity(), item.replacementSku());
    }
    for (int i = 0; i < evidence.size(); i++) {
      jdbc.update("INSERT INTO case_evidence (case_no, seq, url) VALUES (?, ?, ?)", c.caseNo(), i, evidence.get(i));
    }
  }

  /** An earlier version of a corrected case: revision 1 is the case as opened. */
  public record Revision(int revision, RequestType request, Reason reason, String process, String processInstanceId,
      String changedBy, OffsetDateTime changedAt, String note) {}

  /**
   * Keeps the case as it stands as its next earlier version, and makes the corrected request and reason, run
   * by {@code process}, the current one. Replacement SKUs stay only on an exchange.
   */
  public void revise(CaseRecord current, RequestType request, Reason reason, String process, String changedBy,
      String note) {
    Integer last = jdbc.queryForObject("SELECT COALESCE(MAX(revision), 0) FROM case_revisions WHERE case_no = ?",
        Integer.class, current.caseNo());
    jdbc.update("""
        INSERT INTO case_revisions (case_no, revision, request_type, reason, process_key, process_instance_id,
          changed_by, changed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        current.caseNo(), last + 1, current.request().name(), current.reason().name(), current.process(),
        current.processInstanceId(), changedBy, Timestamp.from(Instant.now()), note);
    jdbc.update("UPDATE cases SET request_type = ?, reason = ?, process_key = ? WHERE case_no = ?",
        request.name(), reason.name(), process, current.caseNo());
    if (request != RequestType.EXCHANGE) {
      jdbc.update("UPDATE case_items SET replacement_sku = NULL WHERE case_no = ?", current.caseNo());
    }
  }

  public List<Revision> revisions(String caseNo) {
    return jdbc.query("SELECT * FROM case_revisions WHERE case_no = ? ORDER BY revision", (rs, i) -> new Revision(
        rs.getInt("revision"), RequestType.valueOf(rs.getString("request_type")), Reason.valueOf(rs.getString("reason")),
        rs.getString("process_key"), rs.getString("process_instance_id"), rs.getString("changed_by"),
        time(rs.getTimestamp("changed_at")), rs.getString("note")), caseNo);
  }

  public void linkProcessInstance(String caseNo, String processInstanceId) {
    jdbc.update("UPDATE cases SET process_instance_id = ? WHERE case_no = ?", processInstanceId, caseNo);
  }

  /**
   * Closes the case once; a repeated close (a retried step) keeps the first outcome. {@code disposition}:
   * what the warehouse did with returned goods (RESTOCK, REPAIR, SCRAP), when goods came back.
   */
  public boolean close(String caseNo, String resolution, String disposition) {
    boolean closed = jdbc.update("""
        UPDATE cases SET status = ?, resolution = ?, disposition = ?, closed_at = ?
        WHERE case_no = ? AND status = ?""",
        CaseStatus.CLOSED.name(), resolution, disposition, Timestamp.from(Instant.now()), caseNo,
        CaseStatus.OPEN.name()) == 1;
    if (closed) {
      jdbc.update("DELETE FROM open_case_items WHERE case_no = ?", caseNo);
    }
    return closed;
  }

  /** The last person who worked on the case, as the ledger's "who handled it". */
  public void handledBy(String caseNo, String userId) {
    jdbc.update("UPDATE cases SET handled_by = ? WHERE case_no = ?", userId, caseNo);
  }

  public Optional<CaseRecord> find(String caseNo) {
    return jdbc.query("SELECT * FROM cases WHERE case_no = ?", (rs, i) -> record(rs), caseNo).stream().findFirst();
  }

  /** Which open case of the order holds each of these SKUs, for those held: SKU → case number. */
  public Map<String, String> openCasesHolding(String orderNo, List<String> skus) {
    Map<String, String> held = new LinkedHashMap<>();
    jdbc.query("SELECT sku, case_no FROM open_case_items WHERE order_no = ? ORDER BY sku",
        (RowCallbackHandler) rs -> {
          if (skus.contains(rs.getString("sku"))) {
            held.put(rs.getString("sku"), rs.getString("case_no"));
          }
        }, orderNo);
    return held;
  }

  /**
   * What the order's open cases still ask for together (each case's amount less the goods money it has been
   * refunded already), apart from {@code exceptCaseNo} (may be null). Complaints and interventions ask for nothing
   * of their own: their amount is the linked case's.
   */
  public BigDecimal openClaims(String orderNo, String exceptCaseNo) {
    return jdbc.queryForObject("""
        SELECT COALESCE(SUM(GREATEST(c.amount - COALESCE(
          (SELECT SUM(r.amount - r.shipping_amount) FROM refunds r WHERE r.case_no = c.case_no), 0), 0)), 0)
        FROM cases c WHERE c.order_no = ? AND c.status = ? AND c.case_no <> ?
          AND c.request_type NOT IN ('COMPLAINT', 'PLATFORM_INTERVENTION')""",
        BigDecimal.class, orderNo, CaseStatus.OPEN.name(), exceptCaseNo == null ? "" : exceptCaseNo);
  }

  /** A case's place in the ledger's order: newest first by opening time, then by case number. */
  public record Position(LocalDateTime openedAt, String caseNo) {}

  public Optional<Position> positionOf(String caseNo) {
    // read as LocalDateTime, as stored: a Timestamp would pass through the JVM's time zone and back
    return jdbc.query("SELECT opened_at, case_no FROM cases WHERE case_no = ?",
        (rs, i) -> new Position(rs.getObject("opened_at", LocalDateTime.class), rs.getString("case_no")), caseNo)
        .stream().findFirst();
  }

  /**
   * The ledger, newest first, optionally narrowed to one order, one status and one remark flag,
   * starting after {@code before}.
   * Each status's cases are read in order from the index on (status, opened_at, case_no), from the page's start
   * on however deep it is, and merged. An index on the opening time alone would serve no filter, and PostgreSQL
   * chose it for CLOSED anyway, reading through all the newest cases (the open ones) to find closed ones.
   */
  public List<CaseRecord> list(String orderNo, CaseStatus status, RemarkFlag flag, Position before, int limit) {
    List<String> perStatus = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (CaseStatus s : status == null ? CaseStatus.values() : new CaseStatus[] {status}) {
      StringBuilder sql = new StringBuilder("SELECT * FROM cases WHERE status = ?");
      args.add(s.name());
      if (flag != null) {
        sql.append(" AND remark_flag = ?");
        args.add(flag.name());
      }
      if (orderNo != null && !orderNo.isBlank()) {
        sql.append(" AND order_no = ?");
        args.add(orderNo);
      }
      if (before != null) {
        sql.append(" AND (opened_at, case_no) < (?, ?)");
        args.add(before.openedAt());
        args.add(before.caseNo());
      }
      // H2 takes the order from an index, instead of sorting every match, only when the ORDER BY names the
      // index's leading columns; status has one value here, so ordering by it changes nothing else
      perStatus.add("(" + sql + " ORDER BY " + (flag != null ? "remark_flag, " : "")
          + "status, opened_at DESC, case_no DESC LIMIT " + limit + ")");
    }
    return jdbc.query("SELECT * FROM (" + String.join(" UNION ALL ", perStatus)
        + ") c ORDER BY opened_at DESC, case_no DESC LIMIT " + limit, (rs, i) -> record(rs), args.toArray());
  }

  /**
   * Cases open or closed, newest first, that one term names: their case number, their order's number, its buyer
   * (id, name or phone, exactly) or a tracking number of one of the order's parcels. Each branch has its index.
   */
  public List<CaseRecord> namedBy(String term, int limit) {
    return jdbc.query("""
        SELECT * FROM cases WHERE case_no IN (
          SELECT case_no FROM cases WHERE case_no = ?
          UNION SELECT case_no FROM cases WHERE order_no = ?
          UNION SELECT c.case_no FROM cases c JOIN orders o ON o.order_no = c.order_no WHERE o.buyer_id = ?
          UNION SELECT c.case_no FROM cases c JOIN orders o ON o.order_no = c.order_no WHERE o.buyer_name = ?
          UNION SELECT c.case_no FROM cases c JOIN orders o ON o.order_no = c.order_no WHERE o.buyer_phone = ?
          UNION SELECT c.case_no FROM cases c JOIN shipments s ON s.order_no = c.order_no WHERE s.tracking_no = ?)
        ORDER BY opened_at DESC, case_no DESC LIMIT ?""", (rs, i) -> record(rs),
        term, term, term, term, term, term, limit);
  }

  /** The cases that took over from this one, and the one it took over from. */
  public List<String> linkedTo(CaseRecord c) {
    List<String> linked = new ArrayList<>();
    if (c.linkedFrom() != null) {
      linked.add(c.linkedFrom());
    }
    linked.addAll(jdbc.queryForList("SELECT case_no FROM cases WHERE linked_from = ? ORDER BY opened_at",
        String.class, c.caseNo()));
    return linked;
  }

  public List<CaseRequest.CaseItem> items(String caseNo) {
    return jdbc.query("SELECT sku, quantity, replacement_sku FROM case_items WHERE case_no = ? ORDER BY sku",
        (rs, i) -> new CaseRequest.CaseItem(rs.getString("sku"), rs.getInt("quantity"), rs.getString("replacement_sku")),
        caseNo);
  }

  /** The quantities the buyer should receive by SKU: the wanted SKU for exchanges, else the same SKU. */
  public Map<String, Integer> wantedQuantities(String caseNo) {
    Map<String, Integer> wanted = new LinkedHashMap<>();
    for (CaseRequest.CaseItem item : items(caseNo)) {
      wanted.merge(item.wantedSku(), item.quantity(), Integer::sum);
    }
    return wanted;
  }

  public List<String> evidence(String caseNo) {
    return jdbc.queryForList("SELECT url FROM case_evidence WHERE case_no = ? ORDER BY seq", String.class, caseNo);
  }

  private static CaseRecord record(ResultSet rs) throws SQLException {
    return new CaseRecord(rs.getString("case_no"), rs.getString("order_no"),
        RequestType.valueOf(rs.getString("request_type")), Reason.valueOf(rs.getString("reason")),
        rs.getString("process_key"), rs.getString("process_instance_id"),
        CaseStatus.valueOf(rs.getString("status")), rs.getString("resolution"), rs.getBigDecimal("amount"),
        rs.getString("note"), rs.getString("opened_by"), rs.getString("handled_by"),
        time(rs.getTimestamp("opened_at")), time(rs.getTimestamp("closed_at")), rs.getString("linked_from"),
        rs.getString("disposition"),
        rs.getString("remark_flag") == null ? null : RemarkFlag.valueOf(rs.getString("remark_flag")));
  }

  static OffsetDateTime time(Timestamp ts) {
    return ShopTime.of(ts);
  }
}
