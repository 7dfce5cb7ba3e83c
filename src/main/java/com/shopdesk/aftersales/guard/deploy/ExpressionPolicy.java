package com.shopdesk.aftersales.guard.deploy;

import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.util.ReflectionUtils;

/**
 * What an expression in a diagram may do, decided on the JUEL syntax tree the engine itself builds: read
 * process variables, read and set variables on {@code execution}/{@code task}, name the desk's delegates, call
 * the desk's diagram helpers, and read DMN results and collections. Everything else an expression could
 * reach (other Spring beans, the engine's services, reflection) is refused.
 */
class ExpressionPolicy {
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Names the engine resolves to its own objects; {@code execution} and {@code task} are handled apart. */
  private static final Set<String> ENGINE_NAMES = Set.of("externalTask", "caseExecution", "variableScope",
      "variableContext", "authenticatedUserId");
  private static final Set<String> SCOPE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
      "hasVariableLocal", "setVariable", "setVariableLocal", "getVariableTyped");
  private static final Set<String> SCOPE_PROPERTIES = Set.of("processBusinessKey", "businessKey",
      "processInstanceId", "id", "currentActivityId", "activityInstanceId", "name");
  private static final Set<String> SCOPE_GETTERS = SCOPE_PROPERTIES.stream()
      .map(p -> "get" + Character.toUpperCase(p.charAt(0)) + p.substring(1)).collect(Collectors.toUnmodifiableSet());
  /** Harmless reads on DMN results, maps and collections. */
  private static final Set<String> VALUE_METHODS = Set.of("getSingleResult", "getSingleEntry", "getResultList",
      "getFirstResult", "get", "getEntry", "containsKey", "isEmpty", "size", "contains");
  /** Properties that lead from any object to classes and class loaders. */
  private static final Set<String> REFLECTIVE_PROPERTIES = Set.of("class", "classLoader", "declaringClass");
  private static final Field DOT_PROPERTY = accessible(ReflectionUtils.findField(AstDot.class, "property"));

  /** What the target of a property access or method call can be. */
  private enum Target { SCOPE, HELPER, DELEGATE, VALUE }

  private final DeskBeans beans;

  ExpressionPolicy(DeskBeans beans) {
    this.beans = beans;
  }

  static boolean containsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the text (an expression, or text with expressions in it) is refused; empty when it is allowed. */
  Optional<String> refusal(String text) {
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot();
    } catch (TreeBuilderException e) {
      return Optional.of("expression " + text + " is not valid: " + e.getMessage());
    }
    try {
      visit(root);
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of("expression " + text + " " + refused.getMessage());
    }
  }

  /** Children first, so the refusal names the innermost offence: the bean, then what is done with it. */
  private void visit(Node node) {
    if (node instanceof AstMethod method) {
      // child 0 names the method on its target (target.name), child 1 holds the arguments
      AstProperty named = (AstProperty) method.getChild(0);
      visitChildren(named);
      visit(method.getChild(1));
      checkMethod(named);
      return;
    }
    visitChildren(node);
    if (node instanceof AstIdentifier identifier) {
      checkName(identifier.getName());
    } else if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      throw new Refused("calls the function " + function.getName() + "(); only " + listed(FUNCTIONS) + " are allowed");
    } else if (node instanceof AstProperty property) {
      checkProperty(property);
    }
  }

  private void visitChildren(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(node.getChild(i));
    }
  }

  private void checkName(String name) {
    if (ENGINE_NAMES.contains(name)) {
      throw new Refused("uses the engine's " + name + "; only execution and task are available");
    }
    if (beans.kindOf(name) == DeskBeans.Kind.OTHER_BEAN) {
      throw new Refused("names the Spring bean '" + name + "'; diagrams may use only the desk's delegates and "
          + "the diagram helpers " + listed(beans.helperNames()));
    }
  }

  private void checkMethod(AstProperty named) {
    String method = memberName(named);
    for (Target target : targets(named.getChild(0))) {
      boolean allowed = switch (target) {
        case SCOPE -> SCOPE_METHODS.contains(method) || SCOPE_GETTERS.contains(method);
        case HELPER -> !method.equals("getClass");
        case DELEGATE -> false;
        case VALUE -> VALUE_METHODS.contains(method);
      };
      if (!allowed) {
        throw new Refused("calls " + method + "()" + on(target) + "; " + allowedMethods(target));
      }
    }
  }

  private void checkProperty(AstProperty property) {
    String name = memberName(property);
    for (Target target : targets(property.getChild(0))) {
      boolean allowed = switch (target) {
        case SCOPE -> SCOPE_PROPERTIES.contains(name);
        case HELPER, VALUE -> !REFLECTIVE_PROPERTIES.contains(name);
        case DELEGATE -> false;
      };
      if (!allowed) {
        throw new Refused("reads ." + name + on(target) + "; " + allowedProperties(target));
      }
    }
  }

  /** The object(s) a property or method is taken from; a conditional can yield either branch. */
  private Set<Target> targets(Node node) {
    if (node instanceof AstNested) {
      return targets(node.getChild(0));
    }
    if (node instanceof AstChoice) {
      Set<Target> both = new HashSet<>(targets(node.getChild(1)));
      both.addAll(targets(node.getChild(2)));
      return both;
    }
    if (node instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (name.equals("execution") || name.equals("task")) {
        return EnumSet.of(Target.SCOPE);
      }
      return switch (beans.kindOf(name)) {
        case DELEGATE -> EnumSet.of(Target.DELEGATE);
        case HELPER -> EnumSet.of(Target.HELPER);
        default -> EnumSet.of(Target.VALUE);
      };
    }
    return EnumSet.of(Target.VALUE);
  }

  /** The property or method name of {@code a.name} or {@code a['name']}; a computed name cannot be checked. */
  private static String memberName(AstProperty property) {
    if (property instanceof AstDot) {
      return (String) ReflectionUtils.getField(DOT_PROPERTY, property);
    }
    Node key = property instanceof AstBracket ? property.getChild(1) : null;
    if (key instanceof AstString || key instanceof AstNumber) {
      return String.valueOf(((AstLiteral) key).eval(null, null));
    }
    throw new Refused("takes a member by a computed name ([...]); write the name itself, e.g. a.name");
  }

  private static String on(Target target) {
    return switch (target) {
      case SCOPE -> " on execution/task";
      case HELPER -> " on a diagram helper";
      case DELEGATE -> " on a delegate";
      case VALUE -> " on a value";
    };
  }

  private static String allowedMethods(Target target) {
    return switch (target) {
      case SCOPE -> "allowed there: " + listed(SCOPE_METHODS) + ", " + listed(SCOPE_GETTERS);
      case HELPER -> "getClass() is not allowed";
      case DELEGATE -> "a delegate may only be named, e.g. ${closeCaseDelegate}, never called";
      case VALUE -> "allowed there: " + listed(VALUE_METHODS);
    };
  }

  private static String allowedProperties(Target target) {
    return switch (target) {
      case SCOPE -> "allowed there: " + listed(SCOPE_PROPERTIES);
      case HELPER, VALUE -> listed(REFLECTIVE_PROPERTIES) + " are not allowed";
      case DELEGATE -> "a delegate may only be named, e.g. ${closeCaseDelegate}";
    };
  }

  private static String listed(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  private static Field accessible(Field field) {
    ReflectionUtils.makeAccessible(field);
    return field;
  }

  private static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
