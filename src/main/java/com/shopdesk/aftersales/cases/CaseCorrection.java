package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.courier.ParcelRedirectVariables;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.Parcel;
import com.shopdesk.aftersales.orders.ShipmentKind;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent corrects a request type or reason the buyer chose wrong (修改退款原因/类型): the case keeps its number, is
 * routed again from the corrected request, its old process ends (tasks, timers and called processes with it) and a
 * new one starts; the ledger keeps the earlier version and the timeline says who changed what.
 * <p>
 * The new process starts from the beginning, so a correction is refused once money was paid or goods went to the
 * buyer. When the new request goes to another process, it is also refused once the old one acted outside the
 * desk (the warehouse cancelled the order, the courier was asked to intercept, the buyer sent the goods back):
 * withdraw the case, which undoes that, and open a new one. Within the same process the new run finds that state
 * (a return parcel already registered, an interception already asked for) and goes on from it.
 */
@Service
public class CaseCorrection {
  /** The Tasklist action that corrects a case (bpmn/case-correction.bpmn). */
  public static final String PROCESS = "case-correction";

  private final CaseLedger ledger;
  private final OpenCaseChecks checks;
  private final OrderRepository orders;
  private final CaseRouter router;
  private final CaseIntake intake;
  private final CaseTimeline timeline;
  private final RuntimeService runtime;

  CaseCorrection(CaseLedger ledger, OpenCaseChecks checks, OrderRepository orders, CaseRouter router,
      CaseIntake intake, CaseTimeline timeline, RuntimeService runtime) {
    this.ledger = ledger;
    this.checks = checks;
    this.orders = orders;
    this.router = router;
    this.intake = intake;
    this.timeline = timeline;
    this.runtime = runtime;
  }

  public record Corrected(String caseNo, RequestType request, Reason reason, String process,
      String processInstanceId) {}

  @Transactional
  public Corrected correct(String caseNo, RequestType request, Reason reason, String note, String user) {
    CaseRecord c = checks.openAndUnpaid(caseNo, OpenCaseChecks.Change.CORRECTED);
    RequestType newRequest = request != null ? request : c.request();
    Reason newReason = reason != null ? reason : c.reason();
    if (c.request().complaint() || newRequest.complaint()) {
      // a complaint is opened about a named case with the platform's deadline, which a correction cannot supply
      throw ApiException.unprocessable("request", "a " + (c.request().complaint() ? c.request() : newRequest)
          + " case cannot be corrected into or out of: withdraw it and open the right case")
          .forDesk("投诉和平台介入不能通过更正转换：请撤销该售后单，再新建正确的售后单");
    }
    if (newRequest == c.request() && newReason == c.reason()) {
      throw ApiException.badRequest(request != null ? "request" : "reason", "case " + caseNo + " is a "
          + c.request() + " request with reason " + c.reason() + " already: name the request or reason that changes")
          .forDesk("售后单 " + caseNo + " 已是「" + c.request().label() + "」、原因「" + c.reason().label()
              + "」：请选择要改成的申请类型或原因");
    }
    if (newReason == Reason.ADDRESS_CHANGE) {
      throw ApiException.badRequest("reason", "a case corrected to ADDRESS_CHANGE would have no new address: "
          + "withdraw case " + caseNo + " and open one with the address")
          .forDesk("改地址需要买家的新地址：请撤销售后单 " + caseNo + "，再带新地址重新开单");
    }
    List<Parcel> parcels = checks.parcelsOf(c);
    for (Parcel parcel : parcels) {
      if (parcel.kind() != ShipmentKind.RETURN) {
        throw ApiException.conflict("caseNo", "goods have gone to the buyer in case " + caseNo + " ("
            + parcel.kind().label() + " " + parcel.carrier() + " " + parcel.trackingNo() + "): it cannot be corrected")
            .forDesk("售后单 " + caseNo + " 已给买家发出" + parcel.kind().label() + "（"
                + Carriers.parcel(parcel.carrier(), parcel.trackingNo()) + "），不能更正");
      }
    }
    Order order = orders.find(c.orderNo()).orElseThrow();
    CaseRouter.Route route = router.route(newRequest, newReason, order.status());
    if (!route.process().equals(c.process())) {
      List<Acted> acted = actedOutside(c, parcels);
      if (!acted.isEmpty()) {
        throw ApiException.conflict("request", "the corrected request belongs to the '" + route.process()
            + "' process, but case " + caseNo + " has already "
            + String.join(" and ", acted.stream().map(Acted::api).toList())
            + ": withdraw it (which undoes that) and open a new case")
            .forDesk("更正后的申请属于「" + route.name() + "」流程，但售后单 " + caseNo + " 已经"
                + String.join("、", acted.stream().map(Acted::desk).toList())
                + "：请先撤销该售后单（会撤回这些操作），再新建售后单");
      }
    }

    // An interception corrected into an interception keeps what the intake was told about the buyer's hurry.
    Object urgent = "interception".equals(c.process()) && "interception".equals(route.process())
        ? runtime.getVariable(c.processInstanceId(), CaseVariables.URGENT) : null;
    ledger.revise(c, newRequest, newReason, route.process(), user, note);
    runtime.deleteProcessInstance(c.processInstanceId(), "售后单已更正为" + newRequest.label() + "（"
        + newReason.label() + "），由 " + user + " 更正", true, true);
    CaseRecord corrected = ledger.find(caseNo).orElseThrow();
    String instanceId = intake.start(corrected, order, ledger.items(caseNo), ledger.evidence(caseNo), route,
        (Boolean) urgent);
    timeline.record(caseNo, CaseTimeline.Kind.CORRECTED, "更正申请：" + change(c, newRequest, newReason)
        + (note == null || note.isBlank() ? "" : "（" + note + "）") + "，按「" + route.name() + "」流程重新处理", user);
    ledger.handledBy(caseNo, user);
    return new Corrected(caseNo, newRequest, newReason, route.process(), instanceId);
  }

  /** Something the old process had done outside the desk, as the API and the desk say it. */
  private record Acted(String api, String desk) {}

  private List<Acted> actedOutside(CaseRecord c, List<Parcel> parcels) {
    List<Acted> acted = new ArrayList<>();
    if (Boolean.TRUE.equals(runtime.getVariable(c.processInstanceId(), CaseVariables.OUTBOUND_CANCELLED))) {
      acted.add(new Acted("had the warehouse cancel the order's shipment", "让仓库取消了发货"));
    }
    if (Boolean.TRUE.equals(runtime.getVariable(c.processInstanceId(), CaseVariables.INTERCEPTION_REQUESTED))) {
      acted.add(new Acted("asked the courier to intercept the parcel", "请快递拦截了包裹"));
    }
    if (Boolean.TRUE.equals(runtime.getVariable(c.processInstanceId(), ParcelRedirectVariables.REDIRECT_ACCEPTED))) {
      acted.add(new Acted("had the courier redirect the parcel", "请快递改址或转邮政了包裹"));
    }
    if (!parcels.isEmpty()) {
      Parcel first = parcels.get(0);
      acted.add(new Acted("the buyer's return parcel " + first.carrier() + " " + first.trackingNo(),
          "收到买家的退货包裹 " + Carriers.parcel(first.carrier(), first.trackingNo())));
    }
    return acted;
  }

  /** "类型 仅退款 → 退货退款，原因 个人原因 → 质量问题". */
  private static String change(CaseRecord c, RequestType request, Reason reason) {
    List<String> parts = new ArrayList<>();
    if (request != c.request()) {
      parts.add("类型 " + c.request().label() + " → " + request.label());
    }
    if (reason != c.reason()) {
      parts.add("原因 " + c.reason().label() + " → " + reason.label());
    }
    return String.join("，", parts);
  }
}
