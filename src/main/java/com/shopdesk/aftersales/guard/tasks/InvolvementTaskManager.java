package com.shopdesk.aftersales.guard.tasks;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/**
 * Task lists and counts through the desk's statements ({@code involvement.xml}). A query that names its tasks or
 * their cases reads just those, joined as the engine does (one by one, H2 would walk every task to find them); any
 * other, a queue, reads the tasks one by one in their order, so a page stops at its end and a count does not sort
 * every row the join yields.
 */
public class InvolvementTaskManager extends TaskManager {
  /** The databases the one-by-one statements are written for (their LIMIT). */
  private static final Set<String> ONE_BY_ONE = Set.of("h2", "postgres");
  private final LargeCounts largeCounts;

  InvolvementTaskManager(LargeCounts largeCounts) {
    this.largeCounts = largeCounts;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    String statement = oneByOne(query) && byOwnColumns(query) ? "selectTaskPage" : "selectTasks";
    return InvolvementCheck.apply(query, caller -> askedForOwnTasks(query, caller),
        () -> getDbEntityManager().selectList(TaskInvolvement.NAMESPACE + statement, query));
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    String statement = TaskInvolvement.NAMESPACE + (oneByOne(query) ? "selectTaskCount" : "selectNamedTaskCount");
    return InvolvementCheck.apply(query, caller -> askedForOwnTasks(query, caller),
        () -> largeCounts.count(Context.getProcessEngineConfiguration().getSqlSessionFactory().getConfiguration(),
            statement, query, () -> (Long) getDbEntityManager().selectOne(statement, query)));
  }

  private static boolean oneByOne(TaskQueryImpl query) {
    return ONE_BY_ONE.contains(Context.getProcessEngineConfiguration().getDatabaseType())
        && query.getTaskId() == null && isEmpty(query.getTaskIdIn()) && query.getParentTaskId() == null
        && query.getProcessInstanceId() == null && isEmpty(query.getProcessInstanceIdIn())
        && query.getProcessInstanceBusinessKey() == null && isEmpty(query.getProcessInstanceBusinessKeys())
        && query.getExecutionId() == null && isEmpty(query.getActivityInstanceIdIn())
        && query.getCaseInstanceId() == null && query.getCaseExecutionId() == null
        && query.getCaseInstanceBusinessKey() == null;
  }

  private static boolean isEmpty(String[] ids) {
    return ids == null || ids.length == 0;
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
