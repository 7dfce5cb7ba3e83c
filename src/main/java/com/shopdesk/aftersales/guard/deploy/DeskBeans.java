package com.shopdesk.aftersales.guard.deploy;

import com.shopdesk.aftersales.AfterSalesApplication;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The Spring beans diagrams may name: the desk's delegates (JavaDelegate beans of the application's own
 * packages) and its {@link DiagramHelper}s. Names come from the bean definitions, so nothing is
 * instantiated while the engine is built (several delegates need engine services themselves).
 */
@Component
public class DeskBeans {
  private static final String DESK_PACKAGE = AfterSalesApplication.class.getPackageName();

  public enum Kind { DELEGATE, HELPER, OTHER_BEAN, NOT_A_BEAN }

  private final ConfigurableListableBeanFactory beanFactory;
  private volatile Names names;

  public DeskBeans(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  public Kind kindOf(String name) {
    if (names().delegates.contains(name)) {
      return Kind.DELEGATE;
    }
    if (names().helpers.contains(name)) {
      return Kind.HELPER;
    }
    return beanFactory.containsBean(name) ? Kind.OTHER_BEAN : Kind.NOT_A_BEAN;
  }

  public Set<String> helperNames() {
    return names().helpers;
  }

  /**
   * The beans expressions resolve at run time, for the engine's expression manager: read-only, and each bean
   * looked up only when an expression asks for it.
   */
  public Map<Object, Object> forExpressions() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && isExposed(name);
      }

      @Override
      public Object get(Object key) {
        return containsKey(key) ? beanFactory.getBean((String) key) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        return exposedNames().stream()
            .map(name -> new SimpleImmutableEntry<Object, Object>(name, beanFactory.getBean(name)))
            .collect(Collectors.toUnmodifiableSet());
      }
    };
  }

  private boolean isExposed(String name) {
    return names().delegates.contains(name) || names().helpers.contains(name);
  }

  private Set<String> exposedNames() {
    Set<String> all = new TreeSet<>(names().delegates);
    all.addAll(names().helpers);
    return all;
  }

  private Names names() {
    Names known = names;
    if (known == null) {
      synchronized (this) {
        if (names == null) {
          names = read();
        }
        known = names;
      }
    }
    return known;
  }

  private Names read() {
    Set<String> delegates = new TreeSet<>();
    Set<String> helpers = new TreeSet<>();
    for (String name : beanFactory.getBeanDefinitionNames()) {
      Class<?> type = beanFactory.getType(name, false);
      if (type == null) {
        continue;
      }
      if (JavaDelegate.class.isAssignableFrom(type) && isDeskCode(type)) {
        delegates.add(name);
      } else if (beanFactory.findAnnotationOnBean(name, DiagramHelper.class, false) != null) {
        helpers.add(name);
      }
    }
    return new Names(Collections.unmodifiableSet(delegates), Collections.unmodifiableSet(helpers));
  }

  private static boolean isDeskCode(Class<?> type) {
    String pkg = type.getPackageName();
    return pkg.equals(DESK_PACKAGE) || pkg.startsWith(DESK_PACKAGE + ".");
  }

  private record Names(Set<String> delegates, Set<String> helpers) {}
}
