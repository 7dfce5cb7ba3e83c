package com.shopdesk.aftersales.guard;

import com.shopdesk.aftersales.guard.forms.FieldRefused;
import com.shopdesk.aftersales.guard.forms.FormSchema;
import com.shopdesk.aftersales.guard.forms.FormSubmission;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The form a task or a start event shows (its camunda:formRef, as deployed with its diagram) and the check of
 * what a completion or a start submits through it.
 */
class TaskForms {
  /** Deployed forms never change, so one parse per form definition serves every task. */
  private final Map<String, FormSchema> parsed = new ConcurrentHashMap<>();
  private final ObjectProvider<MoneyFieldLimit> moneyLimits;

  TaskForms(ObjectProvider<MoneyFieldLimit> moneyLimits) {
    this.moneyLimits = moneyLimits;
  }

  void check(TaskEntity task, Map<String, ?> submitted, CommandContext context) {
    if (task.getExecutionId() == null) {
      return; // a stand-alone task the admin created belongs to no case
    }
    task.initializeFormKey();
    FormSchema form = schema(task.getCamundaFormRef(), task.getProcessDefinition().getDeploymentId(),
        "任务「" + task.getName() + "」", context);
    if (form == null) {
      if (submitted != null && !submitted.isEmpty()) {
        String first = submitted.keySet().iterator().next();
        throw new FieldRefused(first, "任务「" + task.getName() + "」没有表单，完成时不能提交变量（" + first + "）");
      }
      return;
    }
    FormSubmission.check(form, submitted, task.getVariables(), feel(context), () -> moneyLimit(task));
  }

  private Optional<FormSubmission.Ceiling> moneyLimit(TaskEntity task) {
    MoneyFieldLimit limit = moneyLimits.getIfAvailable();
    return limit == null ? Optional.empty() : limit.limitFor(task);
  }

  /**
   * A start through the process's start form: only its fields, as for a task. A process without a start form is
   * left to its CREATE_INSTANCE grant, as its plain start is.
   */
  void checkStart(String processDefinitionId, Map<String, ?> submitted, CommandContext context) {
    StartFormData start = startForm(processDefinitionId, context);
    ProcessDefinition definition = start.getProcessDefinition();
    String what = "流程「" + (definition.getName() != null ? definition.getName() : definition.getKey()) + "」";
    FormSchema form = schema(start.getCamundaFormRef(), definition.getDeploymentId(), what, context);
    if (form != null) {
      FormSubmission.check(form, submitted, Map.of(), feel(context), Optional::empty);
    }
  }

  /** Whether the process starts with a Camunda Form. */
  boolean hasStartForm(String processDefinitionId, CommandContext context) {
    return startForm(processDefinitionId, context).getCamundaFormRef() != null;
  }

  private static StartFormData startForm(String processDefinitionId, CommandContext context) {
    return context.runWithoutAuthorization(() -> new GetStartFormCmd(processDefinitionId).execute(context));
  }

  private static FormSubmission.Feel feel(CommandContext context) {
    FeelEngine feel = context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine();
    return (expression, variables) -> feel.evaluateSimpleExpression(expression,
        Variables.fromMap(variables).asVariableContext());
  }

  private FormSchema schema(CamundaFormRef ref, String deploymentId, String what, CommandContext context) {
    if (ref == null) {
      return null;
    }
    CamundaFormDefinitionEntity definition = (CamundaFormDefinitionEntity) new GetCamundaFormDefinitionCmd(ref,
        deploymentId).execute(context);
    if (definition == null) {
      throw new FieldRefused(null, what + "的表单 " + ref.getKey() + " 没有部署，无法提交");
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      return FormSchema.parse(definition.getResourceName(), resource.getBytes());
    });
  }
}
