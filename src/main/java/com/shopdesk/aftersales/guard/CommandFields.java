package com.shopdesk.aftersales.guard;

import java.lang.reflect.Field;

/**
 * Reads what an engine command was asked to do. The engine keeps its commands' arguments in protected fields;
 * the guards read them by name, and a renamed field in a future engine version fails loudly here (and in the
 * guards' tests) instead of letting the command through unchecked.
 */
public final class CommandFields {
  private CommandFields() {}

  @SuppressWarnings("unchecked")
  public static <T> T read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name
        + ": the engine changed, review the desk's command guards");
  }
}
