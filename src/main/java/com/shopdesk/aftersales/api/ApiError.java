package com.shopdesk.aftersales.api;

/** The body of every refused API call. */
public record ApiError(int status, String error, String field, String message) {}
