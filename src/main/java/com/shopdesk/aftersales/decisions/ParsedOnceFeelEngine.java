package com.shopdesk.aftersales.decisions;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression of a decision table once instead of on every evaluation:
 * parsing was half of what routing a new case cost. The same engine underneath (same functions, value
 * mappers, no external functions), so a table evaluates exactly as with Camunda's own; a parse failure is kept
 * and reported as Camunda reports it. Expressions come from deployed tables, so the cache stays small; it is
 * emptied if it ever grows past {@link #MAX_EXPRESSIONS} (many analysts' deployments).
 */
class ParsedOnceFeelEngine extends ScalaFeelEngine {
  static final int MAX_EXPRESSIONS = 10_000;
  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

  ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    Context context = context(new ContextVariableWrapper(variables));
    return (T) valueOf(parsed(expressions, expression, feelEngine::parseExpression), context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    VariableProvider input = new StaticVariableProvider(
        new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
    Context context = context(new CompositeVariableProvider(
        toScalaList(input, new ContextVariableWrapper(variables))));
    return BoxesRunTime.unboxToBoolean(valueOf(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context));
  }

  private static Either<Failure, ParsedExpression> parsed(ConcurrentHashMap<String, Either<Failure, ParsedExpression>> cache,
      String expression, Function<String, Either<Failure, ParsedExpression>> parse) {
    if (cache.size() > MAX_EXPRESSIONS) {
      cache.clear();
    }
    return cache.computeIfAbsent(expression, parse);
  }

  private Object valueOf(Either<Failure, ParsedExpression> parsed, Context context) {
    Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> ok
        ? feelEngine.eval(ok.value(), context)
        : new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
    if (result instanceof Left<Failure, Object> failed) {
      throw LOGGER.evaluationException(failed.value().message());
    }
    return ((Right<Failure, Object>) result).value();
  }

  private static Context context(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }
}
