package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CaseRequest;
import com.shopdesk.aftersales.cases.Reason;
import com.shopdesk.aftersales.cases.RequestType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every user task of every diagram, opened in Tasklist by a member of its group, with a case's usual
 * variables: the form must render its labels and the case context, with no template placeholder or
 * variable name left showing, and amounts in number fields with their two decimals. Saves
 * target/screenshots/form-gallery-<task>.png for a person to look at.
 */
class FormGalleryBrowserTest extends BrowserTest {

  private static final Map<String, String> MEMBER = Map.of("agents", "agent1", "warehouse", "wh1",
      "managers", "manager1");

  @Test
  void everyTaskFormRendersForItsGroup() throws Exception {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 2);
    CaseIntake.Opened source = intake.open(new CaseRequest(orderNo, RequestType.RESHIP, Reason.MISSING_ITEM,
        List.of(new CaseRequest.CaseItem("LJ-250", 1, "LJ-500")), new BigDecimal("128.00"),
        List.of("https://img.example/1.jpg", "https://img.example/2.jpg"), "测试"), "agent1");
    Map<String, Object> context = new HashMap<>(engine.getRuntimeService().getVariables(source.processInstanceId()));
    context.putAll(Map.of("latestTracking", "ZTO ZT-" + orderNo + "：拦截失败（2026-11-12 09:00）",
        "verificationNote", "打包记录显示 LJ-250 订购 2 件，只装了 1 件", "inspectionComment", "外包装完好，商品未使用",
        "returnWarehouse", "环球仓", "refundAmount", 128.0, "shippingFee", 10.0, "compensationAmount", 20.0,
        "remedy", "RESHIP", "reshipAttempts", 1));
    context.putAll(Map.of("signedBy", "门卫", "signedAtText", "2026-11-20 14:05", "actualSigner", "小区东门门卫"));
    // the complaint's own (bpmn/complaint.bpmn): the case it is about, the platform's deadline, what was submitted
    context.putAll(Map.of("linkedCase", source.caseNo(), "linkedCaseText", source.caseNo() + " 补发（漏发）¥128.00，处理中",
        "complaintKind", "投诉", "platformDeadline", new Date(System.currentTimeMillis() + 3 * 86_400_000L),
        "platformDeadlineText", "12月8日 10:00（星期二）", "platformDeadlineSource", "按工作日计算",
        "statement", "已按约定寄出赠品",
        "judgementNote", "平台判定支持买家"));
    context.putAll(Map.of("partSku", "CBJ-01-SEAL", "partName", "茶吧机防漏密封圈组件"));
    context.putAll(Map.of("newAddress", "李先生 13900000001 江苏省苏州市姑苏区人民路 88 号",
        "redirectNote", "包裹已签收，快递无法改派"));
    runDueJobsOfCase(source.caseNo());
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(source.caseNo()).list()
        .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "form gallery"));

    List<String> problems = new ArrayList<>();
    String loggedIn = null;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          engine.getRuntimeService().createProcessInstanceByKey(processKey).businessKey(source.caseNo())
              .setVariables(Variables.fromMap(context)).startBeforeActivity(task.getId()).execute();
          String user = MEMBER.get(task.getCamundaCandidateGroups());
          if (!user.equals(loggedIn)) {
            page.context().clearCookies();
            assertThat(login("tasklist", user, USER_PASSWORD)).as(user).isTrue();
            loggedIn = user;
          }
          String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(source.caseNo())
              .taskDefinitionKey(task.getId()).singleResult().getId();
          openTaskById(taskId);
          // an amount in a number field reads as money: 128.00, not 128
          Locator numbers = page.locator(".fjs-form-field-number input.fjs-input");
          try {
            page.waitForCondition(() -> numbers.all().stream().map(Locator::inputValue)
                .allMatch(v -> v.isEmpty() || v.matches("-?\\d+\\.\\d{2}")), new Page.WaitForConditionOptions().setTimeout(5_000));
          } catch (TimeoutError notMoney) {
            problems.add(processKey + "/" + task.getId() + ": number fields show "
                + numbers.all().stream().map(Locator::inputValue).toList());
          }
          String text = page.locator(".fjs-form").innerText();
          page.setViewportSize(1400, 2000);
          screenshot("form-gallery-" + processKey + "-" + task.getId());
          page.setViewportSize(1400, 1000);
          if (text.contains("{{") || text.contains("${") || !text.contains(source.caseNo()) || !text.contains("西湖龙井")
              || !text.contains("¥128.00") || !text.contains("处理时限") || !text.contains("ZT-" + orderNo)) {
            problems.add(processKey + "/" + task.getId() + ": " + text.replace('\n', ' '));
          }
          engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(source.caseNo()).list()
              .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "form gallery"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
