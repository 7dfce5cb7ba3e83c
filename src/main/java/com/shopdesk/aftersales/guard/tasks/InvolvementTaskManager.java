package com.shopdesk.aftersales.guard.tasks;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/** Task lists and counts through the desk's statements ({@code involvement.xml}). */
public class InvolvementTaskManager extends TaskManager {
  /** The databases whose LIMIT the page statement is written in. */
  private static final Set<String> PAGED = Set.of("h2", "postgres");

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    String statement = byOwnColumns(query) && PAGED.contains(Context.getProcessEngineConfiguration().getDatabaseType())
        ? "selectTaskPage" : "selectTasks";
    return InvolvementCheck.apply(query, caller -> askedForOwnTasks(query, caller),
        () -> getDbEntityManager().selectList(TaskInvolvement.NAMESPACE + statement, query));
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    return InvolvementCheck.apply(query, caller -> askedForOwnTasks(query, caller),
        () -> (Long) getDbEntityManager().selectOne(TaskInvolvement.NAMESPACE + "selectTaskCount", query));
  }

  /**
   * The query itself keeps to tasks the caller is involved in (offered to their groups or to them, or theirs), so
   * checking involvement again is only work: 客服待办 and the agents' queue ask so, and their counts read every task.
   */
  private static boolean askedForOwnTasks(TaskQueryImpl query, Authentication caller) {
    String user = caller.getUserId();
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    List<String> candidateGroups = query.getCandidateGroupsInternal();
    return user.equals(query.getCandidateUser()) || user.equals(query.getAssignee()) || user.equals(query.getOwner())
        || user.equals(query.getInvolvedUser())
        || query.getCandidateGroup() != null && groups.contains(query.getCandidateGroup())
        || candidateGroups != null && !candidateGroups.isEmpty() && groups.containsAll(candidateGroups);
  }

  /** Sorted by none or by the task's own columns, not by a variable or the process definition. */
  private static boolean byOwnColumns(TaskQueryImpl query) {
    return query.getOrderingProperties().stream().allMatch(p -> p.isContainedProperty());
  }
}
