package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CloseCaseDelegate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What an analyst deploys through /engine-rest (as Camunda Modeler does) is checked before it runs, and what
 * cases use cannot be deleted. Every attack goes through the real endpoint as analyst1 and must change
 * nothing: no deployment, no process definition, no job, and the probe an attack would call is never called.
 */
class DeploymentPolicyTest extends AfterSalesTest {
  private static final String ANALYST = "analyst1";
  private static final String PROBE_BEAN = "deploymentProbe";
  private static final String PROBE_CLASS = ProbeDelegate.class.getName();
  private static final AtomicInteger PROBE_CALLS = new AtomicInteger();
  private static final AtomicInteger KEYS = new AtomicInteger();

  @Autowired ConfigurableApplicationContext context;

  /** A Spring bean an attacking expression or script would call, as it would call jdbcTemplate. */
  public static class Probe {
    public void touch() {
      PROBE_CALLS.incrementAndGet();
    }
  }

  /** A class an attacking diagram would name in camunda:class. */
  public static class ProbeDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      PROBE_CALLS.incrementAndGet();
    }
  }

  /** A class an attacking diagram would name as form handler: the engine creates it while it reads the diagram. */
  public static class ProbeFormHandler extends org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler {
    public ProbeFormHandler() {
      PROBE_CALLS.incrementAndGet();
    }
  }

  /**
   * The probe joins the shared application context at run time: a @TestConfiguration would start a second
   * context, whose engine would replace this one in Camunda's static registry that /engine-rest looks up.
   */
  @BeforeEach
  void registerProbe() {
    if (!context.containsBean(PROBE_BEAN)) {
      context.getBeanFactory().registerSingleton(PROBE_BEAN, new Probe());
    }
  }

  // --- diagrams --------------------------------------------------------------------------------------

  record Attack(String what, String elementId, String says, String body) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Attack> diagramAttacks() {
    String flows = """
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="evil" />
        <bpmn:sequenceFlow id="f2" sourceRef="evil" targetRef="end" />
        """;
    return Stream.of(
        new Attack("a script task", "evil", "script tasks are not allowed", """
            <bpmn:scriptTask id="evil" scriptFormat="javascript">
              <bpmn:script>deploymentProbe.touch()</bpmn:script>
            </bpmn:scriptTask>""" + flows),
        new Attack("a camunda:script in an input mapping", "evil", "camunda:script", """
            <bpmn:serviceTask id="evil" camunda:delegateExpression="${closeCaseDelegate}">
              <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="resolution">
                <camunda:script scriptFormat="groovy">deploymentProbe.touch()</camunda:script>
              </camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
            </bpmn:serviceTask>""" + flows),
        new Attack("a script condition", "f2", "language 'javascript'", """
            <bpmn:serviceTask id="evil" camunda:delegateExpression="${closeCaseDelegate}" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="evil" />
            <bpmn:sequenceFlow id="f2" sourceRef="evil" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
            </bpmn:sequenceFlow>"""),
        new Attack("an external script resource", "evil", "camunda:resource", """
            <bpmn:serviceTask id="evil" camunda:delegateExpression="${closeCaseDelegate}"
                camunda:resource="deployment://evil.js" />""" + flows),
        new Attack("an HTTP connector", "evil", "camunda:connector", """
            <bpmn:serviceTask id="evil">
              <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId>
              </camunda:connector></bpmn:extensionElements>
            </bpmn:serviceTask>""" + flows),
        new Attack("camunda:class on a service task", "evil", "camunda:class", """
            <bpmn:serviceTask id="evil" camunda:class="%s" />""".formatted(PROBE_CLASS) + flows),
        new Attack("a Java class as execution listener", "evil", "class=", """
            <bpmn:serviceTask id="evil" camunda:delegateExpression="${closeCaseDelegate}">
              <bpmn:extensionElements>
                <camunda:executionListener class="%s" event="start" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>""".formatted(PROBE_CLASS) + flows),
        new Attack("a Java class as variable mapping", "evil", "camunda:variableMappingClass", """
            <bpmn:callActivity id="evil" calledElement="refund" camunda:variableMappingClass="%s" />"""
            .formatted(PROBE_CLASS) + flows),
        new Attack("a call activity starting a CMMN case", "evil", "camunda:caseRef", """
            <bpmn:callActivity id="evil" camunda:caseRef="evil" camunda:calledElementBinding="version"
                camunda:calledElementVersion="${versions.atCaseStart(execution)}" />""" + flows),
        new Attack("camunda:formKey", "evil", "camunda:formKey", """
            <bpmn:userTask id="evil" camunda:formKey="embedded:deployment:evil.html" camunda:candidateGroups="agents" />"""
            + flows),
        new Attack("generated form fields", "evil", "camunda:formData", """
            <bpmn:userTask id="evil" camunda:formRef="agree-refund" camunda:formRefBinding="deployment">
              <bpmn:extensionElements><camunda:formData>
                <camunda:formField id="amount" type="long" defaultValue="${deploymentProbe.touch()}" />
              </camunda:formData></bpmn:extensionElements>
            </bpmn:userTask>""" + flows),
        new Attack("a Java form handler, which the engine creates while reading", "evil", "camunda:formHandlerClass", """
            <bpmn:userTask id="evil" camunda:formRef="agree-refund" camunda:formRefBinding="deployment"
                camunda:candidateGroups="agents" camunda:formHandlerClass="%s" />""".formatted(
            ProbeFormHandler.class.getName()) + flows),
        new Attack("a user task without a Camunda Form", "evil", "camunda:formRef", """
            <bpmn:userTask id="evil" camunda:candidateGroups="agents" />""" + flows),
        new Attack("a Spring bean that is not the desk's", "evil", "Spring bean 'jdbcTemplate'", """
            <bpmn:serviceTask id="evil" camunda:expression="${jdbcTemplate.update('DELETE FROM cases')}" />"""
            + flows),
        new Attack("the probe bean", "evil", "Spring bean 'deploymentProbe'", """
            <bpmn:serviceTask id="evil" camunda:expression="${deploymentProbe.touch()}" />""" + flows),
        new Attack("a bean in a composite text", "evil", "Spring bean 'jdbcTemplate'", """
            <bpmn:serviceTask id="evil" camunda:delegateExpression="${messageBuyerDelegate}">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="text">已为您退款 ${jdbcTemplate.queryForList('SELECT * FROM orders')} 元</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:serviceTask>""" + flows),
        new Attack("a bean in a condition", "f2", "Spring bean 'jdbcTemplate'", """
            <bpmn:serviceTask id="evil" camunda:delegateExpression="${closeCaseDelegate}" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="evil" />
            <bpmn:sequenceFlow id="f2" sourceRef="evil" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${jdbcTemplate.update('DELETE FROM cases') &gt; 0}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>"""),
        new Attack("the engine's services from execution", "evil", "calls getProcessEngineServices() on execution", """
            <bpmn:serviceTask id="evil" camunda:expression="${execution.getProcessEngineServices().getRuntimeService()}" />"""
            + flows),
        new Attack("an engine property of execution", "evil", ".processEngine", """
            <bpmn:serviceTask id="evil" camunda:expression="${execution.processEngine}" />""" + flows),
        new Attack("execution behind a conditional", "evil", ".processEngineServices", """
            <bpmn:serviceTask id="evil" camunda:expression="${(true ? execution : null).processEngineServices}" />"""
            + flows),
        new Attack("reflection on a value", "evil", "calls getClass() on a value", """
            <bpmn:serviceTask id="evil" camunda:expression="${''.getClass().forName('java.lang.Runtime')}" />"""
            + flows),
        new Attack("reflection on a helper in a timer", "wait", "calls getClass() on a diagram helper", """
            <bpmn:intermediateCatchEvent id="evil">
              <bpmn:timerEventDefinition id="wait">
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${workingDays.getClass().getClassLoader()}</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>""" + flows),
        new Attack("the class of a helper", "evil", "reads .class on a diagram helper", """
            <bpmn:serviceTask id="evil" camunda:expression="${policy['class'].name}" />""" + flows),
        new Attack("a member by a computed name", "evil", "computed name", """
            <bpmn:serviceTask id="evil" camunda:expression="${execution[name]}" />""" + flows),
        new Attack("calling a delegate", "evil", "delegate", """
            <bpmn:serviceTask id="evil" camunda:expression="${closeCaseDelegate.execute(execution)}" />""" + flows),
        new Attack("the engine's externalTask", "evil", "externalTask", """
            <bpmn:serviceTask id="evil" camunda:expression="${externalTask.id}" />""" + flows),
        // the engine itself refuses functions it does not know wherever it builds the expression
        new Attack("a function, even in text the engine never evaluates", "evil", "calls the function fn:exec()", """
            <bpmn:serviceTask id="evil" camunda:delegateExpression="${closeCaseDelegate}">
              <bpmn:documentation>${fn:exec('id')}</bpmn:documentation>
            </bpmn:serviceTask>""" + flows));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagramAttacks")
  void aDiagramThatCouldRunOtherCodeIsRefused(Attack attack) throws Exception {
    String key = newKey();
    Response r = analystDeploys(key, Map.of("evil.bpmn", diagram(key, START + attack.body() + END)));

    assertRefusedAsParseError(r, "evil.bpmn", attack.elementId(), attack.says());
    assertNothingDeployed(key);
  }

  static Stream<Attack> selfStartingDiagrams() {
    return Stream.of(
        new Attack("a timer start event", "everySecond", "timerEventDefinition", """
            <bpmn:timerEventDefinition id="timer">
              <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1S</bpmn:timeCycle>
            </bpmn:timerEventDefinition>"""),
        new Attack("a timer start event at a past date", "everySecond", "timerEventDefinition", """
            <bpmn:timerEventDefinition id="timer">
              <bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00</bpmn:timeDate>
            </bpmn:timerEventDefinition>"""),
        new Attack("a message start event", "everySecond", "messageEventDefinition", """
            <bpmn:messageEventDefinition id="message" messageRef="evilMessage" />"""),
        new Attack("a signal start event", "everySecond", "signalEventDefinition", """
            <bpmn:signalEventDefinition id="signal" signalRef="evilSignal" />"""),
        new Attack("a conditional start event", "everySecond", "conditionalEventDefinition", """
            <bpmn:conditionalEventDefinition id="condition">
              <bpmn:condition xsi:type="bpmn:tFormalExpression">${true}</bpmn:condition>
            </bpmn:conditionalEventDefinition>"""),
        new Attack("an escalation start event", "everySecond", "escalationEventDefinition", """
            <bpmn:escalationEventDefinition id="escalation" />"""),
        new Attack("a compensation start event", "everySecond", "compensateEventDefinition", """
            <bpmn:compensateEventDefinition id="compensation" />"""),
        new Attack("an error start event", "everySecond", "errorEventDefinition", """
            <bpmn:errorEventDefinition id="error" />"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selfStartingDiagrams")
  void onlyPlainStartEventsAreAllowed(Attack attack) throws Exception {
    String key = newKey();
    String body = """
        <bpmn:startEvent id="everySecond">
          <bpmn:outgoing>f1</bpmn:outgoing>
          %s
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="everySecond" targetRef="run" />
        <bpmn:serviceTask id="run" camunda:class="%s" />
        <bpmn:sequenceFlow id="f2" sourceRef="run" targetRef="end" />
        """.formatted(attack.body(), PROBE_CLASS) + END;
    String definitions = """
        <bpmn:message id="evilMessage" name="evil" />
        <bpmn:signal id="evilSignal" name="evil" />""";
    Response r = analystDeploys(key, Map.of("evil.bpmn", diagram(key, body, definitions)));

    assertRefusedAsParseError(r, "evil.bpmn", attack.elementId(), attack.says());
    assertNothingDeployed(key);
  }

  static Stream<Attack> callActivitiesThatMoveRunningCases() {
    return Stream.of(
        new Attack("no binding (the engine's default, latest)", "refundIt", "found binding latest (none given)", ""),
        new Attack("binding latest", "refundIt", "found binding \"latest\"", "camunda:calledElementBinding=\"latest\""),
        new Attack("binding deployment", "refundIt", "found binding \"deployment\"",
            "camunda:calledElementBinding=\"deployment\""),
        new Attack("binding versionTag", "refundIt", "found binding \"versionTag\"",
            "camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"v1\""),
        new Attack("a fixed version", "refundIt", "version \"1\"",
            "camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"1\""),
        new Attack("another expression of the helper", "refundIt", "version \"${versions.atCaseStart(execution) - 1}\"",
            "camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"${versions.atCaseStart(execution) - 1}\""),
        new Attack("the helper's version without its binding", "refundIt", "found binding latest (none given)",
            "camunda:calledElementVersion=\"${versions.atCaseStart(execution)}\""));
  }

  /** README, "Analysts: Modeler": running cases stay on the versions that were the newest when they started. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("callActivitiesThatMoveRunningCases")
  void aCallActivityThatWouldMoveRunningCasesToAnotherVersionIsRefused(Attack attack) throws Exception {
    String key = newKey();
    Response r = analystDeploys(key, Map.of("calls.bpmn", diagram(key, START + """
        <bpmn:callActivity id="refundIt" name="退款" calledElement="refund" %s />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="refundIt" />
        <bpmn:sequenceFlow id="f2" sourceRef="refundIt" targetRef="end" />
        """.formatted(attack.body()) + END)));

    assertRefusedAsParseError(r, "calls.bpmn", "refundIt", "camunda:calledElementBinding=\"version\" "
        + "camunda:calledElementVersion=\"${versions.atCaseStart(execution)}\"");
    assertThat(r.json().path("message").asText()).contains(attack.says());
    assertNothingDeployed(key);
  }

  @Test
  void aCallActivityOnTheVersionsOfItsCasesStartDeploys() throws Exception {
    String key = newKey();
    Response r = analystDeploys(key, Map.of("calls.bpmn", diagram(key, START + """
        <bpmn:callActivity id="refundIt" name="退款" calledElement="refund"
            camunda:calledElementBinding="version" camunda:calledElementVersion="${versions.atCaseStart(execution)}" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="refundIt" />
        <bpmn:sequenceFlow id="f2" sourceRef="refundIt" targetRef="end" />
        """ + END)));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isEqualTo(1);
  }

  @Test
  void everyExpressionOfTheDesksDiagramsStillDeploys() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.putAll(filesOf("bpmn", ".bpmn"));
    files.putAll(filesOf("bpmn", ".dmn"));
    files.putAll(filesOf("forms", ".form"));

    Response r = analystDeploys("desk-" + newKey(), files);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("deployedProcessDefinitions").size()).isEqualTo(filesOf("bpmn", ".bpmn").size());
    assertThat(r.json().path("deployedDecisionDefinitions").size()).isEqualTo(filesOf("bpmn", ".dmn").size());
  }

  /**
   * Analysts keep every right to change policy. The changed copies get ids of their own, so the desk's own
   * processes, tables and forms stay the newest versions for the tests that share this engine.
   */
  @Test
  void analystsStillChangeRulesLabelsAndDeadlines() throws Exception {
    String dmn = read("bpmn/reship-remedy.dmn").replace("\"reship-remedy\"", "\"reship-remedy-changed\"")
        .replaceFirst("\"REFUND\"", "\"RESHIP\"");
    String form = read("forms/agree-refund.form")
        .replace("\"id\": \"agree-refund\"", "\"id\": \"agree-refund-changed\"")
        .replace("\"label\": \"处理结果\"", "\"label\": \"处理意见\"");
    String diagram = read("bpmn/interception.bpmn").replace("id=\"interception\"", "id=\"interception-changed\"")
        .replace("bpmnElement=\"interception\"", "bpmnElement=\"interception-changed\"")
        .replace("${deadlines.interceptOutcome}", "${deadlines.pickup}");
    String feelByName = decisionTable("feel-" + newKey(),
        "expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"", "");

    for (Map.Entry<String, String> file : Map.of("reship-remedy-changed.dmn", dmn,
        "agree-refund-changed.form", form, "interception-changed.bpmn", diagram,
        "feel-by-name.dmn", feelByName).entrySet()) {
      Response r = analystDeploys("changed-" + newKey(), Map.of(file.getKey(), bytes(file.getValue())));
      assertThat(r.status()).as(file.getKey() + ": " + r.body()).isEqualTo(200);
    }
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("reship-remedy-changed").count()).isPositive();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("interception-changed").count()).isPositive();
  }

  // --- decision tables and other resources -----------------------------------------------------------

  static Stream<Attack> decisionAttacks() {
    return Stream.of(
        new Attack("a JUEL input expression", "inputExpression", "'juel'",
            decisionTable("evil", "", "")
                .replace("typeRef=\"string\">", "typeRef=\"string\" expressionLanguage=\"juel\">")
                .replace("<text>reason</text>", "<text>${jdbcTemplate.update('DELETE FROM cases')}</text>")),
        new Attack("a script output entry", "outputEntry", "'javascript'",
            decisionTable("evil", "", "expressionLanguage=\"javascript\"")),
        new Attack("JUEL for the whole file", "definitions", "'juel'",
            decisionTable("evil", "expressionLanguage=\"juel\"", "")),
        new Attack("a groovy literal expression", "literal", "'groovy'", """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions" name="evil"
                namespace="http://shopdesk.com/attack">
              <decision id="evil" name="evil">
                <variable id="variable" name="evil" />
                <literalExpression id="literal" expressionLanguage="groovy"><text>deploymentProbe.touch()</text></literalExpression>
              </decision>
            </definitions>"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionAttacks")
  void aDecisionTableInAnotherLanguageThanFeelIsRefused(Attack attack) throws Exception {
    String deployment = newKey();
    Response r = analystDeploys(deployment, Map.of("evil.dmn", bytes(attack.body())));

    assertRefusedResource(r, deployment, "evil.dmn", attack);
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("evil").count())
        .isZero();
  }

  private void assertRefusedResource(Response r, String deployment, String resource, Attack attack) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("type").asText()).isEqualTo("NotValidException");
    assertThat(r.json().path("message").asText()).contains(resource, "'" + attack.elementId() + "'", attack.says());
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(deployment).count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.js", "evil.groovy", "page.html", "evil.py", "case.cmmn", "evil.bpmn.txt"})
  void otherKindsOfResourcesAreRefusedWithEverythingDeployedBesideThem(String resource) throws Exception {
    String key = newKey();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("harmless.bpmn", harmlessDiagram(key));
    files.put(resource, bytes("java.lang.Runtime.getRuntime().exec('id')"));

    Response r = analystDeploys(key, files);

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("'" + resource + "'");
    assertNothingDeployed(key);
  }

  static Stream<Attack> formAttacks() {
    String head = "{\"id\":\"evil-form\",\"type\":\"default\",\"components\":[";
    return Stream.of(
        new Attack("a file picker", "upload", "'filepicker' is not supported", head
            + "{\"type\":\"filepicker\",\"id\":\"upload\",\"key\":\"upload\"}]}"),
        new Attack("options taken from a variable", "choice", "'valuesKey' is not supported", head
            + "{\"type\":\"select\",\"id\":\"choice\",\"key\":\"remedy\",\"valuesKey\":\"options\"}]}"),
        new Attack("a money field with three decimals", "amount", "at most 2 decimal digits", head
            + "{\"type\":\"number\",\"id\":\"amount\",\"key\":\"refundAmount\",\"decimalDigits\":3}]}"),
        new Attack("a nested key", "nested", "plain variable name", head
            + "{\"type\":\"textfield\",\"id\":\"nested\",\"key\":\"order.paidAmount\"}]}"),
        new Attack("a computed field", "calc", "'expression' is not supported", head
            + "{\"type\":\"expression\",\"id\":\"calc\",\"key\":\"refundAmount\",\"expression\":\"=amount*10\"}]}"));
  }

  /** A completion is checked against its form, so a form may only say what that check understands. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formAttacks")
  void aFormTheEngineCannotCheckCompletionsAgainstIsRefused(Attack attack) throws Exception {
    String deployment = newKey();
    assertRefusedResource(analystDeploys(deployment, Map.of("evil.form", bytes(attack.body()))), deployment,
        "evil.form", attack);
  }

  // --- at run time -----------------------------------------------------------------------------------

  @Test
  void expressionsResolveOnlyTheDesksDelegatesAndHelpers() {
    assertThatThrownBy(() -> evaluate("${jdbcTemplate}")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Unknown property used in expression: ${jdbcTemplate}");
    assertThatThrownBy(() -> evaluate("${" + PROBE_BEAN + "}")).hasMessageContaining("Unknown property");
    assertThatThrownBy(() -> evaluate("${runtimeService}")).hasMessageContaining("Unknown property");

    assertThat(evaluate("${closeCaseDelegate}")).isInstanceOf(CloseCaseDelegate.class);
    assertThat(evaluate("${deadlines.taskResponse}")).isInstanceOf(String.class);
    assertThat(evaluate("${carriers.name('ZTO')}")).isEqualTo("中通快递");
    assertThat(evaluate("${workingDays.after(3)}")).isInstanceOf(Date.class);
  }

  private Object evaluate(String expression) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> configuration.getExpressionManager()
        .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
  }

  // --- deleting --------------------------------------------------------------------------------------

  @Test
  void whatARunningCaseUsesCannotBeDeletedByAnyone() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "500.00", 1);
    CaseIntake.Opened opened = openRefundOnly(orderNo, "500.00");
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(opened.processInstanceId()).singleResult().getProcessDefinitionId();
    String deploymentId = engine.getRepositoryService().getProcessDefinition(definitionId).getDeploymentId();

    List<Response> attempts = List.of(
        send("DELETE", "/engine-rest/deployment/" + deploymentId, null, ANALYST, USER_PASSWORD),
        send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null, ANALYST, USER_PASSWORD),
        send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null, ADMIN, ADMIN_PASSWORD),
        send("DELETE", "/engine-rest/process-definition/" + definitionId + "?cascade=true", null, ADMIN,
            ADMIN_PASSWORD),
        send("DELETE", "/engine-rest/process-definition/key/interception?cascade=true", null, ADMIN, ADMIN_PASSWORD));

    for (Response r : attempts) {
      assertThat(r.status()).as(r.body()).isEqualTo(403);
      assertThat(r.json().path("message").asText())
          .contains("cannot be deleted", "running case", "deploy a new version");
    }
    assertThat(attempts.get(1).json().path("message").asText()).startsWith("deployment " + deploymentId)
        .contains(opened.caseNo());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(opened.processInstanceId())
        .count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(opened.processInstanceId()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT status FROM cases WHERE case_no = ?", String.class, opened.caseNo()))
        .isEqualTo("OPEN");
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
  }

  @Test
  void aDecisionTableThatDecidedCasesIsDeletedOnlyByTheAdmin() throws Exception {
    String decision = "decided" + KEYS.incrementAndGet();
    Response deployed = analystDeploys(newKey(), Map.of("table.dmn", bytes(decisionTable(decision, "", ""))));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deploymentId = deployed.json().path("id").asText();
    engine.getDecisionService().evaluateDecisionTableByKey(decision, Map.of("reason", "LOST"));

    Response analyst = send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null, ANALYST,
        USER_PASSWORD);
    assertThat(analyst.status()).as(analyst.body()).isEqualTo(403);
    assertThat(analyst.json().path("message").asText()).contains(decision, "decided 1 case", "audit trail");
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(decision).count())
        .isEqualTo(1);

    Response admin = send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null, ADMIN,
        ADMIN_PASSWORD);
    assertThat(admin.status()).as(admin.body()).isEqualTo(204);
  }

  @Test
  void whatOnlyFinishedCasesUsedIsDeletedOnlyByTheAdmin() throws Exception {
    String key = newKey();
    String deploymentId = deployedHarmless(key);
    Response started = send("POST", "/engine-rest/process-definition/key/" + key + "/start",
        "{\"businessKey\":\"AS-done\"}", ADMIN, ADMIN_PASSWORD);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().path("ended").asBoolean()).isTrue();

    Response analyst = send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null, ANALYST,
        USER_PASSWORD);
    assertThat(analyst.status()).as(analyst.body()).isEqualTo(403);
    assertThat(analyst.json().path("message").asText()).contains("1 finished case", "audit trail", "camunda-admin");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).count())
        .isEqualTo(1);

    Response admin = send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null, ADMIN,
        ADMIN_PASSWORD);
    assertThat(admin.status()).as(admin.body()).isEqualTo(204);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
  }

  @Test
  void whatNothingEverRanOnMayBeDeletedByAnAnalyst() throws Exception {
    String key = newKey();
    String deploymentId = deployedHarmless(key);

    Response r = send("DELETE", "/engine-rest/deployment/" + deploymentId, null, ANALYST, USER_PASSWORD);

    assertThat(r.status()).as(r.body()).isEqualTo(204);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  // --- helpers ---------------------------------------------------------------------------------------

  private static final String START = """
      <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
      """;
  private static final String END = """
      <bpmn:endEvent id="end" />
      """;

  private static String newKey() {
    return "policy-attack-" + KEYS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
  }

  /** A process that starts and ends at once: allowed by every rule. */
  private static byte[] harmlessDiagram(String key) {
    return diagram(key, START + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"end\" />" + END);
  }

  private static byte[] diagram(String key, String body) {
    return diagram(key, body, "");
  }

  private static byte[] diagram(String key, String body, String definitions) {
    return bytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="definitions" targetNamespace="http://shopdesk.com/attack">
          %s
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(definitions, key, body));
  }

  /** A one-rule decision table on the variable reason, with room for expressionLanguage attributes. */
  private static String decisionTable(String id, String definitionsLanguage, String outputLanguage) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions" name="%1$s"
            namespace="http://shopdesk.com/attack" %2$s>
          <decision id="%1$s" name="%1$s">
            <decisionTable id="table">
              <input id="input"><inputExpression id="inputExpression" typeRef="string"><text>reason</text></inputExpression></input>
              <output id="output" name="result" typeRef="string" />
              <rule id="rule">
                <inputEntry id="inputEntry"><text>"LOST"</text></inputEntry>
                <outputEntry id="outputEntry" %3$s><text>"REFUND"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(id, definitionsLanguage, outputLanguage);
  }

  private String deployedHarmless(String key) throws Exception {
    Response r = analystDeploys(key, Map.of("harmless.bpmn", harmlessDiagram(key)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("id").asText();
  }

  private void assertRefusedAsParseError(Response r, String resource, String elementId, String says) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("type").asText()).isEqualTo("ParseException");
    assertThat(r.json().path("message").asText()).contains("deployment policy", "'" + elementId + "'", says);
    JsonNode errors = r.json().path("details").path(resource).path("errors");
    assertThat(errors.findValuesAsText("mainElementId")).as(r.body()).contains(elementId);
  }

  /** Nothing of the deployment exists, and nothing it would have run has run, even with its jobs due. */
  private void assertNothingDeployed(String key) {
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(key).count()).isZero();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_600_000));
    List<Job> due = engine.getManagementService().createJobQuery().processDefinitionKey(key).executable().list();
    due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(key).count()).isZero();
    assertThat(PROBE_CALLS).hasValue(0);
  }

  private Response analystDeploys(String deploymentName, Map<String, byte[]> files) throws Exception {
    String boundary = "----aftersales" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + deploymentName + "\r\n"));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
          + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
      body.writeBytes(file.getValue());
      body.writeBytes(bytes("\r\n"));
    }
    body.writeBytes(bytes("--" + boundary + "--\r\n"));
    URI endpoint = URI.create("http://localhost:" + port + "/engine-rest/deployment/create");
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((ANALYST + ":" + USER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), json);
  }

  private static Map<String, byte[]> filesOf(String folder, String suffix) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      for (Path path : paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
        files.put(path.getFileName().toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
