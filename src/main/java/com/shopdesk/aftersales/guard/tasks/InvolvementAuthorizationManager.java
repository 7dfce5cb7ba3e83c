package com.shopdesk.aftersales.guard.tasks;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.TaskPermissions.READ_VARIABLE;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's checks on one resource (read this task, claim or complete it, read its variables), which pass as
 * well when the caller is involved in the task: its assignee or owner, or it is offered to them or one of their
 * groups. That is what the engine's grant per task gave (read, work, read variables), without the grant.
 */
public class InvolvementAuthorizationManager extends AuthorizationManager {
  private static final Set<String> INVOLVED_MAY = Set.of(READ.getName(), TASK_WORK.getName(), READ_VARIABLE.getName());

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    return super.isAuthorized(userId, groupIds, check) || involved(userId, groupIds, check);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
    return super.isAuthorized(userId, groupIds, check)
        || check.isDisjunctive() && check.getAtomicChecks().stream().anyMatch(c -> involved(userId, groupIds, c));
  }

  private boolean involved(String userId, List<String> groupIds, PermissionCheck check) {
    if (userId == null || check.getResource().resourceType() != Resources.TASK.resourceType()
        || check.getResourceId() == null || "*".equals(check.getResourceId())
        || !INVOLVED_MAY.contains(check.getPermission().getName())) {
      return false;
    }
    TaskEntity task = getCommandContext().getTaskManager().findTaskById(check.getResourceId());
    return task != null && (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())
        || task.getIdentityLinks().stream().anyMatch(link -> userId.equals(link.getUserId())
            || groupIds != null && link.getGroupId() != null && groupIds.contains(link.getGroupId())));
  }
}
