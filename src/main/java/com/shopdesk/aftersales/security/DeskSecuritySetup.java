package com.shopdesk.aftersales.security;

import static com.shopdesk.aftersales.security.DeskGroups.AGENTS;
import static com.shopdesk.aftersales.security.DeskGroups.ANALYSTS;
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
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;

import java.util.Map;
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
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the desk's groups, what each may do, and the shared Tasklist filters, at every start-up without
 * duplicating anything. Agents and warehouse staff see their tasks through the candidate-group grants the
 * engine adds to each task; managers see and steer every case of the desk; analysts deploy.
 */
@Component
public class DeskSecuritySetup {
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
    group(DeskGroups.INTEGRATIONS, "系统对接");

    for (String g : new String[] {AGENTS, WAREHOUSE, MANAGERS, ANALYSTS}) {
      grant(g, Resources.APPLICATION, "tasklist", ACCESS);
      grant(g, Resources.USER, "*", READ);
      grant(g, Resources.GROUP, "*", READ);
    }

    // The case context (case number, order, amount) shown beside each task in the Tasklist filters.
    grant(AGENTS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE);
    grant(WAREHOUSE, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE);

    grant(MANAGERS, Resources.APPLICATION, "cockpit", ACCESS);
    grant(MANAGERS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, UPDATE_INSTANCE, READ_HISTORY,
        READ_TASK, UPDATE_TASK, ProcessDefinitionPermissions.RETRY_JOB);
    grant(MANAGERS, Resources.PROCESS_INSTANCE, "*", READ, UPDATE, ProcessInstancePermissions.RETRY_JOB);
    grant(MANAGERS, Resources.TASK, "*", READ, UPDATE, TASK_WORK, TASK_ASSIGN);
    grant(MANAGERS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grant(MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(MANAGERS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
    grant(MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
    grant(MANAGERS, Resources.DEPLOYMENT, "*", READ);

    grant(ANALYSTS, Resources.APPLICATION, "cockpit", ACCESS);
    grant(ANALYSTS, Resources.DEPLOYMENT, "*", CREATE, READ, DELETE);
    grant(ANALYSTS, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY, UPDATE);
    grant(ANALYSTS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY, CREATE_INSTANCE);
    grant(ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);

    filter("客服待办", "客服组的待办任务，最早的在前", -10, AGENTS, AGENTS);
    filter("仓库验货", "仓库组的验货任务", 0, WAREHOUSE, WAREHOUSE);
    filter("主管审批", "需要主管处理的任务", 10, MANAGERS, MANAGERS);
    String overdueId = overdue.refresh().getId();
    for (String g : new String[] {AGENTS, WAREHOUSE, MANAGERS}) {
      grant(g, Resources.FILTER, overdueId, READ);
    }
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).list().stream().findFirst()
        .orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(group);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    for (Permission permission : permissions) {
      auth.addPermission(permission);
    }
    authorizations.saveAuthorization(auth);
  }

  /** A shared filter on one group's tasks, claimed ones included, oldest first; readable by the group. */
  private void filter(String name, String description, int priority, String candidateGroup, String visibleTo) {
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
            "variables", java.util.List.of(
                Map.of("name", "caseNo", "label", "售后单号"),
                Map.of("name", "orderNo", "label", "订单号"),
                Map.of("name", "amountText", "label", "金额"))));
    filters.saveFilter(filter);
    grant(visibleTo, Resources.FILTER, filter.getId(), READ);
    grant(MANAGERS, Resources.FILTER, filter.getId(), READ);
  }
}
