package com.shopdesk.aftersales.guard;

import java.util.function.Consumer;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;

/**
 * No expression that comes with a request is ever evaluated. The engine's own switches
 * (enableExpressionsInAdhocQueries/StoredQueries) look at a task query's top level only, so a "…Expression"
 * inside {@code orQueries} ran anyway (CVE-2026-109432). This refuses a task query carrying an expression at any
 * depth: run directly (REST /task, /task/count, Tasklist), stored in a filter, or extending a filter when it
 * runs — a filter stored before this guard existed included. Nobody is exempt: the desk's own code never
 * needs one.
 */
class QueryExpressionGuard implements CommandGuard {

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (command instanceof TaskQueryImpl query) {
      refuseExpressions(query);
    } else if (command instanceof SaveFilterCmd) {
      Filter filter = CommandFields.read(command, "filter");
      refuseExpressions(filter == null ? null : filter.getQuery());
    } else if (command instanceof AbstractExecuteFilterCmd) {
      refuseExpressions(CommandFields.read(command, "extendingQuery"));
      String filterId = CommandFields.read(command, "filterId");
      inside.accept(context -> {
        FilterEntity stored = filterId == null ? null : context.getFilterManager().findFilterById(filterId);
        refuseExpressions(stored == null ? null : stored.getQuery());
      });
    }
    return command;
  }

  private static void refuseExpressions(Query<?, ?> query) {
    if (!(query instanceof TaskQueryImpl task)) {
      return;
    }
    for (TaskQueryImpl part : task.getQueries()) {
      if (!part.getExpressions().isEmpty()) {
        String field = part.getExpressions().keySet().iterator().next();
        throw new BadUserRequestException("Expressions are not allowed in task queries (or-queries and filters "
            + "included): the criterion " + field + " is given as an expression");
      }
    }
  }
}
