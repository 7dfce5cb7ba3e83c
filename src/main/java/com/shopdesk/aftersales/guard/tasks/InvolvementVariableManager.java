package com.shopdesk.aftersales.guard.tasks;

import java.util.List;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Variable lists and counts through the desk's statements ({@code involvement.xml}), so a person reads the
 * variables of a task they are involved in (Tasklist's filter columns among them).
 */
public class InvolvementVariableManager extends VariableInstanceManager {

  @Override
  @SuppressWarnings("unchecked")
  public List<VariableInstance> findVariableInstanceByQueryCriteria(VariableInstanceQueryImpl query, Page page) {
    configureQuery(query);
    return InvolvementCheck.apply(query, caller -> false,
        () -> getDbEntityManager().selectList(TaskInvolvement.NAMESPACE + "selectVariables", query));
  }

  @Override
  public long findVariableInstanceCountByQueryCriteria(VariableInstanceQueryImpl query) {
    configureQuery(query);
    return InvolvementCheck.apply(query, caller -> false,
        () -> (Long) getDbEntityManager().selectOne(TaskInvolvement.NAMESPACE + "selectVariableCount", query));
  }
}
