package org.milepost.common.validation;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks the Bean Validation constraints of a resource method's parameters ({@code @Valid @NotNull} bodies,
 * {@code @Min}/{@code @Max} query parameters) before the method runs; a violation becomes a 400 problem (ADR 0023).
 * Every resource class whose methods carry such constraints must have it: {@code ValidatedRequestTest} checks.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ValidatedRequest {}
