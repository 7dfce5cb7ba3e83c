package com.shopdesk.aftersales.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an attack on a case could change, to compare before and after a refused request: the variables
 * of each of its process instances, its open tasks and their assignees, and the shop's records of it (refund
 * rows, provider payments, order remarks, the ledger row, the timeline).
 */
record CaseState(Map<String, Object> variables, List<String> tasks, int refunds, int payments, int remarks,
    Map<String, Object> ledger, int timeline) {

  static CaseState of(ProcessEngine engine, JdbcTemplate jdbc, String caseNo) {
    Map<String, Object> variables = new TreeMap<>();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()
        .forEach(pi -> engine.getRuntimeService().getVariables(pi.getId())
            .forEach((name, value) -> variables.put(pi.getProcessDefinitionId().split(":")[0] + "." + name, value)));
    List<String> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
        .orderByTaskId().asc().list().stream().map(t -> t.getTaskDefinitionKey() + "@" + t.getAssignee()).toList();
    String orderNo = jdbc.queryForObject("SELECT order_no FROM cases WHERE case_no = ?", String.class, caseNo);
    return new CaseState(variables, tasks,
        count(jdbc, "SELECT COUNT(*) FROM refunds WHERE order_no = ?", orderNo),
        count(jdbc, "SELECT COUNT(*) FROM sandbox_payments WHERE order_no = ?", orderNo),
        count(jdbc, "SELECT COUNT(*) FROM order_remarks WHERE order_no = ?", orderNo),
        new TreeMap<>(jdbc.queryForMap("SELECT status, resolution, amount, handled_by FROM cases WHERE case_no = ?", caseNo)),
        count(jdbc, "SELECT COUNT(*) FROM case_timeline WHERE case_no = ?", caseNo));
  }

  private static int count(JdbcTemplate jdbc, String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}
