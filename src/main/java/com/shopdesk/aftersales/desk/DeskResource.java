package com.shopdesk.aftersales.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * The desk's reads. Each answers 403 to anyone without the desk grant, before it reads anything; the engine's
 * own records are then read as the person asking. Only GET: the desk changes nothing.
 */
@Produces(MediaType.APPLICATION_JSON)
public class DeskResource extends AbstractCockpitPluginResource {
  private static final int MAX_TERM = 64;
  private static final int MAX_ID = 255;
  private DeskServices beans;

  public DeskResource(String engineName) {
    super(engineName);
  }

  private DeskServices beans() {
    if (beans == null) {
      beans = DeskServices.of(getProcessEngine());
    }
    return beans;
  }

  @GET
  @Path("access")
  public Response access() {
    return answer(() -> Map.of("user", getCurrentAuthentication().getUserId()));
  }

  @GET
  @Path("cases")
  public Response find(@QueryParam("q") String q) {
    String term = q == null ? "" : q.strip();
    if (term.isEmpty() || term.length() > MAX_TERM) {
      return refused(Response.Status.BAD_REQUEST, "q",
          "q: 请输入售后单号、订单号、买家（ID、姓名或电话）或运单号，最多 " + MAX_TERM + " 个字符");
    }
    return answer(() -> beans().stories.find(term, DeadlineBoard.LIST_LIMIT));
  }

  @GET
  @Path("cases/{caseNo}")
  public Response story(@PathParam("caseNo") String caseNo) {
    if (!allowed()) {
      return forbidden();
    }
    return beans().stories.of(caseNo).map(s -> ok(s))
        .orElseGet(() -> refused(Response.Status.NOT_FOUND, "caseNo", "caseNo: 没有售后单 " + caseNo));
  }

  @GET
  @Path("board")
  public Response board() {
    return answer(beans().board::board);
  }

  @GET
  @Path("board/open")
  public Response openCases(@QueryParam("process") String process) {
    String bad = missing("process", process);
    return bad != null ? refused(Response.Status.BAD_REQUEST, bad, bad + ": 必填，最多 " + MAX_ID + " 个字符")
        : answer(() -> beans().board.openCases(process));
  }

  @GET
  @Path("board/steps")
  public Response waitingAt(@QueryParam("process") String process, @QueryParam("activity") String activity) {
    String bad = missing("process", process) != null ? missing("process", process) : missing("activity", activity);
    return bad != null ? refused(Response.Status.BAD_REQUEST, bad, bad + ": 必填，最多 " + MAX_ID + " 个字符")
        : answer(() -> beans().board.waitingAt(process, activity));
  }

  @GET
  @Path("board/tasks")
  public Response tasks(@QueryParam("overdue") String overdue) {
    if (!"true".equals(overdue) && !"false".equals(overdue)) {
      return refused(Response.Status.BAD_REQUEST, "overdue", "overdue: 只能是 true（已超时）或 false（即将到期）");
    }
    return answer(() -> beans().board.tasks(Boolean.parseBoolean(overdue)));
  }

  @GET
  @Path("board/clocks/{clock}")
  public Response clock(@PathParam("clock") String clock, @QueryParam("atRisk") String atRisk) {
    DeadlineBoard.Clock found = Arrays.stream(DeadlineBoard.Clock.values()).filter(c -> c.name().equals(clock))
        .findFirst().orElse(null);
    if (found == null) {
      return refused(Response.Status.NOT_FOUND, "clock", "clock: 没有时钟 " + clock + "，可选 "
          + Arrays.toString(DeadlineBoard.Clock.values()));
    }
    if (atRisk != null && !"true".equals(atRisk) && !"false".equals(atRisk)) {
      return refused(Response.Status.BAD_REQUEST, "atRisk", "atRisk: 只能是 true 或 false");
    }
    return answer(() -> beans().board.clock(found, "true".equals(atRisk)));
  }

  @GET
  @Path("board/incidents")
  public Response incidents(@QueryParam("process") String process, @QueryParam("activity") String activity,
      @QueryParam("cause") String cause) {
    String bad = missing("process", process) != null ? missing("process", process)
        : missing("activity", activity) != null ? missing("activity", activity)
        : cause == null || cause.isBlank() || cause.length() > 4000 ? "cause" : null;
    return bad != null ? refused(Response.Status.BAD_REQUEST, bad, bad + ": 必填")
        : answer(() -> beans().board.incidents(process, activity, cause));
  }

  @GET
  @Path("today")
  public Response today() {
    return answer(beans().figures::today);
  }

  private Response answer(Supplier<Object> read) {
    return allowed() ? ok(read.get()) : forbidden();
  }

  private boolean allowed() {
    return beans().access.allows(getCurrentAuthentication());
  }

  private Response ok(Object body) {
    return json(Response.Status.OK, body);
  }

  private Response forbidden() {
    return refused(Response.Status.FORBIDDEN, null, "售后工作台只对主管开放（需要应用 desk 的访问授权）");
  }

  private Response refused(Response.Status status, String field, String message) {
    return json(status, field == null ? Map.of("message", message) : Map.of("field", field, "message", message));
  }

  private Response json(Response.Status status, Object body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(beans().json.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String missing(String name, String value) {
    return value == null || value.isBlank() || value.length() > MAX_ID ? name : null;
  }
}
