package com.shopdesk.aftersales.decisions;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine's decision tables the {@link ParsedOnceFeelEngine}; everything else about DMN stays Camunda's. */
@Component
public class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the engine hands its custom FEEL functions to this configuration before the factory is asked for an engine
    dmn.setFeelEngineFactory(new FeelEngineFactory() {
      @Override
      public FeelEngine createInstance() {
        return new ParsedOnceFeelEngine(dmn.getFeelCustomFunctionProviders());
      }
    });
    configuration.setDmnEngineConfiguration(dmn);
  }
}
