package com.shopdesk.aftersales.load;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Watches the application's pool for a thread that takes a second connection while it still holds one: the
 * pattern that let 20 concurrent intakes exhaust a pool of 10 (each held one and waited for another). Wraps
 * the data source bean of the given name; every place that takes a connection from that pool goes through the
 * wrapper, so a request thread or a job thread holding two at once is seen wherever it happens. Counts only
 * while armed (the load and the drain after it), and records each such place once, with a count and the stack
 * that asked for the second connection.
 */
final class ConnectionWatch implements BeanPostProcessor {
  private final String beanName;
  private final AtomicBoolean armed = new AtomicBoolean();
  private final Map<Thread, AtomicInteger> held = new ConcurrentHashMap<>();
  private final Map<String, Second> seconds = new ConcurrentHashMap<>();
  private final AtomicInteger heldNow = new AtomicInteger();
  private final AtomicInteger heldPeak = new AtomicInteger();
  private final LongAdder taken = new LongAdder();
  private volatile DataSource pool;

  /** One place where a thread asked for a second connection: how often, on which threads, the stack. */
  static final class Second {
    final LongAdder count = new LongAdder();
    final String thread;
    final String stack;

    Second(String thread, String stack) {
      this.thread = thread;
      this.stack = stack;
    }
  }

  ConnectionWatch(String beanName) {
    this.beanName = beanName;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (name.equals(beanName) && bean instanceof DataSource dataSource) {
      pool = dataSource;
      return new Watched(dataSource);
    }
    return bean;
  }

  void arm() {
    heldPeak.set(heldNow.get());
    armed.set(true);
  }

  void disarm() {
    armed.set(false);
  }

  /** The wrapped pool, or null when no bean of that name was a data source. */
  DataSource pool() {
    return pool;
  }

  long taken() {
    return taken.sum();
  }

  int heldPeak() {
    return heldPeak.get();
  }

  Map<String, Second> seconds() {
    return seconds;
  }

  long secondCount() {
    return seconds.values().stream().mapToLong(s -> s.count.sum()).sum();
  }

  private final class Watched extends DelegatingDataSource {
    Watched(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return watch(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return watch(super.getConnection(username, password));
    }
  }

  private Connection watch(Connection connection) {
    Thread owner = Thread.currentThread();
    AtomicInteger mine = held.computeIfAbsent(owner, t -> new AtomicInteger());
    int now = mine.incrementAndGet();
    heldPeak.accumulateAndGet(heldNow.incrementAndGet(), Math::max);
    if (armed.get()) {
      taken.increment();
      if (now > 1) {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        String site = Arrays.stream(stack).filter(f -> f.getClassName().startsWith("com.shopdesk")
                && !f.getClassName().startsWith(ConnectionWatch.class.getName()))
            .limit(3).map(f -> f.getClassName().replace("com.shopdesk.aftersales.", "") + "." + f.getMethodName())
            .collect(Collectors.joining(" < "));
        if (site.isEmpty()) {
          site = Arrays.stream(stack).skip(3).limit(4).map(f -> f.getClassName() + "." + f.getMethodName())
              .collect(Collectors.joining(" < "));
        }
        String threadKind = owner.getName().replaceAll("\\d+$", "N");
        seconds.computeIfAbsent(threadKind + ": " + site, k -> new Second(owner.getName(),
            Arrays.stream(stack).limit(60).map(f -> "\tat " + f).collect(Collectors.joining("\n"))))
            .count.increment();
      }
    }
    AtomicBoolean closed = new AtomicBoolean();
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
        held.get(owner).decrementAndGet();
        heldNow.decrementAndGet();
      }
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(proxy)) {
        return proxy;
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(ConnectionWatch.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }
}
