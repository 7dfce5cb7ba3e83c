package com.shopdesk.aftersales.sandbox;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Lets a tester take a sandbox system "down", so the desk's retries and incidents can be seen working. */
@Component
public class SandboxOutages {
  public enum SandboxSystem {
    COURIER("快递接口"), WAREHOUSE("仓库接口"), PAYMENT("支付接口"), PLATFORM("平台接口");

    final String label;

    SandboxSystem(String label) {
      this.label = label;
    }
  }

  private final SandboxDatabase db;
  private final JdbcTemplate jdbc;

  public SandboxOutages(SandboxDatabase db) {
    this.db = db;
    this.jdbc = db.jdbc();
  }

  public void down(SandboxSystem system, String reason) {
    db.run(() -> {
      up(system);
      jdbc.update("INSERT INTO sandbox_outages (system_name, reason) VALUES (?, ?)", system.name(), reason);
    });
  }

  public void up(SandboxSystem system) {
    jdbc.update("DELETE FROM sandbox_outages WHERE system_name = ?", system.name());
  }

  /** Fails the call the way a real outage would, with a message a manager reads in Cockpit. */
  void check(SandboxSystem system) {
    List<String> reasons = jdbc.queryForList("SELECT reason FROM sandbox_outages WHERE system_name = ?",
        String.class, system.name());
    if (!reasons.isEmpty()) {
      throw new IllegalStateException(system.label + "暂不可用：" + reasons.get(0) + "（请稍后在 Cockpit 中重试）");
    }
  }
}
