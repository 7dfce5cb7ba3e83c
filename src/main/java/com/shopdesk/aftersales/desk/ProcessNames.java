package com.shopdesk.aftersales.desk;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The processes' names as the diagrams give them (the newest version of each), for the desk's tables. */
@Component
class ProcessNames {
  private final RepositoryService repository;

  ProcessNames(RepositoryService repository) {
    this.repository = repository;
  }

  Map<String, String> all() {
    Map<String, String> names = new HashMap<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
      names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
    }
    return names;
  }
}
