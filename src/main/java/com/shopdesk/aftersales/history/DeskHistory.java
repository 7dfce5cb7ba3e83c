package com.shopdesk.aftersales.history;

import com.shopdesk.aftersales.cases.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history at level {@code full}, less two kinds of rows nobody reads (README, Operations → History):
 * the per-change copies of variables ({@code ACT_HI_DETAIL}; a variable's history keeps its last value, the
 * ledger's timeline says who decided what), and the history of the display texts {@link TaskContext} puts on
 * each task, which are copies of the case's own variables. Together they were half the rows a case wrote.
 */
@Component
public class DeskHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(0, new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  static final class Handler extends DbHistoryEventHandler {
    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
      if (event.getTaskId() != null && TaskContext.DISPLAY_VARIABLES.contains(event.getVariableName())) {
        return;
      }
      super.insertHistoricVariableUpdateEntity(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
