package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.security.DeskGroups;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The Tasklist action 修改售后申请: corrects a case's request type or reason ({@link CaseCorrection}) in the
 * transaction of the agent's start form, as that agent. A refusal rolls the whole start back and comes to
 * Tasklist with the sentence the agent reads and the field, so nothing is recorded of a correction that did not
 * happen. Its HTTP status is the API's (400/404/409), except that a request no process handles comes as 400, not
 * 422: the engine REST API's error mapping knows only the standard JAX-RS statuses and would answer 500. Runs only
 * as a person allowed to correct (never from a job).
 */
@Component
public class CorrectCaseDelegate implements JavaDelegate {
  private final CaseCorrection correction;

  public CorrectCaseDelegate(CaseCorrection correction) {
    this.correction = correction;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who == null || who.getUserId() == null || who.getGroupIds() == null
        || who.getGroupIds().stream().noneMatch(DeskGroups.CORRECTORS::contains)) {
      throw new ForbiddenException("只有客服、主管可以更正售后单，请在 Tasklist 用「修改售后申请」表单发起");
    }
    try {
      CorrectionForm form = CorrectionForm.of(execution);
      execution.setProcessBusinessKey(form.caseNo());
      correction.correct(form.caseNo(), form.request(), form.reason(), form.note(), who.getUserId());
    } catch (ApiException refused) {
      int status = refused.status() == HttpStatus.UNPROCESSABLE_ENTITY ? 400 : refused.status().value();
      throw new ClientErrorException(refused.deskMessage() + "（" + refused.field() + "）", status);
    }
  }
}
