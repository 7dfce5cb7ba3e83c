package com.shopdesk.aftersales.security.login;

import com.shopdesk.aftersales.guard.Caller;
import com.shopdesk.aftersales.guard.CommandGuard;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Empties the {@link CredentialCache} when users, groups, memberships or tenants change (Admin, the engine REST
 * API, start-up): a changed password, a removed member or a deleted user stops working at once on this node. It
 * empties it again after the change commits, so a login in between cannot bring the old state back.
 */
@Component
class IdentityChangeGuard implements CommandGuard {
  private static final Set<String> IDENTITY_WRITES = Set.of("CreateUserCmd", "SaveUserCmd", "DeleteUserCmd",
      "UnlockUserCmd", "CreateGroupCmd", "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd",
      "DeleteMembershipCmd", "CreateTenantCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd",
      "DeleteTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd", "DeleteTenantGroupMembershipCmd");
  private final CredentialCache cache;

  IdentityChangeGuard(CredentialCache cache) {
    this.cache = cache;
  }

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (command.getClass().getPackageName().equals("org.camunda.bpm.engine.impl.cmd")
        && IDENTITY_WRITES.contains(command.getClass().getSimpleName())) {
      cache.clear();
      inside.accept(context -> context.getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> cache.clear()));
    }
    return command;
  }
}
