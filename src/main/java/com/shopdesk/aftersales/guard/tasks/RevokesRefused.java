package com.shopdesk.aftersales.guard.tasks;

import com.shopdesk.aftersales.guard.Caller;
import com.shopdesk.aftersales.guard.CommandFields;
import com.shopdesk.aftersales.guard.CommandGuard;
import com.shopdesk.aftersales.guard.RefusedInput;
import java.util.function.Consumer;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Refuses to save a revoke (Admin → Authorizations, {@code POST /engine-rest/authorization/create} with type 2).
 * The engine reads grants only here ({@code authorization-check-revokes: never}, which {@link TaskInvolvement}
 * needs), so a revoke would be saved and shown in Admin yet take nothing away: the admin would believe a
 * permission gone that is still there. Refused, the admin learns how to take it away.
 */
@Component
class RevokesRefused implements CommandGuard {

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (command instanceof SaveAuthorizationCmd) {
      Authorization authorization = CommandFields.read(command, "authorization");
      if (authorization != null && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw new RefusedInput("type: 本系统只按“授予”（GRANT）授权判断权限，“撤销”（Admin 中的 DENY，即 REVOKE）授权保存了也不会生效"
            + "（authorization-check-revokes: never）。要收回权限，请删除或缩小授予该权限的授权。");
      }
    }
    return command;
  }
}
