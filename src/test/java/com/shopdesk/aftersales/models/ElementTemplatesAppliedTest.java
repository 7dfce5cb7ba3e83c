package com.shopdesk.aftersales.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.cases.RequestType;
import com.shopdesk.aftersales.orders.ShipmentKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * README, "Analysts: Modeler": every service task and call activity is an element template applied, and its XML is
 * what that template writes. Otherwise Camunda Modeler (Camunda 7 templates) shows the task as a template it is
 * not, and the next "update template" or re-apply silently rewrites it: drops an input or a {@code camunda:in}
 * the template does not know, resets a fixed bean or flag.
 * <p>
 * Camunda 7 templates have no {@code optional} (the Camunda 8 schema does; Modeler 7 ignores the key): applying a
 * template writes every input it names, an empty one included. Two ways keep an input out of the XML or harmless:
 * a {@code camunda:inputParameter} property without a {@code type}, which Modeler shows with a switch
 * ("Local variable assignment": off writes nothing), or a default {@code value} that means the same as leaving the
 * input out. The desk marks such inputs {@code "optional": true}; this test holds the diagrams to it: an optional
 * input is either absent or has a value, never written empty (an empty {@code refundAmount} would pay the
 * requested amount instead of the one computed).
 */
class ElementTemplatesAppliedTest {
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One template as Modeler loads it: id and version, the BPMN types it applies to, its properties. */
  record Template(String id, int version, List<String> appliesTo, List<JsonNode> properties, String file) {
    String key() {
      return id + "@" + version;
    }
  }

  static Map<String, Template> templates() throws IOException {
    Map<String, Template> all = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of(".camunda/element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode t : root.isArray() ? root : JSON.createArrayNode().add(root)) {
          List<String> appliesTo = new ArrayList<>();
          t.path("appliesTo").forEach(a -> appliesTo.add(a.asText()));
          List<JsonNode> properties = new ArrayList<>();
          t.path("properties").forEach(properties::add);
          Template template = new Template(t.path("id").asText(), t.path("version").asInt(), appliesTo, properties,
              file.getFileName().toString());
          assertThat(all.put(template.key(), template)).as("template " + template.key() + " defined twice").isNull();
        }
      }
    }
    return all;
  }

  private static Map<String, String> diagramFiles() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        all.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return all;
  }

  @Test
  void everyServiceTaskAndCallActivityIsTheTemplateItNames() throws Exception {
    Map<String, Template> templates = templates();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, String> diagram : diagramFiles().entrySet()) {
      problems.addAll(problems(diagram.getKey(), diagram.getValue(), templates));
      checked += elements(parse(diagram.getValue())).size();
    }
    assertThat(checked).as("service tasks and call activities checked").isGreaterThan(100);
    assertThat(problems).as("diagrams against .camunda/element-templates").isEmpty();
  }

  /** The check itself: each deliberate break of a real diagram is reported, and nothing else is. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      refund.bpmn         | ' camunda:modelerTemplate="com.shopdesk.aftersales.issueRefundDelegate" camunda:modelerTemplateVersion="2"' | ''                                             | issueRefund has no camunda:modelerTemplate
      refund.bpmn         | 'issueRefundDelegate" camunda:modelerTemplateVersion="2"'                                                   | 'issueRefundDelegate" camunda:modelerTemplateVersion="9"' | issueRefund names template com.shopdesk.aftersales.issueRefundDelegate version 9, which does not exist
      refund.bpmn         | 'camunda:modelerTemplate="com.shopdesk.aftersales.issueRefundDelegate"'                                    | 'camunda:modelerTemplate="com.shopdesk.aftersales.payDelegate"' | issueRefund names template com.shopdesk.aftersales.payDelegate version 2, which does not exist
      refund.bpmn         | 'id="issueRefund" name="退款" camunda:delegateExpression="${issueRefundDelegate}"'                           | 'id="issueRefund" name="退款" camunda:delegateExpression="${closeCaseDelegate}"' | issueRefund: camunda:delegateExpression is "${closeCaseDelegate}", the template sets "${issueRefundDelegate}"
      refund.bpmn         | '${issueRefundDelegate}" camunda:asyncBefore="true"'                                                        | '${issueRefundDelegate}"'                      | issueRefund: camunda:asyncBefore is missing, the template sets "true"
      refund.bpmn         | 'name="告知买家已退款" camunda:delegateExpression="${messageBuyerDelegate}"'                                  | 'name="告知买家已退款" camunda:delegateExpression="${messageBuyerDelegate}" camunda:asyncBefore="true"' | tellRefunded: camunda:asyncBefore="true" is not set by template com.shopdesk.aftersales.messageBuyerDelegate
      refund.bpmn         | '<camunda:inputParameter name="text">亲，已为您退款'                                                         | '<camunda:inputParameter name="remark">亲，已为您退款' | tellRefunded: input text is missing (the template requires it)
      refund.bpmn         | '<camunda:inputParameter name="text">亲，已为您退款'                                                         | '<camunda:inputParameter name="returnAddress" /><camunda:inputParameter name="text">亲，已为您退款' | tellRefunded: input returnAddress is written empty
      refund.bpmn         | '<camunda:inputParameter name="text">主管未批准'                                                             | '<camunda:inputParameter name="flag">ORANGE</camunda:inputParameter><camunda:inputParameter name="text">主管未批准' | remarkNotApproved: input flag is "ORANGE", not one of [BLUE, YELLOW, RED, GREEN, PURPLE]
      refund.bpmn         | 'issueRefundDelegate" camunda:modelerTemplateVersion="2">'                                                  | 'issueRefundDelegate" camunda:modelerTemplateVersion="2"><bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R1/PT1M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>' | issueRefund: camunda:failedJobRetryTimeCycle is not set by template com.shopdesk.aftersales.issueRefundDelegate
      exchange.bpmn       | '<camunda:inputParameter name="parcelKind">REPLACEMENT</camunda:inputParameter>'                            | '<camunda:inputParameter name="parcelKind">REPLACMENT</camunda:inputParameter>' | shipFirst: input parcelKind is "REPLACMENT", not one of [RESHIP, REPLACEMENT]
      exchange.bpmn       | '<camunda:inputParameter name="refundGoods">false</camunda:inputParameter>'                                 | '<camunda:inputParameter name="refundGoods">false</camunda:inputParameter><camunda:inputParameter name="refundAmount">1</camunda:inputParameter>' | computeShippingRefund: input refundAmount is not in template com.shopdesk.aftersales.computeReturnRefundDelegate
      return-refund.bpmn  | 'id="refundNoReturn" name="直接退款（无需寄回）" calledElement="refund"'                                          | 'id="refundNoReturn" name="直接退款（无需寄回）" calledElement="return-receipt"' | refundNoReturn: calledElement is "return-receipt", the template sets "refund"
      return-refund.bpmn  | '<camunda:in sourceExpression="${shippingRefund}" target="shippingPart" />'                                 | '<camunda:in source="shippingRefund" target="shippingPart" />' | refundReturn: camunda:in target="shippingPart" uses source="shippingRefund", the template writes sourceExpression
      return-refund.bpmn  | '<camunda:in sourceExpression="${retentionAmount}" target="refundAmount" />'                                 | '<camunda:in target="refundAmount" />'          | refundRetention: camunda:in target="refundAmount" is written empty
      return-refund.bpmn  | '<camunda:in sourceExpression="${compensationAmount}" target="refundAmount" />'                              | '<camunda:in sourceExpression="" target="refundAmount" />' | refundCompensation: camunda:in target="refundAmount" is written empty
      return-refund.bpmn  | '<camunda:in source="buyerName" target="buyerName" />'                                                      | ''                                             | returnGoods: camunda:in target="buyerName" is missing, the template sets "buyerName"
      return-refund.bpmn  | '<camunda:out source="disposition" target="disposition" />'                                                 | '<camunda:out source="disposition" target="disposition" /><camunda:out source="returnAddress" target="returnAddress" />' | returnGoods: camunda:out source="returnAddress" is not in template com.shopdesk.aftersales.returnReceiptCallActivity
      reship.bpmn         | '<camunda:in sourceExpression="${false}" target="withdrawIfNotPickedUp" />'                                 | '<camunda:in sourceExpression="${no}" target="withdrawIfNotPickedUp" />' | watchStalled: camunda:in target="withdrawIfNotPickedUp" is "${no}", the template sets "${false}"
      reship.bpmn         | '<camunda:in source="reshipTrackingNo" target="trackingNo" />'                                              | '<camunda:in source="reshipTrackingNumber" target="trackingNo" />' | watchReshipment: camunda:in target="trackingNo" is "reshipTrackingNumber", not one of [trackingNo, reshipTrackingNo]
      case-correction.bpmn| 'camunda:modelerTemplate="com.shopdesk.aftersales.correctCaseDelegate" camunda:modelerTemplateVersion="1"'  | 'camunda:modelerTemplate="com.shopdesk.aftersales.refundCallActivity" camunda:modelerTemplateVersion="3"' | correct: template com.shopdesk.aftersales.refundCallActivity applies to [bpmn:CallActivity], not bpmn:ServiceTask
      """)
  void theCheckReportsADiagramBrokenOnPurpose(String file, String intact, String broken, String expected)
      throws Exception {
    String diagram = Files.readString(Path.of("bpmn", file));
    assertThat(diagram).as("the intact text is in " + file).contains(intact);
    assertThat(problems(file, diagram, templates())).as("the intact diagram").isEmpty();
    List<String> problems = problems(file, diagram.replace(intact, broken), templates());
    assertThat(problems).as("the broken diagram").anyMatch(p -> p.contains(expected));
  }

  /** A kind the analyst picks offers exactly what the delegate accepts. */
  @Test
  void dropdownsOfferWhatTheDelegatesAccept() throws IOException {
    Map<String, Template> templates = templates();
    assertThat(choices(templates, "addOrderRemarkDelegate", "flag"))
        .containsExactlyInAnyOrderElementsOf(names(RemarkFlag.values()));
    assertThat(choices(templates, "openLinkedCaseDelegate", "request"))
        .containsExactlyInAnyOrderElementsOf(names(RequestType.values()));
    assertThat(choices(templates, "createReshipmentDelegate", "parcelKind")).as("the parcels a case ships")
        .containsExactlyInAnyOrder(ShipmentKind.RESHIP.name(), ShipmentKind.REPLACEMENT.name());
    // ExtendReceiptDelegate: the platform extends by 3, 5, 7 or 10 days
    assertThat(choices(templates, "extendReceiptDelegate", "days")).containsExactlyInAnyOrder("3", "5", "7", "10");
    // ComputeReturnRefundDelegate reads a yes/no
    assertThat(choices(templates, "computeReturnRefundDelegate", "refundGoods"))
        .containsExactlyInAnyOrder("true", "false");
  }

  /**
   * Camunda 7 Modeler writes what a template says when it is applied: an optional input needs a switch to be left
   * out (no type) or a default that means leaving it out; a required one a default or a notEmpty constraint, so
   * Modeler marks it while empty. A Dropdown's default is one of its choices.
   */
  @Test
  void templatesLetModelerWriteOnlyWhatTheDesksDiagramsMayHold() throws IOException {
    for (Template template : templates().values()) {
      assertThat(template.version()).as(template.file() + " version").isPositive();
      assertThat(template.file()).as(template.id() + " lives in a file named after it")
          .isEqualTo(template.id().substring(template.id().lastIndexOf('.') + 1) + ".json");
      for (JsonNode p : template.properties()) {
        String what = template.file() + " " + p.path("label").asText();
        String type = p.path("type").asText();
        String binding = p.path("binding").path("type").asText();
        boolean optional = p.path("optional").asBoolean(false);
        if (type.equals("Dropdown")) {
          List<String> values = new ArrayList<>();
          p.path("choices").forEach(c -> values.add(c.path("value").asText()));
          assertThat(values).as(what + " choices").isNotEmpty().doesNotHaveDuplicates();
          if (p.has("value")) {
            assertThat(values).as(what + " default").contains(p.path("value").asText());
          }
        }
        if (optional) {
          assertThat(type).as(what + ": an optional input is not Hidden").isNotEqualTo("Hidden");
          assertThat(binding).as(what + ": optional is for inputs")
              .isIn("camunda:inputParameter", "camunda:in", "camunda:out");
          assertThat(type.isEmpty() && binding.equals("camunda:inputParameter") || p.has("value"))
              .as(what + ": optional, so untyped (Modeler's switch) or with a default meaning the same as absent")
              .isTrue();
        } else if (!type.equals("Hidden")) {
          assertThat(p.has("value") || p.path("constraints").path("notEmpty").asBoolean(false))
              .as(what + ": required, so a default or notEmpty").isTrue();
        }
      }
    }
  }

  // --- the check ----------------------------------------------------------------------------------------

  /** What is wrong with the service tasks and call activities of one diagram against the templates, one line each. */
  static List<String> problems(String file, String xml, Map<String, Template> templates) throws Exception {
    List<String> problems = new ArrayList<>();
    for (Element element : elements(parse(xml))) {
      String id = element.getAttribute("id");
      String where = file + " " + id;
      String bpmnType = "bpmn:" + element.getLocalName().substring(0, 1).toUpperCase()
          + element.getLocalName().substring(1);
      String templateId = element.getAttributeNS(CAMUNDA, "modelerTemplate");
      if (templateId.isEmpty()) {
        problems.add(where + " has no camunda:modelerTemplate: apply its element template in Modeler");
        continue;
      }
      String version = element.getAttributeNS(CAMUNDA, "modelerTemplateVersion");
      Template template = templates.get(templateId + "@" + version);
      if (template == null) {
        problems.add(where + " names template " + templateId + " version " + version + ", which does not exist in "
            + ".camunda/element-templates");
        continue;
      }
      if (!template.appliesTo().contains(bpmnType)) {
        problems.add(where + ": template " + templateId + " applies to " + template.appliesTo() + ", not " + bpmnType);
        continue;
      }
      new Comparison(where, element, template, problems).run();
    }
    return problems;
  }

  /** One element against its template: each template property, then everything the template does not set. */
  private record Comparison(String where, Element element, Template template, List<String> problems) {
    void run() {
      Set<Attr> boundAttributes = new LinkedHashSet<>();
      Set<Element> boundChildren = new LinkedHashSet<>();
      for (JsonNode p : template.properties()) {
        JsonNode binding = p.path("binding");
        switch (binding.path("type").asText()) {
          case "property" -> {
            String name = binding.path("name").asText();
            Attr attribute = name.startsWith("camunda:")
                ? element.getAttributeNodeNS(CAMUNDA, name.substring("camunda:".length()))
                : element.getAttributeNode(name);
            if (attribute != null) {
              boundAttributes.add(attribute);
            }
            compare(p, name, attribute == null ? null : attribute.getValue(), attribute != null);
          }
          case "camunda:inputParameter" -> {
            Element input = inputParameter(binding.path("name").asText());
            if (input != null) {
              boundChildren.add(input);
              if (input.getElementsByTagNameNS("*", "*").getLength() > 0) {
                problems.add(where + ": input " + binding.path("name").asText() + " is a script, list or map; the "
                    + "template writes text");
              }
            }
            compare(p, "input " + binding.path("name").asText(), input == null ? null : input.getTextContent(),
                input != null);
          }
          case "camunda:in:businessKey" -> {
            Element in = child("in", e -> e.hasAttribute("businessKey"));
            if (in != null) {
              boundChildren.add(in);
            }
            compare(p, "camunda:in businessKey", in == null ? null : in.getAttribute("businessKey"), in != null);
          }
          case "camunda:in" -> {
            if (binding.has("variables")) {
              Element in = child("in", e -> binding.path("variables").asText().equals(e.getAttribute("variables"))
                  && !e.hasAttribute("target"));
              if (in == null) {
                problems.add(where + ": camunda:in variables=\"" + binding.path("variables").asText()
                    + "\" is missing");
              } else {
                boundChildren.add(in);
              }
              continue;
            }
            String target = binding.path("target").asText();
            String sourceAttribute = binding.path("expression").asBoolean(false) ? "sourceExpression" : "source";
            Element in = child("in", e -> target.equals(e.getAttribute("target")));
            String other = sourceAttribute.equals("source") ? "sourceExpression" : "source";
            if (in != null) {
              boundChildren.add(in);
              if (in.hasAttribute(other)) {
                problems.add(where + ": camunda:in target=\"" + target + "\" uses " + other + "=\""
                    + in.getAttribute(other) + "\", the template writes " + sourceAttribute);
                continue;
              }
            }
            compare(p, "camunda:in target=\"" + target + "\"", in == null ? null : in.getAttribute(sourceAttribute),
                in != null);
          }
          case "camunda:out" -> {
            String source = binding.path("source").asText();
            Element out = child("out", e -> source.equals(e.getAttribute("source")));
            if (out != null) {
              boundChildren.add(out);
            }
            compare(p, "camunda:out source=\"" + source + "\"", out == null ? null : out.getAttribute("target"),
                out != null);
          }
          default -> problems.add(where + ": template property " + p.path("label").asText() + " has binding "
              + binding.path("type").asText() + ", which this check does not know yet");
        }
      }
      // what the template does not set, Modeler neither shows nor keeps
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr a = (Attr) attributes.item(i);
        boolean engineAttribute = CAMUNDA.equals(a.getNamespaceURI()) || a.getNamespaceURI() == null
            && Set.of("calledElement", "implementation", "operationRef").contains(a.getLocalName());
        if (engineAttribute && !boundAttributes.contains(a)
            && !Set.of("modelerTemplate", "modelerTemplateVersion").contains(a.getLocalName())) {
          problems.add(where + ": " + a.getName() + "=\"" + a.getValue() + "\" is not set by template "
              + template.id());
        }
      }
      for (Element extension : camundaExtensions()) {
        if (extension.getLocalName().equals("inputOutput")) {
          for (Element parameter : children(extension, CAMUNDA, null)) {
            if (!boundChildren.contains(parameter)) {
              problems.add(where + ": " + (parameter.getLocalName().equals("inputParameter") ? "input " : "output ")
                  + parameter.getAttribute("name") + " is not in template " + template.id());
            }
          }
        } else if (!boundChildren.contains(extension)) {
          String what = switch (extension.getLocalName()) {
            case "in" -> "camunda:in " + (extension.hasAttribute("target")
                ? "target=\"" + extension.getAttribute("target") + "\"" : describe(extension));
            case "out" -> "camunda:out " + (extension.hasAttribute("source")
                ? "source=\"" + extension.getAttribute("source") + "\"" : describe(extension));
            default -> "camunda:" + extension.getLocalName();
          };
          problems.add(where + ": " + what + " is not " + (extension.getLocalName().matches("in|out")
              ? "in" : "set by") + " template " + template.id());
        }
      }
    }

    /** The XML value of one template property against what the template writes and allows. */
    private void compare(JsonNode p, String what, String value, boolean present) {
      String type = p.path("type").asText();
      boolean optional = p.path("optional").asBoolean(false);
      String fixed = p.path("value").isMissingNode() ? null : p.path("value").asText();
      if (type.equals("Hidden")) {
        if (p.path("value").isBoolean() && !p.path("value").asBoolean() && !present) {
          return;
        }
        if (fixed == null ? present && !value.isEmpty() : !fixed.equals(value)) {
          problems.add(where + ": " + what + (present ? " is \"" + value + "\"" : " is missing")
              + ", the template sets " + (fixed == null ? "nothing" : "\"" + fixed + "\""));
        }
        return;
      }
      if (!present) {
        if (!optional) {
          problems.add(where + ": " + what + " is missing (the template requires it)");
        }
        return;
      }
      if (value.isBlank()) {
        problems.add(where + ": " + what + " is written empty" + (optional
            ? ": an optional input that is not used is left out (Modeler: switch it off)" : ": it needs a value"));
        return;
      }
      if (type.equals("Dropdown")) {
        List<String> choices = new ArrayList<>();
        p.path("choices").forEach(c -> choices.add(c.path("value").asText()));
        if (!choices.contains(value)) {
          problems.add(where + ": " + what + " is \"" + value + "\", not one of " + choices);
        }
      }
    }

    private Element inputParameter(String name) {
      for (Element io : camundaExtensions()) {
        if (io.getLocalName().equals("inputOutput")) {
          for (Element parameter : children(io, CAMUNDA, "inputParameter")) {
            if (name.equals(parameter.getAttribute("name"))) {
              return parameter;
            }
          }
        }
      }
      return null;
    }

    private Element child(String localName, java.util.function.Predicate<Element> matches) {
      return camundaExtensions().stream().filter(e -> e.getLocalName().equals(localName)).filter(matches)
          .findFirst().orElse(null);
    }

    private List<Element> camundaExtensions() {
      List<Element> all = new ArrayList<>();
      for (Element extensions : children(element, BPMN, "extensionElements")) {
        all.addAll(children(extensions, CAMUNDA, null));
      }
      return all;
    }
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every service task and call activity, event subprocesses included. */
  private static List<Element> elements(Document diagram) {
    List<Element> all = new ArrayList<>();
    for (String type : List.of("serviceTask", "callActivity")) {
      var found = diagram.getElementsByTagNameNS(BPMN, type);
      for (int i = 0; i < found.getLength(); i++) {
        all.add((Element) found.item(i));
      }
    }
    return all;
  }

  private static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> all = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && namespace.equals(e.getNamespaceURI())
          && (localName == null || localName.equals(e.getLocalName()))) {
        all.add(e);
      }
    }
    return all;
  }

  private static String describe(Element e) {
    List<String> attributes = new ArrayList<>();
    NamedNodeMap map = e.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      attributes.add(map.item(i).getNodeName() + "=\"" + map.item(i).getNodeValue() + "\"");
    }
    return String.join(" ", attributes);
  }

  private static List<String> choices(Map<String, Template> templates, String shortId, String input) {
    Template template = templates.values().stream()
        .filter(t -> t.id().equals("com.shopdesk.aftersales." + shortId)).findFirst().orElseThrow();
    JsonNode property = template.properties().stream()
        .filter(p -> input.equals(p.path("binding").path("name").asText())).findFirst().orElseThrow();
    assertThat(property.path("type").asText()).as(shortId + " " + input).isEqualTo("Dropdown");
    List<String> values = new ArrayList<>();
    property.path("choices").forEach(c -> values.add(c.path("value").asText()));
    return values;
  }

  private static List<String> names(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Enum::name).toList();
  }
}
