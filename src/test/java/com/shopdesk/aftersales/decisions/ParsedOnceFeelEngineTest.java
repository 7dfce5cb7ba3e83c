package com.shopdesk.aftersales.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The desk's FEEL engine answers exactly as Camunda's own, for every kind of entry an analyst writes in a
 * decision table, again and again with other inputs (the parse is kept, never an answer), and fails with the
 * same message.
 */
class ParsedOnceFeelEngineTest {
  private final FeelEngine camunda = new ScalaFeelEngine(List.of());
  private final FeelEngine desk = new ParsedOnceFeelEngine(List.of());

  private static final List<String> UNARY_TESTS = List.of("\"REFUND_ONLY\"", "\"A\",\"B\"", "not(\"A\")",
      "< 100", "[10..200]", "> amount", "-", "date(\"2026-11-11\")", "? > 5 and ? < 50", "null");
  private static final List<Object> INPUTS = List.of("A", "B", "REFUND_ONLY", 5, 99.5, 150, 250,
      LocalDate.of(2026, 11, 11));

  @Test
  void unaryTestsMatchCamundasForEveryInputInTurn() {
    for (int round = 0; round < 2; round++) {
      for (String test : UNARY_TESTS) {
        for (Object input : INPUTS) {
          VariableMap variables = Variables.createVariables().putValue("cellInput", input).putValue("amount", 120);
          assertThat(outcome(() -> desk.evaluateSimpleUnaryTests(test, "cellInput", variables.asVariableContext())))
              .as(test + " with " + input)
              .isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(test, "cellInput",
                  variables.asVariableContext())));
        }
      }
    }
  }

  @Test
  void expressionsMatchCamundas() {
    for (String expression : List.of("amount * 2", "if amount > 100 then \"manager\" else \"agent\"",
        "string length(name)", "date(\"2026-11-11\") + duration(\"P7D\")", "amount +", "unknownFunction(1)")) {
      for (Object amount : List.of(50, 150.25)) {
        VariableMap variables = Variables.createVariables().putValue("amount", amount).putValue("name", "龙井");
        assertThat(outcome(() -> desk.evaluateSimpleExpression(expression, variables.asVariableContext())))
            .as(expression + " with " + amount)
            .isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(expression, variables.asVariableContext())));
      }
    }
  }

  @Test
  void aBrokenEntryFailsEveryTimeNotOnlyTheFirst() {
    VariableMap variables = Variables.createVariables().putValue("cellInput", 1);
    for (int i = 0; i < 2; i++) {
      Throwable failure = catchThrowable(() -> desk.evaluateSimpleUnaryTests("[1..", "cellInput",
          variables.asVariableContext()));
      assertThat(failure).hasMessageContaining("failed to parse expression '[1..'");
    }
  }

  private interface Evaluation {
    Object run();
  }

  private static String outcome(Evaluation evaluation) {
    try {
      return "value " + evaluation.run();
    } catch (RuntimeException failure) {
      return failure.getClass().getName() + ": " + failure.getMessage();
    }
  }
}
