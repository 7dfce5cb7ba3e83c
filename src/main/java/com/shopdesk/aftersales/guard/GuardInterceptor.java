package com.shopdesk.aftersales.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Runs the desk's guards on every command a caller gives the engine, whatever the entry: the engine REST API,
 * the webapps' own API, Java. Only the outermost command is a caller's request; what the engine and the
 * desk's delegates do within it is the process at work.
 */
class GuardInterceptor extends CommandInterceptor {
  private final ProcessEngineConfigurationImpl configuration;
  private final List<CommandGuard> guards;

  GuardInterceptor(ProcessEngineConfigurationImpl configuration, List<CommandGuard> guards) {
    this.configuration = configuration;
    this.guards = guards;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    Caller caller = Caller.current(configuration);
    List<Consumer<CommandContext>> checks = new ArrayList<>();
    Command<T> toRun = command;
    for (CommandGuard guard : guards) {
      toRun = (Command<T>) guard.inspect(toRun, caller, checks::add);
    }
    if (checks.isEmpty()) {
      return next.execute(toRun);
    }
    return next.execute(new Checked<>(toRun, checks));
  }

  /** The command with the checks that need its transaction run first. */
  private record Checked<T>(Command<T> command, List<Consumer<CommandContext>> checks) implements Command<T> {
    @Override
    public T execute(CommandContext context) {
      checks.forEach(check -> check.accept(context));
      return command.execute(context);
    }
  }
}
