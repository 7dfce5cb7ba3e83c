package com.shopdesk.aftersales.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.shopdesk.aftersales.AfterSalesTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The desk as its users see it, in Debian's Chromium driven by Playwright. Skipped, saying how to enable
 * it, where /usr/bin/chromium is missing (.ci/run installs it). Screenshots go to target/screenshots/.
 */
abstract class BrowserTest extends AfterSalesTest {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path SHOTS = Path.of("target", "screenshots");
  private static Playwright playwright;
  private static Browser browser;
  protected Page page;

  @BeforeAll
  static void launch() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "Browser tests skipped: no Chromium at " + CHROMIUM + ". Install it with 'apt-get install -y chromium' "
            + "(as .ci/run does) or set CHROMIUM to its path.");
    Files.createDirectories(SHOTS);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  @AfterAll
  static void close() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
  }

  @BeforeEach
  void newPage() {
    // as at the desk: a browser set to Chinese in China's time zone, so the webapps speak Chinese
    useBrowserSetTo("zh-CN");
  }

  /** Starts afresh, logged in nowhere, in a browser whose language is the given one (e.g. "en-US"). */
  protected void useBrowserSetTo(String locale) {
    if (page != null) page.context().close();
    page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale(locale)
        .setTimezoneId("Asia/Shanghai")).newPage();
    page.setDefaultTimeout(60_000);
  }

  @AfterEach
  void closePage() {
    if (page != null) page.context().close();
  }

  /**
   * Logs in to one of the webapps (tasklist, cockpit, admin); false when the login is refused. A submit
   * that Tasklist neither accepts nor refuses (seen once on a slow CI machine) is tried again, and leaves a
   * screenshot of the stuck page behind.
   */
  protected boolean login(String app, String user, String password) {
    for (int attempt = 1; ; attempt++) {
      page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/");
      page.waitForSelector("input[type=password]");
      page.waitForLoadState(LoadState.NETWORKIDLE);
      page.fill("input[type=text]", user);
      page.fill("input[type=password]", password);
      page.click("button[type=submit]");
      try {
        page.waitForCondition(() -> page.locator("input[type=password]").count() == 0
            || page.getByText("Login Failed").count() > 0 || page.getByText("登录失败").count() > 0,
            new Page.WaitForConditionOptions().setTimeout(20_000));
        return page.locator("input[type=password]").count() == 0;
      } catch (TimeoutError stuck) {
        screenshot("login-stuck-" + user + "-" + attempt);
        if (attempt == 3) {
          throw new AssertionError("Login as " + user + " neither succeeded nor failed; the page shows: "
              + page.locator("body").innerText(), stuck);
        }
      }
    }
  }

  protected void screenshot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /** Opens a filter and searches it for the case; returns the case's task cards in the list. */
  protected Locator caseCards(String filter, String caseNo) {
    page.getByText(filter).first().click();
    page.waitForCondition(() -> page.url().contains("filter="));
    // searched by case number, as an agent does on a busy day: the filter's first page need not hold the case
    String search = URLEncoder.encode("[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + caseNo
        + "\",\"name\":\"caseNo\"}]", StandardCharsets.UTF_8).replace("+", "%20");
    page.navigate(page.url().contains("searchQuery=") ? page.url().replaceFirst("searchQuery=[^&]*", "searchQuery=" + search)
        : page.url() + "&searchQuery=" + search);
    return page.locator(".tasks-list li", new Page.LocatorOptions().setHasText(caseNo));
  }

  /** Opens a filter, then the task of the case, and claims it. */
  protected void openTask(String filter, String caseNo, String taskName) {
    caseCards(filter, caseNo).filter(new Locator.FilterOptions().setHasText(taskName))
        .first().locator("a").first().click();
    page.waitForSelector(".fjs-form");
    Locator claim = page.getByText("认领", new Page.GetByTextOptions().setExact(true));
    if (claim.count() > 0) {
      claim.first().click();
      awaitTasklist(() -> claim.count() == 0, "认领任务时出错。");
    }
    // the form stays disabled until Tasklist has reloaded it for the one who claimed it
    page.waitForSelector(".disabled-form", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
  }

  /**
   * Opens a task by its id, as a link to it does, and claims it. For checks of the form itself: the queue's
   * first page holds the oldest or newest tasks, which in a long test run need not include this one.
   */
  protected void openTaskById(String taskId) {
    String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/#/";
    page.navigate(tasklist); // closes any open task, so the form waited for below is this task's
    page.waitForSelector(".fjs-form", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
    page.navigate(tasklist + "?task=" + taskId);
    page.waitForSelector(".fjs-form");
    Locator claim = page.getByText("认领", new Page.GetByTextOptions().setExact(true));
    if (claim.count() > 0) {
      claim.first().click();
      awaitTasklist(() -> claim.count() == 0, "认领任务时出错。");
    }
    // the form stays disabled until Tasklist has reloaded it for the one who claimed it
    page.waitForSelector(".disabled-form", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
  }

  /**
   * Whether a person sees the element whole: it is on screen and, across its middle (left, centre, right), nothing
   * lies over it: no notice, footer, fade or other element, and it is not clipped away by a scrolled pane.
   */
  protected static boolean unobstructed(Locator element) {
    return (Boolean) element.evaluate("""
        e => {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) return false;
          const y = r.top + r.height / 2;
          return [r.left + 2, r.left + r.width / 2, r.right - 2].every(x => {
            const hit = document.elementFromPoint(x, y);
            return hit !== null && (hit === e || e.contains(hit));
          });
        }""");
  }

  /**
   * The contrast of the element's text colour (its opacity and its ancestors' included) on white, as WCAG
   * computes it: 21 for black, 4.5 the least for body text, about 2.8 for the light grey #999.
   */
  protected static double contrastOnWhite(Locator element) {
    return ((Number) element.evaluate("""
        e => {
          const [r, g, b, a] = getComputedStyle(e).color.match(/[\\d.]+/g).map(Number);
          let alpha = a === undefined ? 1 : a;
          for (let n = e; n; n = n.parentElement) alpha *= Number(getComputedStyle(n).opacity);
          const channel = (c) => {
            const v = (alpha * c + (1 - alpha) * 255) / 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
          };
          const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
          return 1.05 / (luminance + 0.05);
        }""")).doubleValue();
  }

  protected void choose(String label) {
    page.locator(".fjs-form label", new Page.LocatorOptions().setHasText(label)).first().click();
  }

  protected void completeTask() {
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("完成").setExact(true)).click();
    // Tasklist closes the task (drops it from the address) once the engine has completed it
    awaitTasklist(() -> !page.url().contains("task="), "提交任务表单时出错");
  }

  /** Waits until Tasklist has done what was asked, failing at once when it reports the failure instead. */
  private void awaitTasklist(BooleanSupplier done, String failure) {
    page.waitForCondition(() -> done.getAsBoolean() || page.getByText(failure).count() > 0);
    if (page.getByText(failure).count() > 0) {
      throw new AssertionError("Tasklist says: " + page.locator(".page-notifications").first().innerText());
    }
  }
}
