package com.shopdesk.aftersales.security;

import static com.shopdesk.aftersales.security.DeskGroups.AGENTS;
import static com.shopdesk.aftersales.security.DeskGroups.ANALYSTS;
import static com.shopdesk.aftersales.security.DeskGroups.INTEGRATIONS;
import static com.shopdesk.aftersales.security.DeskGroups.MANAGERS;
import static com.shopdesk.aftersales.security.DeskGroups.WAREHOUSE;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;

import com.shopdesk.aftersales.cases.CaseCorrection;
import com.shopdesk.aftersales.desk.DeskPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The desk's groups, exactly what each may do in the engine, and the shared Tasklist filters, written at every
 * start-up: a grant not listed here is taken away again, so a shop that upgrades gets the current model (change
 * grants here, not in Admin; give one person more through a group of their own). Agents and warehouse staff
 * have no grant on tasks: they read and work the tasks they are involved in, their group's and those assigned
 * or offered to them ({@code guard/tasks}); managers read every case and its variables, work and assign tasks
 * and retry incidents, but change no variable and no instance; agents and managers start one process, the
 * Tasklist action 修改售后申请, and only through its form; analysts deploy and read definitions;
 * integrations call only the product API.
 */
@Component
public class DeskSecuritySetup {
  private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

  private static final List<Grant> GRANTS = List.of(
      new Grant(AGENTS, Resources.APPLICATION, "tasklist", ACCESS),
      new Grant(AGENTS, Resources.USER, "*", READ),
      new Grant(AGENTS, Resources.GROUP, "*", READ),
      // Tasklist's 发起流程 lists and starts only 修改售后申请, through its start form (guard/StartFormGuard)
      new Grant(AGENTS, Resources.PROCESS_DEFINITION, CaseCorrection.PROCESS, READ, CREATE_INSTANCE),
      new Grant(AGENTS, Resources.PROCESS_INSTANCE, "*", CREATE),

      new Grant(WAREHOUSE, Resources.APPLICATION, "tasklist", ACCESS),
      new Grant(WAREHOUSE, Resources.USER, "*", READ),
      new Grant(WAREHOUSE, Resources.GROUP, "*", READ),

      new Grant(MANAGERS, Resources.APPLICATION, "tasklist", ACCESS),
      new Grant(MANAGERS, Resources.APPLICATION, "cockpit", ACCESS),
      // the managers' desk in Cockpit (desk/DeskPlugin): read-only, so analysts with Cockpit do not get it
      new Grant(MANAGERS, Resources.APPLICATION, DeskPlugin.APPLICATION, ACCESS),
      new Grant(MANAGERS, Resources.USER, "*", READ),
      new Grant(MANAGERS, Resources.GROUP, "*", READ),
      new Grant(MANAGERS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY, READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.RETRY_JOB),
      new Grant(MANAGERS, Resources.PROCESS_DEFINITION, CaseCorrection.PROCESS, READ, CREATE_INSTANCE),
      new Grant(MANAGERS, Resources.PROCESS_INSTANCE, "*", READ, CREATE, ProcessInstancePermissions.RETRY_JOB),
      new Grant(MANAGERS, Resources.TASK, "*", READ, TaskPermissions.READ_VARIABLE, TASK_WORK, TASK_ASSIGN),
      new Grant(MANAGERS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE),
      new Grant(MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ),
      new Grant(MANAGERS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY),
      new Grant(MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ),
      new Grant(MANAGERS, Resources.DEPLOYMENT, "*", READ),

      new Grant(ANALYSTS, Resources.APPLICATION, "cockpit", ACCESS),
      new Grant(ANALYSTS, Resources.DEPLOYMENT, "*", CREATE, READ, DELETE),
      new Grant(ANALYSTS, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY),
      new Grant(ANALYSTS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY, CREATE_INSTANCE),
      new Grant(ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));

  private static final List<String> DESK_GROUPS = List.of(AGENTS, WAREHOUSE, MANAGERS, ANALYSTS, INTEGRATIONS);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final OverdueFilter overdue;

  public DeskSecuritySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, OverdueFilter overdue) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.overdue = overdue;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void setUp() {
    group(AGENTS, "客服");
    group(WAREHOUSE, "仓库");
    group(MANAGERS, "主管");
    group(ANALYSTS, "流程分析");
    group(INTEGRATIONS, "系统对接");

    List<Authorization> kept = new ArrayList<>();
    for (Grant grant : GRANTS) {
      kept.add(exactly(grant));
    }
    for (Authorization existing : authorizations.createAuthorizationQuery().groupIdIn(DESK_GROUPS.toArray(String[]::new))
        .list()) {
      if (isDeskWide(existing) && kept.stream().noneMatch(k -> k.getId().equals(existing.getId()))) {
        authorizations.deleteAuthorization(existing.getId());
      }
    }

    filter("客服待办", "客服组的待办任务，最早的在前", -10, AGENTS);
    filter("仓库验货", "仓库组的验货任务", 0, WAREHOUSE);
    filter("主管审批", "需要主管处理的任务", 10, MANAGERS);
    String overdueId = overdue.refresh().getId();
    for (String g : new String[] {AGENTS, WAREHOUSE, MANAGERS}) {
      exactly(new Grant(g, Resources.FILTER, overdueId, READ));
    }
  }

  /**
   * The grants this class owns: every one of a desk group except those on one filter or one task (the filters
   * below manage theirs; one on a single task is someone's decision in Admin).
   */
  private static boolean isDeskWide(Authorization authorization) {
    int type = authorization.getResourceType();
    boolean perItem = !"*".equals(authorization.getResourceId())
        && (type == Resources.FILTER.resourceType() || type == Resources.TASK.resourceType()
            || type == Resources.HISTORIC_TASK.resourceType());
    return authorization.getAuthorizationType() == AUTH_TYPE_GRANT && !perItem;
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  /** The group's grant on the resource, with exactly these permissions. */
  private Authorization exactly(Grant grant) {
    Optional<Authorization> found = authorizations.createAuthorizationQuery().groupIdIn(grant.group())
        .resourceType(grant.resource()).resourceId(grant.resourceId()).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst();
    Authorization auth = found.orElseGet(() -> {
      Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      created.setGroupId(grant.group());
      created.setResource(grant.resource());
      created.setResourceId(grant.resourceId());
      return created;
    });
    auth.setPermissions(grant.permissions());
    return authorizations.saveAuthorization(auth);
  }

  /** A shared filter on one group's tasks, claimed ones included, oldest first; readable by the group and managers. */
  private void filter(String name, String description, int priority, String candidateGroup) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    // written at every start, so a shop that upgrades gets the current columns, still one filter per name
    filter.setQuery(tasks.createTaskQuery().taskCandidateGroup(candidateGroup).includeAssignedTasks()
            .orderByTaskCreateTime().asc())
        .setProperties(Map.of(
            "description", description,
            "priority", priority,
            "refresh", true,
            "variables", List.of(
                Map.of("name", "caseNo", "label", "售后单号"),
                Map.of("name", "orderNo", "label", "订单号"),
                Map.of("name", "amountText", "label", "金额"))));
    filters.saveFilter(filter);
    exactly(new Grant(candidateGroup, Resources.FILTER, filter.getId(), READ));
    if (!MANAGERS.equals(candidateGroup)) {
      exactly(new Grant(MANAGERS, Resources.FILTER, filter.getId(), READ));
    }
  }
}
