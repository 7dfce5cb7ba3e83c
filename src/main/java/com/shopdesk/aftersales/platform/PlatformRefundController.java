package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.api.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the desk took in from the platform: a refund request and the case it became ({@code caseNo}), the refunds no
 * case was opened for with why ({@code note}), and how far the feed has read and why its last read failed.
 */
@RestController
@RequestMapping("/api/platform-refunds")
public class PlatformRefundController {
  private final PlatformCases platformCases;
  private final PlatformRefundFeed feed;

  public PlatformRefundController(PlatformCases platformCases, PlatformRefundFeed feed) {
    this.platformCases = platformCases;
    this.feed = feed;
  }

  /** The platform refunds no case was opened for, newest first. */
  @GetMapping
  public List<PlatformCases.Taken> unopened(@RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 200) {
      throw ApiException.badRequest("limit", "limit must be between 1 and 200");
    }
    return platformCases.unopened(limit);
  }

  @GetMapping("/feed")
  public PlatformRefundFeed.Status feed() {
    return feed.status();
  }

  @GetMapping("/{refundId}")
  public PlatformCases.Taken refund(@PathVariable String refundId) {
    return platformCases.find(refundId).orElseThrow(() -> ApiException.notFound("refundId",
        "platform refund " + refundId + " not found"));
  }
}
