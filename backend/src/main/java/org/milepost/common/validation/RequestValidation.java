package org.milepost.common.validation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;

/**
 * The interceptor behind {@link ValidatedRequest}. It runs before the transaction interceptor, so a request that
 * breaks a constraint never opens a transaction, and throws the {@link ConstraintViolationException} that
 * {@code ProblemMappers} turns into a 400 problem naming each field.
 */
@ValidatedRequest
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RequestValidation {

    @AroundInvoke
    Object validate(InvocationContext context) throws Exception {
        Set<ConstraintViolation<Object>> violations = Validators.get()
                .forExecutables()
                .validateParameters(context.getTarget(), context.getMethod(), context.getParameters());
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return context.proceed();
    }
}
