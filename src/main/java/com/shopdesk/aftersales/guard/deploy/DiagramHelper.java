package com.shopdesk.aftersales.guard.deploy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that diagrams may read and call in expressions, e.g. {@code ${deadlines.pickup}} or
 * {@code ${workingDays.after(3)}}. Besides the desk's delegates, these are the only beans an expression can
 * reach; any public method of a helper may be called, so put only what analysts need on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiagramHelper {}
