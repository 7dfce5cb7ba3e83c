package com.shopdesk.aftersales.security.errorpages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The page a browser gets for any error, in the desk's words: what happened, what to do, the way back to
 * Tasklist. Spring Boot asks only for clients that accept HTML; every other client keeps its JSON.
 */
@Component
public class DeskErrorPages implements ErrorViewResolver {
  private static final String TASKLIST = "/camunda/app/tasklist/";

  private record Text(String title, String what, String todo) {}

  private static final Map<Integer, Text> TEXTS = Map.of(
      401, new Text("需要登录", "这个地址要先登录才能打开。",
          "请先登录任务列表；程序调用接口时，请带上用户名和密码（HTTP Basic）。"),
      403, new Text("没有权限", "您的账号不能打开这个页面，或不能做这个操作。",
          "如果工作需要这个权限，请找主管或系统管理员。"),
      404, new Text("页面不存在", "没有找到这个地址，可能是地址输错了，或页面已经不在了。",
          "请检查地址，或回到任务列表。"),
      405, new Text("不能这样操作", "这个地址不接受这种请求。",
          "请回到任务列表，用页面上的按钮操作。"),
      429, new Text("尝试太频繁", "密码错误的次数太多，这台电脑暂时不能再用这个账号登录。",
          "请稍等片刻再试；其他电脑上的登录不受影响。"));
  private static final Text CLIENT_ERROR = new Text("无法处理这个请求", "这个请求有误，系统没有处理。",
      "请回到任务列表重新操作。");
  private static final Text SERVER_ERROR = new Text("系统出错了", "系统处理时出了问题，您的操作可能没有完成。",
      "请稍后再试；如果一直这样，请把出错的时间和地址告诉系统管理员。");

  /** Whether the client is a browser asking for a page (XHR and API clients do not ask for HTML). */
  public static boolean wantsHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/html");
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    return new ModelAndView(page(status));
  }

  private static View page(HttpStatus status) {
    Text text = TEXTS.getOrDefault(status.value(), status.is5xxServerError() ? SERVER_ERROR : CLIENT_ERROR);
    return new View() {
      @Override
      public String getContentType() {
        return "text/html;charset=UTF-8";
      }

      @Override
      public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
          throws Exception {
        response.setContentType(getContentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html(status.value(), text.title(), text.what(), todo(status, text, response)));
      }
    };
  }

  /** A throttled login says how long to wait (its Retry-After, in seconds). */
  private static String todo(HttpStatus status, Text text, HttpServletResponse response) {
    String retryAfter = response.getHeader(HttpHeaders.RETRY_AFTER);
    if (status != HttpStatus.TOO_MANY_REQUESTS || retryAfter == null || !retryAfter.matches("\\d+")) {
      return text.todo();
    }
    return "请 " + retryAfter + " 秒后再试；其他电脑上的登录不受影响。";
  }

  private static String html(int code, String title, String what, String todo) {
    return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%2$s · 售后工作台</title>
        <style>
          body { margin: 0; background: #f3f4f6; color: #222; font: 16px/1.6 -apple-system, "PingFang SC",
                 "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
          main { max-width: 32rem; margin: 12vh auto; padding: 2rem 2.5rem; background: #fff; border-radius: 8px;
                 box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
          h1 { margin: 0 0 1rem; font-size: 1.5rem; }
          a.back { display: inline-block; margin-top: 1rem; padding: .5rem 1.25rem; background: #1a73e8; color: #fff;
                   border-radius: 4px; text-decoration: none; }
          .code { margin-top: 1.5rem; color: #888; font-size: .8rem; }
        </style>
        </head>
        <body>
        <main>
          <h1>%2$s</h1>
          <p>%3$s</p>
          <p>%4$s</p>
          <a class="back" href="%5$s">返回任务列表</a>
          <p class="code">错误代码 %1$d</p>
        </main>
        </body>
        </html>
        """.formatted(code, title, what, todo, TASKLIST);
  }
}
