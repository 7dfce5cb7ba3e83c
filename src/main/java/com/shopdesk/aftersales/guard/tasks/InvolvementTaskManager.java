package com.shopdesk.aftersales.guard.tasks;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
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
    return InvolvementCheck.apply(query,
        () -> getDbEntityManager().selectList(TaskInvolvement.NAMESPACE + statement, query));
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    return InvolvementCheck.apply(query,
        () -> (Long) getDbEntityManager().selectOne(TaskInvolvement.NAMESPACE + "selectTaskCount", query));
  }

  /** Sorted by none or by the task's own columns, not by a variable or the process definition. */
  private static boolean byOwnColumns(TaskQueryImpl query) {
    return query.getOrderingProperties().stream().allMatch(p -> p.isContainedProperty());
  }
}
