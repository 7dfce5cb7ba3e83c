package com.shopdesk.aftersales.guard.deploy;

import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Refuses a diagram that could run code the desk did not write: scripts, Java classes named in the diagram,
 * outgoing connectors, generated forms, start events that fire by themselves (timers, messages, signals, …; a
 * message start event of an event subprocess is allowed, as it only interrupts a running case when the desk
 * correlates its message, e.g. a withdrawal),
 * call activities that would move running cases onto newer versions (see {@link CalledVersions}), and
 * expressions outside {@link ExpressionPolicy}. Every element, attribute and text of the XML is looked
 * at, not just the elements the engine knows, so nothing is missed by being put somewhere unusual.
 * <p>
 * The check runs first thing when the engine parses a new diagram, before it reads a single process (reading
 * one already instantiates a camunda:formHandlerClass), so it comes as the engine's parse factory rather than
 * as a parse listener, which would run only after all processes were read. The refusal is a
 * {@link BpmnParseException} on the nearest element with an id: the engine reports it as a parse error of the
 * resource (REST {@code 400} with {@code details}), which Modeler shows on that element.
 */
class DiagramPolicy implements BpmnParseFactory {
  private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
  /** camunda:… attributes that name a Java class or an external script, or a form the engine generates. */
  private static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("class", "variableMappingClass",
      "formHandlerClass", "resource", "formKey");
  /** camunda:… elements: scripts, HTTP connectors and generated forms. */
  private static final Set<String> CAMUNDA_ELEMENTS = Set.of("script", "connector", "formData", "formField",
      "formProperty");

  private final ExpressionPolicy expressions;

  DiagramPolicy(ExpressionPolicy expressions) {
    this.expressions = expressions;
  }

  @Override
  public BpmnParse createBpmnParse(BpmnParser parser) {
    return new BpmnParse(parser) {
      @Override
      protected void parseRootElement() {
        // a deployment the engine loads again into its cache (after a restart, on another node) was judged when
        // it was new
        if (deployment == null || deployment.isNew()) {
          check(rootElement, rootElement, false);
        }
        super.parseRootElement();
      }
    };
  }

  /** @param named the element itself if it has an id, else its nearest ancestor that has one */
  private void check(Element element, Element named, boolean inEventSubprocess) {
    if (element.attribute("id") != null) {
      named = element;
    }
    checkElement(element, named, inEventSubprocess);
    boolean eventSubprocess = isBpmn(element) && element.getTagName().equals("subProcess")
        && "true".equals(element.attribute("triggeredByEvent"));
    for (String attribute : element.attributes()) {
      checkText(element.attribute(attribute), named);
    }
    checkText(element.getText(), named);
    for (Element child : element.elements()) {
      check(child, named, eventSubprocess);
    }
  }

  private void checkElement(Element element, Element named, boolean inEventSubprocess) {
    String tag = element.getTagName();
    if (isBpmn(element) && tag.equals("scriptTask")) {
      throw refused("script tasks are not allowed; use a service task with one of the desk's delegates", named);
    }
    if (isBpmn(element) && tag.equals("startEvent")) {
      for (Element definition : element.elements()) {
        boolean interruptsOnMessage = inEventSubprocess && definition.getTagName().equals("messageEventDefinition");
        if (isBpmn(definition) && !interruptsOnMessage && (definition.getTagName().endsWith("EventDefinition")
            || definition.getTagName().equals("eventDefinitionRef"))) {
          throw refused("start events must be plain (none) start events; <" + definition.getTagName()
              + "> starts instances by itself", named);
        }
      }
    }
    if (isCamunda(element) && CAMUNDA_ELEMENTS.contains(tag)) {
      throw refused("camunda:" + tag + " is not allowed" + why(tag), named);
    }
    if (isCamunda(element) && element.attribute("class") != null) {
      throw refused("class=\"" + element.attribute("class") + "\" on camunda:" + tag
          + " is not allowed; use delegateExpression=\"${…Delegate}\" with one of the desk's delegates", named);
    }
    for (String attribute : CAMUNDA_ATTRIBUTES) {
      if (element.attributeNS(CAMUNDA, attribute) != null) {
        throw refused("camunda:" + attribute + " is not allowed" + why(attribute), named);
      }
    }
    if (element.attribute("language") != null) {
      throw refused("expressions in language '" + element.attribute("language")
          + "' are scripts and not allowed; write a ${…} expression without a language", named);
    }
    if (isBpmn(element) && tag.equals("userTask") && element.attributeNS(CAMUNDA, "formRef") == null) {
      throw refused("user tasks need a Camunda Form (camunda:formRef)", named);
    }
    if (isBpmn(element) && tag.equals("callActivity")) {
      checkCallActivity(element, named);
    }
  }

  /**
   * A running case stays on the versions of the processes it calls that were the newest when it started
   * ({@link CalledVersions}); the engine's default binding, latest, would move it to whatever was deployed since.
   */
  private static void checkCallActivity(Element callActivity, Element named) {
    if (callActivity.attributeNS(CAMUNDA, "caseRef") != null) {
      throw refused("call activities call the desk's processes (calledElement), not CMMN cases (camunda:caseRef)",
          named);
    }
    String binding = callActivity.attributeNS(CAMUNDA, "calledElementBinding");
    String version = callActivity.attributeNS(CAMUNDA, "calledElementVersion");
    if (!CalledVersions.BINDING.equals(binding) || version == null
        || !CalledVersions.EXPRESSION.equals(version.trim())) {
      throw refused("a call activity must keep a running case on the versions that were the newest when the case "
          + "started: set its binding to \"" + CalledVersions.BINDING + "\" and its version to "
          + CalledVersions.EXPRESSION + " (camunda:calledElementBinding=\"" + CalledVersions.BINDING
          + "\" camunda:calledElementVersion=\"" + CalledVersions.EXPRESSION + "\"); found binding "
          + (binding == null ? "latest (none given)" : "\"" + binding + "\"")
          + (version == null ? "" : " and version \"" + version + "\""), named);
    }
  }

  private void checkText(String text, Element named) {
    if (ExpressionPolicy.containsExpression(text)) {
      expressions.refusal(text).ifPresent(reason -> {
        throw refused(reason, named);
      });
    }
  }

  private static String why(String construct) {
    return switch (construct) {
      case "script", "resource" -> ": scripts run arbitrary code";
      case "connector" -> ": the desk talks to other systems only through its delegates";
      case "formKey", "formData", "formField", "formProperty" ->
          ": the desk's tasks use Camunda Forms (camunda:formRef)";
      default -> ": Java classes named in a diagram run arbitrary code; use one of the desk's delegates";
    };
  }

  private static BpmnParseException refused(String reason, Element named) {
    String id = named.attribute("id");
    return new BpmnParseException("Refused by the deployment policy, element '" + (id == null ? "?" : id) + "': "
        + reason, named);
  }

  private static boolean isBpmn(Element element) {
    return BpmnParser.BPMN20_NS.equals(element.getUri());
  }

  private static boolean isCamunda(Element element) {
    return CAMUNDA.getNamespaceUri().equals(element.getUri()) || CAMUNDA.getAlternativeUri().equals(element.getUri());
  }
}
