package com.shopdesk.aftersales.security.login;

import com.shopdesk.aftersales.guard.Caller;
import com.shopdesk.aftersales.guard.CommandFields;
import com.shopdesk.aftersales.guard.CommandGuard;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Where every login passes: the engine's password check (the product API's and the engine REST API's HTTP
 * Basic, the webapps' login form, /identity/verify). A check of another user's password by someone already
 * logged in is refused; from an HTTP client the check is throttled per address and user (LoginThrottle),
 * and a throttled check fails without reaching the user's record.
 */
@Component
class PasswordCheckGuard implements CommandGuard {
  private final LoginThrottle throttle;

  PasswordCheckGuard(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (!(command instanceof CheckPassword check)) {
      return command;
    }
    // CheckPassword keeps its arguments in package-private fields
    String userId = CommandFields.read(check, "userId");
    // the logins themselves run unauthenticated (the webapps' login form clears the session's user first)
    if (caller != null && !caller.userId().equals(userId)) {
      throw new AuthorizationException("已登录的用户 " + caller.userId() + " 不能检查其他用户的密码。");
    }
    String address = ClientRequest.address();
    if (address == null || userId == null) {
      return command;
    }
    return (Command<Boolean>) context -> {
      if (!throttle.admit(address, userId)) {
        return false;
      }
      boolean matches = check.execute(context);
      if (matches) {
        throttle.succeeded(address, userId);
      } else {
        throttle.failed(address, userId);
      }
      return matches;
    };
  }
}
