package org.milepost.common.validation;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.annotation.ElementType;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one Hibernate Validator of the application, built on first use rather than at start-up (ADR 0023): it reads a
 * class's constraints the first time one of its objects or methods is validated. English messages with their
 * {@code {min}}/{@code {max}} parameters filled in; no expression language. It validates request records, never
 * entities, so every property is reachable: without this, Hibernate Validator asks Jakarta Persistence whether each
 * property is loaded (a profile of one-by-one card creates had that at a seventh of the validation's CPU).
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
                .traversableResolver(new EverythingReachable())
                .buildValidatorFactory()
                .getValidator();
    }

    private static final class EverythingReachable implements TraversableResolver {

        @Override
        public boolean isReachable(
                Object object, Path.Node property, Class<?> rootType, Path pathToObject, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(
                Object object, Path.Node property, Class<?> rootType, Path pathToObject, ElementType elementType) {
            return true;
        }
    }
}
