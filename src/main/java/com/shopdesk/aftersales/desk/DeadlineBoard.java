package com.shopdesk.aftersales.desk;

import com.shopdesk.aftersales.api.ShopTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deadline board: open cases per process and per waiting step, tasks past due and due soon, the cases on
 * the platform's clocks, incidents by cause; and for each number the list behind it. Only holders of the desk
 * grant get here. The counts of waiting steps, due tasks and running clocks are one SQL aggregate each over the
 * engine's runtime tables; incidents and every list behind a number are read through the engine's query API as
 * the person asking, so their authorizations apply. "Now" is the engine's clock.
 */
@Component
public class DeadlineBoard {
  /** The longest list behind a number; the board says how many there are in all. */
  public static final int LIST_LIMIT = 200;
  private static final Set<String> NOT_WAITING = Set.of("callActivity", "subProcess", "multiInstanceBody",
      "startEvent", "noneEndEvent", "endEvent");

  /** The platform's clocks, each the timer that models it in a diagram (README, "Managers' desk"). */
  enum Clock {
    AGREE_REFUND("interception", "agreeOverdue", "未发货仅退款：24 小时内同意"),
    PICKUP("pickup-watch", "pickupOverdue", "新包裹：48 小时内揽收"),
    LOSS_VERDICT("reship", "verdictOverdue", "丢件：3 个工作日内快递给结论"),
    SHIP_BACK("return-receipt", "shipBackOverdue", "买家寄回期限");

    final String process;
    final String timer;
    final String label;

    Clock(String process, String timer, String label) {
      this.process = process;
      this.timer = timer;
      this.label = label;
    }
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final ProcessNames processNames;
  private final Duration dueSoon;
  private final Duration atRisk;

  DeadlineBoard(RuntimeService runtime, TaskService tasks, ManagementService management,
      RepositoryService repository, JdbcTemplate jdbc, ProcessNames processNames,
      @Value("${aftersales.desk.due-soon:PT4H}") Duration dueSoon,
      @Value("${aftersales.desk.at-risk:PT6H}") Duration atRisk) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.jdbc = jdbc;
    this.processNames = processNames;
    this.dueSoon = dueSoon;
    this.atRisk = atRisk;
  }

  public record Board(OffsetDateTime at, List<ProcessCount> processes, List<StepCount> steps, long tasksOverdue,
      long tasksDueSoon, String dueSoonWithin, List<ClockCount> clocks, String atRiskWithin,
      List<IncidentCount> incidents) {}

  public record ProcessCount(String process, String name, long openCases) {}

  public record StepCount(String process, String processName, String activityId, String step, long waiting) {}

  public record ClockCount(String clock, String label, long running, long atRisk) {}

  public record IncidentCount(String process, String activityId, String step, String cause, long count) {}

  /** One line behind a number: the case, where it stands, and a due time when there is one. */
  public record Line(String caseNo, String processInstanceId, String what, OffsetDateTime due) {}

  public record Lines(String title, long total, List<Line> lines) {}

  public Board board() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, String> names = processNames.all();
    List<ProcessCount> processes = jdbc.query(
        "SELECT process_key, COUNT(*) AS n FROM cases WHERE status = 'OPEN' GROUP BY process_key ORDER BY n DESC",
        (rs, i) -> new ProcessCount(rs.getString("process_key"), names.get(rs.getString("process_key")),
            rs.getLong("n")));
    Timestamp at = Timestamp.from(now);
    long[] due = jdbc.queryForObject("SELECT SUM(CASE WHEN DUE_DATE_ < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN DUE_DATE_ >= ? THEN 1 ELSE 0 END) FROM ACT_RU_TASK WHERE DUE_DATE_ < ?",
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, at, at, Timestamp.from(now.plus(dueSoon)));
    return new Board(CaseStory.time(Date.from(now)), processes, waitingSteps(names), due[0], due[1],
        words(dueSoon), clocks(now), words(atRisk), incidentsByCause());
  }

  /**
   * One aggregate over the running executions: the engine's statistics queries took seconds at 100,000 open cases
   * (benchmark row 6f), counting per definition and joining incidents and jobs the board does not need.
   */
  private List<StepCount> waitingSteps(Map<String, String> names) {
    Map<String, Long> waiting = new LinkedHashMap<>();
    Map<String, String> definitionKeys = new HashMap<>();
    Map<String, Map<String, FlowElement>> definitionElements = new HashMap<>();
    Map<String, String> stepNames = new HashMap<>();
    jdbc.query("SELECT PROC_DEF_ID_, ACT_ID_, COUNT(*) FROM ACT_RU_EXECUTION WHERE ACT_ID_ IS NOT NULL "
        + "AND IS_ACTIVE_ = ? GROUP BY PROC_DEF_ID_, ACT_ID_", rs -> {
          String definitionId = rs.getString(1);
          String activityId = rs.getString(2);
          FlowElement element = definitionElements.computeIfAbsent(definitionId, this::elements).get(activityId);
          if (element == null || NOT_WAITING.contains(element.getElementType().getTypeName())) {
            return;
          }
          String step = definitionKeys.computeIfAbsent(definitionId, this::key) + "/" + activityId;
          waiting.merge(step, rs.getLong(3), Long::sum);
          stepNames.put(step, element.getName() == null ? activityId : element.getName());
        }, true);
    List<StepCount> steps = new ArrayList<>();
    waiting.forEach((step, count) -> {
      String process = step.substring(0, step.indexOf('/'));
      steps.add(new StepCount(process, names.getOrDefault(process, process), step.substring(process.length() + 1),
          stepNames.get(step), count));
    });
    steps.sort(Comparator.comparing(StepCount::waiting).reversed());
    return steps;
  }

  /** Each clock's running timers, and those due within the at-risk window, in one aggregate over the timers. */
  private List<ClockCount> clocks(Instant now) {
    Map<String, long[]> timers = new HashMap<>();
    jdbc.query("SELECT J.PROCESS_DEF_KEY_, D.ACT_ID_, COUNT(*), SUM(CASE WHEN J.DUEDATE_ < ? THEN 1 ELSE 0 END) "
        + "FROM ACT_RU_JOB J JOIN ACT_RU_JOBDEF D ON D.ID_ = J.JOB_DEF_ID_ WHERE J.TYPE_ = 'timer' "
        + "GROUP BY J.PROCESS_DEF_KEY_, D.ACT_ID_",
        rs -> {
          timers.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
        }, Timestamp.from(now.plus(atRisk)));
    List<ClockCount> clocks = new ArrayList<>();
    for (Clock clock : Clock.values()) {
      long[] counts = timers.getOrDefault(clock.process + "/" + clock.timer, new long[2]);
      clocks.add(new ClockCount(clock.name(), clock.label, counts[0], counts[1]));
    }
    return clocks;
  }

  private List<IncidentCount> incidentsByCause() {
    Map<String, String> keys = new HashMap<>();
    Map<List<String>, Long> causes = runtime.createIncidentQuery().listPage(0, 10_000).stream()
        .collect(Collectors.groupingBy(i -> List.of(keys.computeIfAbsent(i.getProcessDefinitionId(), this::key),
            i.getActivityId(), cause(i)), LinkedHashMap::new, Collectors.counting()));
    List<IncidentCount> incidents = new ArrayList<>();
    causes.forEach((k, n) -> incidents.add(new IncidentCount(k.get(0), k.get(1), stepName(k.get(0), k.get(1)),
        k.get(2), n)));
    incidents.sort(Comparator.comparing(IncidentCount::count).reversed());
    return incidents;
  }

  /** The open cases of one process, the oldest first. */
  public Lines openCases(String process) {
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM cases WHERE status = 'OPEN' AND process_key = ?",
        Long.class, process);
    List<Line> lines = jdbc.query("SELECT case_no, process_instance_id, opened_at FROM cases "
        + "WHERE status = 'OPEN' AND process_key = ? ORDER BY opened_at, case_no LIMIT " + LIST_LIMIT,
        (rs, i) -> new Line(rs.getString(1), rs.getString(2), "申请于 "
            + ShopTime.minutes(ShopTime.of(rs.getTimestamp(3))),
            null), process);
    return new Lines(name(process) + " · 未结案件", total, lines);
  }

  /** The cases waiting at one step of one process. */
  public Lines waitingAt(String process, String activityId) {
    var query = runtime.createProcessInstanceQuery().processDefinitionKey(process).activityIdIn(activityId);
    List<ProcessInstance> found = query.listPage(0, LIST_LIMIT);
    String step = stepName(process, activityId);
    return new Lines(name(process) + " · " + step, query.count(),
        found.stream().map(p -> new Line(p.getBusinessKey(), p.getId(), step, null)).toList());
  }

  /** Tasks past due ({@code overdue}) or due within the next hours, the most urgent first. */
  public Lines tasks(boolean overdue) {
    Date now = ClockUtil.getCurrentTime();
    var query = overdue ? tasks.createTaskQuery().dueBefore(now)
        : tasks.createTaskQuery().dueAfter(now).dueBefore(Date.from(now.toInstant().plus(dueSoon)));
    List<Task> found = query.orderByDueDate().asc().listPage(0, LIST_LIMIT);
    Map<String, String> caseNos = caseNos(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
    return new Lines(overdue ? "已超时的任务" : words(dueSoon) + "内到期的任务", query.count(), found.stream()
        .map(t -> new Line(caseNos.get(t.getProcessInstanceId()), t.getProcessInstanceId(),
            t.getName() + (t.getAssignee() == null ? "（未认领）" : "（" + t.getAssignee() + "）"),
            CaseStory.time(t.getDueDate())))
        .toList());
  }

  /** The cases on one platform clock, the soonest first; {@code atRiskOnly}: only those due within the window. */
  public Lines clock(Clock clock, boolean atRiskOnly) {
    var query = clockJobs(clock);
    if (atRiskOnly) {
      query.duedateLowerThan(Date.from(ClockUtil.getCurrentTime().toInstant().plus(atRisk)));
    }
    List<Job> found = query.orderByJobDuedate().asc().listPage(0, LIST_LIMIT);
    Map<String, String> caseNos = caseNos(found.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet()));
    return new Lines(clock.label + (atRiskOnly ? "（" + words(atRisk) + "内到期）" : ""), query.count(),
        found.stream().map(j -> new Line(caseNos.get(j.getProcessInstanceId()), j.getProcessInstanceId(),
            clock.label, CaseStory.time(j.getDuedate()))).toList());
  }

  /** The instances held up by one cause at one step, the oldest incident first. */
  public Lines incidents(String process, String activityId, String cause) {
    Map<String, String> keys = new HashMap<>();
    List<Incident> all = runtime.createIncidentQuery().activityId(activityId).orderByIncidentTimestamp().asc()
        .listPage(0, 10_000).stream()
        .filter(i -> process.equals(keys.computeIfAbsent(i.getProcessDefinitionId(), this::key))
            && cause.equals(cause(i)))
        .toList();
    List<Incident> found = all.subList(0, Math.min(all.size(), LIST_LIMIT));
    Map<String, String> caseNos = caseNos(found.stream().map(Incident::getProcessInstanceId)
        .collect(Collectors.toSet()));
    return new Lines(name(process) + " · " + stepName(process, activityId) + " · " + cause, all.size(),
        found.stream().map(i -> new Line(caseNos.get(i.getProcessInstanceId()), i.getProcessInstanceId(),
            message(i), CaseStory.time(i.getIncidentTimestamp()))).toList());
  }

  private JobQuery clockJobs(Clock clock) {
    return management.createJobQuery().timers().processDefinitionKey(clock.process).activityId(clock.timer);
  }

  private Map<String, String> caseNos(Set<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    return runtime.createProcessInstanceQuery().processInstanceIds(processInstanceIds).list().stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
  }

  /** An incident's cause: its type, and for a failed call the first line of the error, which names the system. */
  static String cause(Incident incident) {
    String message = message(incident);
    return "failedJob".equals(incident.getIncidentType()) ? message : incident.getIncidentType() + ": " + message;
  }

  private static String message(Incident incident) {
    String message = incident.getIncidentMessage() == null ? "（无说明）" : incident.getIncidentMessage();
    int line = message.indexOf('\n');
    return (line < 0 ? message : message.substring(0, line)).strip();
  }

  private String key(String definitionId) {
    return definitionId == null ? "" : repository.getProcessDefinition(definitionId).getKey();
  }

  private String name(String process) {
    return processNames.all().getOrDefault(process, process);
  }

  private String stepName(String process, String activityId) {
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(process).latestVersion()
        .singleResult();
    FlowElement element = definition == null ? null : elements(definition.getId()).get(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }

  private Map<String, FlowElement> elements(String definitionId) {
    return repository.getBpmnModelInstance(definitionId).getModelElementsByType(FlowElement.class).stream()
        .collect(Collectors.toMap(FlowElement::getId, Function.identity(), (a, b) -> a));
  }

  static String words(Duration d) {
    long hours = d.toHours();
    return hours >= 48 && hours % 24 == 0 ? hours / 24 + " 天" : hours > 0 ? hours + " 小时" : d.toMinutes() + " 分钟";
  }
}
