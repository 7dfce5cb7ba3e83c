package com.shopdesk.aftersales.guard;

import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * One of the desk's rules on what callers may ask the engine for. {@link DeskEngineGuards} runs every guard
 * on each command a caller gives the engine (the outermost one); guards of other capabilities (deployments,
 * logins) are Spring beans of this type.
 */
public interface CommandGuard {

  /**
   * Looks at a command before it runs. Throws to refuse it outright; hands {@code inside} the checks that need
   * the database, which then run in the command's own transaction, before it. Returns the command to run: the
   * same one, or one that does what the caller may do of it.
   */
  Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside);
}
