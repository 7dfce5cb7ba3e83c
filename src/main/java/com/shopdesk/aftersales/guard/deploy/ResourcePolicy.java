package com.shopdesk.aftersales.guard.deploy;

import com.shopdesk.aftersales.guard.forms.FormSchema;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * Runs before the engine's own deployers on every new deployment: only diagrams, decision tables and Camunda
 * Forms may be deployed, and decision tables only in FEEL (JUEL and script languages in a DMN reach the same
 * objects diagram expressions do). Diagrams are judged by {@link DiagramPolicy} while the engine parses them.
 * A refusal is a {@link NotValidException} naming the resource and element (REST {@code 400}).
 */
class ResourcePolicy implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // the engine loading an existing deployment into its cache; it was checked when it was new
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (isOneOf(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
        continue;
      }
      if (isOneOf(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
        checkDecisions(resource);
      } else if (isOneOf(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)) {
        checkForm(resource);
      } else {
        throw new NotValidException("Refused by the deployment policy, resource '" + name
            + "': only diagrams (.bpmn), decision tables (.dmn) and Camunda Forms (.form) may be deployed");
      }
    }
  }

  /** The same test the engine's deployers use to pick their resources. */
  private static boolean isOneOf(String resourceName, String[] suffixes) {
    return Arrays.stream(suffixes).anyMatch(resourceName::endsWith);
  }

  private void checkDecisions(ResourceEntity resource) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
    } catch (RuntimeException e) {
      throw new NotValidException("Refused by the deployment policy, resource '" + resource.getName()
          + "': not a readable DMN file: " + e.getMessage(), e);
    }
    checkExpressionLanguages(model.getDocument().getRootElement(), resource.getName());
  }

  /** Every element that may carry an expressionLanguage: definitions, decisions, inputs, entries, literals. */
  private static void checkExpressionLanguages(DomElement element, String resourceName) {
    String language = element.getAttribute("expressionLanguage");
    if (language != null && !isFeel(language)) {
      throw new NotValidException("Refused by the deployment policy, resource '" + resourceName + "', element '"
          + idOf(element) + "' (" + element.getLocalName() + "): expressionLanguage '" + language
          + "' is not allowed; decision tables are written in FEEL");
    }
    for (DomElement child : element.getChildElements()) {
      checkExpressionLanguages(child, resourceName);
    }
  }

  /** FEEL as the DMN engine recognises it (ExpressionEvaluationHandler.isFeelExpressionLanguage). */
  private static boolean isFeel(String language) {
    return language.equalsIgnoreCase(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
  }

  private static String idOf(DomElement element) {
    for (DomElement e = element; e != null; e = e.getParentElement()) {
      String id = e.getAttribute("id");
      if (id != null) {
        return id;
      }
    }
    return "?";
  }

  /**
   * A form is what the engine checks a completion against ({@code guard/forms}), so it may only use what that
   * check understands: the desk's field types, options listed in the form, plain bounds or FEEL on variables.
   */
  private void checkForm(ResourceEntity resource) {
    try {
      FormSchema.parse(resource.getName(), resource.getBytes());
    } catch (IllegalArgumentException refused) {
      throw new NotValidException("Refused by the deployment policy, resource " + refused.getMessage());
    }
  }
}
