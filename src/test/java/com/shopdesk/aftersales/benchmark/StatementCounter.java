package com.shopdesk.aftersales.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends through its pool (bean {@code dataSource}): the engine, the
 * shop's tables, the job executor. Wraps the pool as {@code load/ConnectionWatch} does (a bean post-processor
 * returning a delegating data source whose connections are JDK proxies), here to count every execute, each
 * entry of a batch counted once. The stand-in systems' own pool ({@code sandbox/SandboxDatabase}) is another
 * company's database and is not counted. The benchmark reads its own figures through {@link #uncounted()}.
 */
final class StatementCounter implements BeanPostProcessor {
  private static final String BEAN = "dataSource";
  private final LongAdder statements = new LongAdder();
  private volatile DataSource pool;

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (name.equals(BEAN) && bean instanceof DataSource dataSource) {
      pool = dataSource;
      return new Counted(dataSource);
    }
    return bean;
  }

  long count() {
    return statements.sum();
  }

  /** The application's pool itself: what the benchmark queries there is not the application's work. */
  DataSource uncounted() {
    if (pool == null) {
      throw new IllegalStateException("the application has no data source bean named '" + BEAN + "'");
    }
    return pool;
  }

  private final class Counted extends DelegatingDataSource {
    Counted(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return proxy(Connection.class, super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return proxy(Connection.class, super.getConnection(username, password));
    }
  }

  /** A proxy of a connection or statement: statements it makes are proxied too, executes are counted. */
  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler handler = (self, method, args) -> {
      if (method.getName().equals("unwrap") && args[0] instanceof Class<?> c && c.isInstance(self)) {
        return self;
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      count(method, result);
      return wrapStatement(result);
    };
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private void count(Method method, Object result) {
    String name = method.getName();
    if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
      statements.add(result instanceof int[] counts ? counts.length : ((long[]) result).length);
    } else if (name.startsWith("execute")) {
      statements.increment();
    }
  }

  private Object wrapStatement(Object result) {
    if (result instanceof CallableStatement s) return proxy(CallableStatement.class, s);
    if (result instanceof PreparedStatement s) return proxy(PreparedStatement.class, s);
    if (result instanceof Statement s) return proxy(Statement.class, s);
    return result;
  }
}
