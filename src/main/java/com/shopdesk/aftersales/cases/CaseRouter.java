package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.orders.OrderStatus;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Picks the process for a request with the analysts' routing table, bpmn/after-sales-routing.dmn. */
@Component
public class CaseRouter {
  static final String ROUTING_DECISION = "after-sales-routing";
  private final DecisionService decisions;
  private final RepositoryService repository;

  public CaseRouter(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** The process that handles a request: its key, the version a case opened now starts, and its name. */
  public record Route(String process, String definitionId, String name) {}

  /** The deployed process that handles the request, or 422 naming what is not handled. */
  public Route route(RequestType request, Reason reason, OrderStatus orderStatus) {
    DmnDecisionResult result = decisions.evaluateDecisionByKey(ROUTING_DECISION)
        .variables(Variables.createVariables()
            .putValue("request", request.name())
            .putValue("reason", reason.name())
            .putValue("orderStatus", orderStatus.name()))
        .evaluate();
    // a row without a process (the cell left empty) refuses the request as much as no row at all
    String process = result.isEmpty() ? null : (String) result.getSingleResult().getEntryMap().get("process");
    if (process == null) {
      throw ApiException.unprocessable("request",
          "no process handles a " + request + " request with reason " + reason + " on a " + orderStatus + " order")
          .forDesk("「" + request.label() + "」不适用于原因「" + reason.label() + "」（订单" + orderStatus.label()
              + "）：没有处理这种申请的流程，请换一个申请类型");
    }
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(process)
        .latestVersion().singleResult();
    if (latest == null || latest.isSuspended()) {
      throw ApiException.unprocessable("request", "a " + request + " request with reason " + reason + " on a "
          + orderStatus + " order belongs to the '" + process + "' process, which is not available yet")
          .forDesk("这种申请属于流程 " + process + "，但该流程尚未部署或已挂起，请联系流程分析");
    }
    return new Route(process, latest.getId(), latest.getName() != null ? latest.getName() : process);
  }
}
