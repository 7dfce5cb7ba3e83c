package com.shopdesk.aftersales.guard;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's own user store, except that user listings give desk users names, not e-mail addresses: the
 * assignee picker and the task list need who someone is, not how to reach them. The admin, and the application
 * itself, see everything.
 */
public class DeskIdentityProvider extends DbIdentityServiceProvider {

  @Override
  public List<User> findUserByQueryCriteria(DbUserQueryImpl query) {
    if (!namesOnly()) {
      return super.findUserByQueryCriteria(query);
    }
    refuseEmailSearch(query);
    return super.findUserByQueryCriteria(query).stream().map(DeskIdentityProvider::withoutEmail).toList();
  }

  @Override
  public long findUserCountByQueryCriteria(DbUserQueryImpl query) {
    if (namesOnly()) {
      refuseEmailSearch(query);
    }
    return super.findUserCountByQueryCriteria(query);
  }

  private static boolean namesOnly() {
    Authentication caller = Context.getCommandContext().getAuthentication();
    return caller != null && !Context.getCommandContext().getAuthorizationManager().isCamundaAdmin(caller);
  }

  private static void refuseEmailSearch(DbUserQueryImpl query) {
    if (query.getEmail() != null || query.getEmailLike() != null) {
      throw new BadUserRequestException("Searching users by e-mail address is for the admin only");
    }
  }

  /** A detached copy: changing the cached entity itself would write the blank address back to the database. */
  private static User withoutEmail(User user) {
    UserEntity copy = new UserEntity(user.getId());
    copy.setFirstName(user.getFirstName());
    copy.setLastName(user.getLastName());
    return copy;
  }
}
