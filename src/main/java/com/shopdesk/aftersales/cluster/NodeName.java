package com.shopdesk.aftersales.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name this node goes by in the cluster: the engine's host name (Cockpit's job log), the job executor's
 * lock owner and the holder of cluster chores. {@code aftersales.node-name} (env {@code AFTERSALES_NODE_NAME})
 * when set, else host:port, so two nodes on one machine are told apart; it must be unique per running node.
 */
@Component
public class NodeName {
  private final String name;

  public NodeName(@Value("${aftersales.node-name:}") String configured, @Value("${server.port:8080}") int port) {
    this.name = configured.isBlank() ? host() + ":" + (port == 0 ? "pid" + ProcessHandle.current().pid() : port)
        : configured.strip();
  }

  public String get() {
    return name;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
