package com.shopdesk.aftersales.desk;

import com.shopdesk.aftersales.api.ShopTime;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRecord;
import com.shopdesk.aftersales.cases.CaseView;
import com.shopdesk.aftersales.cases.CaseViews;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * A case's whole story, open or closed: its ledger row and what happened to it, every process instance it ran
 * (the called ones too) with the steps each took, and every task with who did it. The engine's history is read
 * as the person asking, so its authorizations decide which instances they see.
 */
@Component
public class CaseStory {
  /** More than any case runs; a bound on what one answer carries. */
  private static final int MAX_INSTANCES = 200;

  private final CaseLedger ledger;
  private final CaseViews views;
  private final HistoryService history;
  private final ProcessNames names;

  CaseStory(CaseLedger ledger, CaseViews views, HistoryService history, ProcessNames names) {
    this.ledger = ledger;
    this.views = views;
    this.history = history;
    this.names = names;
  }

  public record Found(String caseNo, String orderNo, String process, String processName, String status,
      String resolution, BigDecimal amount, OffsetDateTime openedAt, OffsetDateTime closedAt) {}

  /** {@code asked}: the request and reason in the desk's words. */
  public record Story(CaseView ledger, String asked, String processName, List<String> linkedCases, List<Instance> instances,
      List<TaskDone> tasks) {}

  /** One process instance: {@code calledBy} is the instance that called it; {@code steps} in the order taken. */
  public record Instance(String id, String definitionId, String definitionKey, String definitionName, Integer version,
      String calledBy, String state, OffsetDateTime startedAt, OffsetDateTime endedAt, List<Step> steps) {}

  public record Step(String activityId, String name, String type, OffsetDateTime startedAt, OffsetDateTime endedAt,
      boolean canceled) {}

  /** {@code outcome}: 已完成, 进行中, or why the engine ended it otherwise (a timer, a withdrawal). */
  public record TaskDone(String processInstanceId, String name, String assignee, OffsetDateTime createdAt,
      OffsetDateTime dueAt, OffsetDateTime endedAt, String outcome) {}

  public List<Found> find(String term, int limit) {
    Map<String, String> processNames = names.all();
    return ledger.namedBy(term, limit).stream().map(c -> new Found(c.caseNo(), c.orderNo(), c.process(),
        processNames.getOrDefault(c.process(), c.process()), c.status().name(), c.resolution(), c.amount(),
        c.openedAt(), c.closedAt())).toList();
  }

  public Optional<Story> of(String caseNo) {
    Optional<CaseView> view = views.of(caseNo);
    if (view.isEmpty()) {
      return Optional.empty();
    }
    CaseRecord c = view.get().ledger();
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .orderByProcessInstanceStartTime().asc().listPage(0, MAX_INSTANCES)
        .forEach(p -> found.put(p.getId(), p));
    List<String> roots = new ArrayList<>();
    if (c.processInstanceId() != null) {
      roots.add(c.processInstanceId());
    }
    view.get().revisions().stream().map(CaseLedger.Revision::processInstanceId).forEach(roots::add);
    for (String id : roots) {
      if (id != null && !found.containsKey(id)) {
        HistoricProcessInstance p = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        if (p != null) {
          found.put(id, p);
        }
      }
    }
    List<Instance> instances = found.values().stream()
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime))
        .map(this::instance).toList();
    List<TaskDone> tasks = found.keySet().stream()
        .flatMap(id -> history.createHistoricTaskInstanceQuery().processInstanceId(id).list().stream())
        .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)).map(CaseStory::task).toList();
    return Optional.of(new Story(view.get(), c.request().label() + " · " + c.reason().label(),
        names.all().getOrDefault(c.process(), c.process()), ledger.linkedTo(c),
        instances, tasks));
  }

  private Instance instance(HistoricProcessInstance p) {
    List<Step> steps = history.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
        .orderPartiallyByOccurrence().asc().list().stream().map(CaseStory::step).toList();
    return new Instance(p.getId(), p.getProcessDefinitionId(), p.getProcessDefinitionKey(),
        p.getProcessDefinitionName(), p.getProcessDefinitionVersion(), p.getSuperProcessInstanceId(),
        p.getState(), time(p.getStartTime()), time(p.getEndTime()), steps);
  }

  private static Step step(HistoricActivityInstance a) {
    return new Step(a.getActivityId(), a.getActivityName(), a.getActivityType(), time(a.getStartTime()),
        time(a.getEndTime()), a.isCanceled());
  }

  private static TaskDone task(HistoricTaskInstance t) {
    String outcome = t.getEndTime() == null ? "进行中"
        : "completed".equals(t.getDeleteReason()) ? "已完成"
        : "deleted".equals(t.getDeleteReason()) ? "未完成，流程已往下走（如超时或撤销）"
        : "未完成（" + t.getDeleteReason() + "）";
    return new TaskDone(t.getProcessInstanceId(), t.getName(), t.getAssignee(), time(t.getStartTime()),
        time(t.getDueDate()), time(t.getEndTime()), outcome);
  }

  static OffsetDateTime time(Date date) {
    return date == null ? null : ShopTime.of(new Timestamp(date.getTime()));
  }
}
