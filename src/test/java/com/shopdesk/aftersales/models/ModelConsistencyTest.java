package com.shopdesk.aftersales.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.guard.deploy.CalledVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What an analyst can break in Modeler without a developer noticing: a diagram naming a delegate bean that
 * does not exist, a form or decision or called process that is not deployed, an element template pointing
 * at a missing bean, a delegate without a template, a user task without a form or a group, a call activity that
 * would move running cases onto a version deployed after they started.
 */
class ModelConsistencyTest extends AfterSalesTest {
  private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)\\}$");

  @Autowired ApplicationContext context;

  private static Map<String, BpmnModelInstance> diagrams() throws IOException {
    Map<String, BpmnModelInstance> all = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        all.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
      }
    }
    return all;
  }

  private Set<String> formIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        ids.add(json.readTree(file.toFile()).path("id").asText());
      }
    }
    return ids;
  }

  private static String bean(String delegateExpression) {
    Matcher m = BEAN.matcher(delegateExpression == null ? "" : delegateExpression);
    return m.matches() ? m.group(1) : null;
  }

  @Test
  void everyServiceTaskNamesAnExistingDelegateBean() throws IOException {
    diagrams().forEach((file, model) -> model.getModelElementsByType(ServiceTask.class).forEach(task -> {
      String bean = bean(task.getCamundaDelegateExpression());
      assertThat(bean).as(file + " " + task.getId() + " uses camunda:delegateExpression=\"${bean}\"").isNotNull();
      assertThat(context.containsBean(bean)).as(file + " " + task.getId() + " names bean " + bean).isTrue();
      assertThat(context.getBean(bean)).as(bean).isInstanceOf(JavaDelegate.class);
    }));
  }

  @Test
  void tasklistOffersOnlyTheCorrectionToStartAndThatThroughItsForm() throws IOException {
    diagrams().forEach((file, model) -> model.getModelElementsByType(Process.class).forEach(process -> {
      boolean correction = process.getId().equals("case-correction");
      assertThat(process.isCamundaStartableInTasklist()).as(file + " " + process.getId() + " startable in Tasklist")
          .isEqualTo(correction);
      if (correction) {
        StartEvent start = (StartEvent) model.getModelElementById("start");
        assertThat(start.getCamundaFormRef()).isEqualTo("case-correction");
        assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
      }
    }));
  }

  @Test
  void everyUserTaskHasADeployedFormAGroupAndThoseFormsAreDeployed() throws IOException {
    Set<String> forms = formIds();
    Set<String> deployed = new TreeSet<>();
    engine.getRepositoryService().createDeploymentQuery().list().forEach(d ->
        engine.getRepositoryService().getDeploymentResourceNames(d.getId()).stream()
            .filter(name -> name.endsWith(".form"))
            .forEach(name -> deployed.add(name.substring(name.lastIndexOf('/') + 1))));
    diagrams().forEach((file, model) -> model.getModelElementsByType(UserTask.class).forEach(task -> {
      assertThat(task.getCamundaFormRef()).as(file + " " + task.getId() + " has a form").isNotBlank();
      assertThat(forms).as(file + " " + task.getId() + " form").contains(task.getCamundaFormRef());
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(task.getCamundaCandidateGroups()).as(file + " " + task.getId() + " candidate group")
          .isIn("agents", "warehouse", "managers");
      assertThat(task.getCamundaDueDate()).as(file + " " + task.getId() + " due date").startsWith("${deadlines.");
    }));
    assertThat(deployed).as("every form file is deployed with the diagrams")
        .containsAll(forms.stream().map(id -> id + ".form").toList());
  }

  @Test
  void calledProcessesAndDecisionsAreDeployed() throws IOException {
    diagrams().forEach((file, model) -> {
      model.getModelElementsByType(CallActivity.class).forEach(call -> assertThat(
          engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(call.getCalledElement())
              .count()).as(file + " calls " + call.getCalledElement()).isPositive());
      model.getModelElementsByType(BusinessRuleTask.class).forEach(rule -> assertThat(
          engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(rule.getCamundaDecisionRef())
              .count()).as(file + " decides with " + rule.getCamundaDecisionRef()).isPositive());
      model.getModelElementsByType(Process.class).forEach(process -> assertThat(process.getCamundaHistoryTimeToLiveString())
          .as(file + " historyTimeToLive").isNotBlank());
    });
  }

  /** README, "Analysts: Modeler": new cases use the newest version; running cases stay on theirs. */
  @Test
  void everyCallActivityKeepsRunningCasesOnTheVersionsOfTheirStart() throws IOException {
    diagrams().forEach((file, model) -> model.getModelElementsByType(CallActivity.class).forEach(call -> {
      assertThat(call.getCamundaCalledElementBinding()).as(file + " " + call.getId() + " camunda:calledElementBinding")
          .isEqualTo(CalledVersions.BINDING);
      assertThat(call.getCamundaCalledElementVersion()).as(file + " " + call.getId() + " camunda:calledElementVersion")
          .isEqualTo(CalledVersions.EXPRESSION);
    }));
    try (Stream<Path> files = Files.list(Path.of(".camunda/element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Map<String, String> bound = new TreeMap<>();
        for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
          bound.put(property.path("binding").path("name").asText(), property.path("value").asText());
        }
        if (bound.containsKey("calledElement")) {
          assertThat(bound).as(file + " sets what the deployment policy requires of a call activity")
              .containsEntry("camunda:calledElementBinding", CalledVersions.BINDING)
              .containsEntry("camunda:calledElementVersion", CalledVersions.EXPRESSION);
        }
      }
    }
  }

  @Test
  void everyDelegateHasAnElementTemplatePointingAtIt() throws IOException {
    Set<String> templated = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of(".camunda/element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode root = json.readTree(file.toFile());
        // a file holds one template, or an array of its versions
        for (JsonNode template : root.isArray() ? root : json.createArrayNode().add(root))
        for (JsonNode property : template.path("properties")) {
          if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
            String bean = bean(property.path("value").asText());
            assertThat(context.containsBean(bean)).as(file + " points at bean " + bean).isTrue();
            templated.add(bean);
          }
          if ("calledElement".equals(property.path("binding").path("name").asText())) {
            String process = property.path("value").asText();
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(process)
                .count()).as(file + " calls process " + process).isPositive();
          }
        }
      }
    }
    assertThat(templated).as("delegates with an element template")
        .containsAll(Set.of(context.getBeanNamesForType(JavaDelegate.class)));
  }
}
