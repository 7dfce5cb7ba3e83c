package com.shopdesk.aftersales.security.login;

import com.shopdesk.aftersales.guard.CommandFields;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Where every login passes: the engine's password check (the product API's and the engine REST API's HTTP
 * Basic, the webapps' login form, /identity/verify). A check of another user's password by someone already
 * logged in is refused; from an HTTP client the check is throttled per address and user (LoginThrottle),
 * and a throttled check fails without reaching the user's record.
 */
class PasswordCheckInterceptor extends CommandInterceptor {
  private final LoginThrottle throttle;
  private final ProcessEngineConfigurationImpl engine;

  PasswordCheckInterceptor(LoginThrottle throttle, ProcessEngineConfigurationImpl engine) {
    this.throttle = throttle;
    this.engine = engine;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    // only a check called from outside the engine; one inside a running command is the engine's own
    if (!(command instanceof CheckPassword) || Context.getCommandContext() != null) {
      return next.execute(command);
    }
    String userId = userId((CheckPassword) command);
    // the logins themselves run unauthenticated (the webapps' login form clears the session's user first)
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null && !current.getUserId().equals(userId)) {
      throw new AuthorizationException("已登录的用户 " + current.getUserId() + " 不能检查其他用户的密码。");
    }
    ClientRequest request = ClientRequest.current();
    if (request == null || userId == null) {
      return next.execute(command);
    }
    if (!throttle.admit(request.address(), userId)) {
      return (T) Boolean.FALSE;
    }
    T matches = next.execute(command);
    if (Boolean.TRUE.equals(matches)) {
      throttle.succeeded(request.address(), userId);
    } else if (request.firstFailureOf(userId)) {
      throttle.failed(request.address(), userId);
    }
    return matches;
  }

  /** CheckPassword keeps its arguments in package-private fields. */
  private static String userId(CheckPassword command) {
    return CommandFields.read(command, "userId");
  }
}
