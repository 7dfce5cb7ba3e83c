package com.shopdesk.aftersales.config;

import com.shopdesk.aftersales.guard.deploy.DiagramHelper;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The desk's deadlines ({@code aftersales.deadlines.*}, ISO-8601 durations). Diagrams read them as
 * {@code ${deadlines.agreeRefund}} in timers and due dates, so a demo can run them in minutes.
 */
@DiagramHelper
@Component("deadlines")
@ConfigurationProperties("aftersales.deadlines")
public class Deadlines {
  private static final DateTimeFormatter SHOP_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));
  private Duration agreeRefund = Duration.ofHours(24);
  private Duration taskResponse = Duration.ofHours(24);
  private Duration interceptOutcome = Duration.ofHours(48);
  private Duration stationWait = Duration.ofDays(3);
  private Duration buyerShipBack = Duration.ofDays(7);
  private Duration returnTransit = Duration.ofDays(10);
  private Duration inspection = Duration.ofDays(2);
  private Duration pickup = Duration.ofHours(48);
  private Duration restockCheck = Duration.ofDays(1);
  private Duration trackingResubscribe = Duration.ofMinutes(30);
  private Duration complaintResponse = Duration.ofDays(3);
  private Duration complaintEscalationLead = Duration.ofHours(12);
  private Duration platformJudgement = Duration.ofDays(7);
  private Duration redirectDelivery = Duration.ofDays(5);

  public String getAgreeRefund() {
    return agreeRefund.toString();
  }

  public void setAgreeRefund(Duration agreeRefund) {
    this.agreeRefund = agreeRefund;
  }

  /** The due date of a desk task that has no deadline of its own. */
  public String getTaskResponse() {
    return taskResponse.toString();
  }

  public void setTaskResponse(Duration taskResponse) {
    this.taskResponse = taskResponse;
  }

  public String getInterceptOutcome() {
    return interceptOutcome.toString();
  }

  public void setInterceptOutcome(Duration interceptOutcome) {
    this.interceptOutcome = interceptOutcome;
  }

  /**
   * A buyer who is not in a hurry is not intercepted for: how long the desk waits for the parcel to reach the
   * buyer's station before an agent follows it up.
   */
  public String getStationWait() {
    return stationWait.toString();
  }

  public void setStationWait(Duration stationWait) {
    this.stationWait = stationWait;
  }

  public String getBuyerShipBack() {
    return buyerShipBack.toString();
  }

  /** When the buyer's time to send a return, starting now, runs out, as the buyer reads it: "12月1日 15:00". */
  public String getBuyerShipBackEnds() {
    return SHOP_TIME.format(ClockUtil.getCurrentTime().toInstant().plus(buyerShipBack));
  }

  public void setBuyerShipBack(Duration buyerShipBack) {
    this.buyerShipBack = buyerShipBack;
  }

  public String getReturnTransit() {
    return returnTransit.toString();
  }

  public void setReturnTransit(Duration returnTransit) {
    this.returnTransit = returnTransit;
  }

  /** How long to wait before following a parcel again that the tracking service stopped following (快递100: 30 min). */
  public String getTrackingResubscribe() {
    return trackingResubscribe.toString();
  }

  public void setTrackingResubscribe(Duration trackingResubscribe) {
    this.trackingResubscribe = trackingResubscribe;
  }

  public String getRestockCheck() {
    return restockCheck.toString();
  }

  public void setRestockCheck(Duration restockCheck) {
    this.restockCheck = restockCheck;
  }

  public String getPickup() {
    return pickup.toString();
  }

  public void setPickup(Duration pickup) {
    this.pickup = pickup;
  }

  public String getInspection() {
    return inspection.toString();
  }

  public void setInspection(Duration inspection) {
    this.inspection = inspection;
  }

  /**
   * The platform's time for the shop to answer a complaint or an intervention when the platform names none. Whole
   * days count as working days (the platform's 举证期 does: P3D is 3 working days, holidays and make-up days
   * counted); a duration with hours or minutes (PT10M in a demo) is clock time.
   */
  public Duration complaintResponse() {
    return complaintResponse;
  }

  public String getComplaintResponse() {
    return complaintResponse.toString();
  }

  public void setComplaintResponse(Duration complaintResponse) {
    this.complaintResponse = complaintResponse;
  }

  /** How long before the platform's deadline untouched evidence goes to the managers as well. */
  public Duration complaintEscalationLead() {
    return complaintEscalationLead;
  }

  public String getComplaintEscalationLead() {
    return complaintEscalationLead.toString();
  }

  public void setComplaintEscalationLead(Duration complaintEscalationLead) {
    this.complaintEscalationLead = complaintEscalationLead;
  }

  /**
   * The due date of a task whose deadline the platform set (the platform's deadline for the shop's evidence, as the
   * case took it in: stated by the platform, or the configured working days): {@code ${deadlines.platformDue(
   * platformDeadline)}}.
   */
  public Date platformDue(Date platformDeadline) {
    return platformDeadline;
  }

  /**
   * When untouched evidence goes to the managers as well: {@code complaint-escalation-lead} before the platform's
   * deadline, or now when that has passed already.
   */
  public Date escalationBefore(Date platformDeadline) {
    Date now = ClockUtil.getCurrentTime();
    Date at = Date.from(platformDeadline.toInstant().minus(complaintEscalationLead));
    return at.before(now) ? now : at;
  }

  /** How long the platform usually takes to judge (or to answer an appeal) before someone should look there. */
  public String getPlatformJudgement() {
    return platformJudgement.toString();
  }

  public void setPlatformJudgement(Duration platformJudgement) {
    this.platformJudgement = platformJudgement;
  }

  /** How long a redirected (改址、转邮政) parcel may take to be delivered or come back before the tracking is asked. */
  public String getRedirectDelivery() {
    return redirectDelivery.toString();
  }

  public void setRedirectDelivery(Duration redirectDelivery) {
    this.redirectDelivery = redirectDelivery;
  }
}
