package com.shopdesk.aftersales.guard;

import com.shopdesk.aftersales.guard.forms.FieldRefused;
import com.shopdesk.aftersales.guard.forms.FormSchema;
import com.shopdesk.aftersales.guard.forms.FormSubmission;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;

/** The form a task shows (its camunda:formRef, as deployed with its diagram) and the check of a completion. */
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
    FormSchema form = formOf(task, context);
    if (form == null) {
      if (submitted != null && !submitted.isEmpty()) {
        String first = submitted.keySet().iterator().next();
        throw new FieldRefused(first, "任务「" + task.getName() + "」没有表单，完成时不能提交变量（" + first + "）");
      }
      return;
    }
    FeelEngine feel = context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine();
    FormSubmission.check(form, submitted, task.getVariables(),
        (expression, variables) -> feel.evaluateSimpleExpression(expression,
            Variables.fromMap(variables).asVariableContext()),
        () -> moneyLimit(task));
  }

  private Optional<FormSubmission.Ceiling> moneyLimit(TaskEntity task) {
    MoneyFieldLimit limit = moneyLimits.getIfAvailable();
    return limit == null ? Optional.empty() : limit.limitFor(task);
  }

  private FormSchema formOf(TaskEntity task, CommandContext context) {
    task.initializeFormKey();
    CamundaFormRef ref = task.getCamundaFormRef();
    if (ref == null) {
      return null;
    }
    CamundaFormDefinitionEntity definition = (CamundaFormDefinitionEntity) new GetCamundaFormDefinitionCmd(ref,
        task.getProcessDefinition().getDeploymentId()).execute(context);
    if (definition == null) {
      throw new FieldRefused(null, "任务「" + task.getName() + "」的表单 " + ref.getKey() + " 没有部署，无法完成");
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      return FormSchema.parse(definition.getResourceName(), resource.getBytes());
    });
  }
}
