package org.milepost.common.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one Hibernate Validator of the application, built on first use rather than at start-up (ADR 0023): it reads a
 * class's constraints the first time one of its objects or methods is validated. English messages with their
 * {@code {min}}/{@code {max}} parameters filled in; no expression language.
 */
public final class Validators {

    private Validators() {}

    /** The validator; the first call builds it (lazy holder idiom: thread-safe without a lock afterwards). */
    public static Validator get() {
        return Holder.VALIDATOR;
    }

    private static final class Holder {
        static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ENGLISH), Locale.ENGLISH, false))
                .buildValidatorFactory()
                .getValidator();
    }
}
