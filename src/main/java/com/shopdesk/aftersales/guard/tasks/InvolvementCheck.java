package com.shopdesk.aftersales.guard.tasks;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A query's authorization check taken over by the desk's statements ({@code involvement.xml}): the engine's own
 * check is off (it has no permission checks to join), the statements read who asks from here. The groups are all
 * of the caller's, not only those the engine finds grants for: a task offered to a group makes it readable.
 */
public final class InvolvementCheck extends AuthorizationCheck {

  private InvolvementCheck(AuthorizationCheck engines, List<String> groupIds) {
    setAuthUserId(engines.getAuthUserId());
    setAuthGroupIds(groupIds);
    setUseLeftJoin(engines.isUseLeftJoin());
  }

  /**
   * Runs the select with this check in place of the engine's when the engine checks the caller, with none when
   * the query asks only for tasks the caller is involved in anyway, and with the query as it was otherwise.
   */
  static <T> T apply(ListQueryParameterObject query, Predicate<Authentication> askedForOwnTasks, Supplier<T> select) {
    AuthorizationCheck engines = query.getAuthCheck();
    if (!engines.getShouldPerformAuthorizatioCheck()) {
      return select.get();
    }
    Authentication caller = Context.getCommandContext().getAuthentication();
    List<String> groupIds = caller.getGroupIds() == null ? List.of() : List.copyOf(caller.getGroupIds());
    query.setAuthCheck(askedForOwnTasks.test(caller) ? new AuthorizationCheck() : new InvolvementCheck(engines, groupIds));
    try {
      return select.get();
    } finally {
      query.setAuthCheck(engines);
    }
  }
}
