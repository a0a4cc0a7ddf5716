package org.custodia.common;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A record may be written after the fact, never before it: the annotated {@link Instant} may lie at most
 * {@link #skewSeconds()} ahead of the application's {@link Clock} (the clocks of the people who write records differ a
 * little from ours); a {@link LocalDate} may not lie after today anywhere on Earth (UTC+14), since a legal date has no
 * zone of its own. {@code null} is valid (pair with {@code @NotNull}). The field code is {@code IN_FUTURE}.
 * The validators read the injected {@code Clock} bean, so a frozen clock freezes the rule too.
 */
@Documented
@Constraint(validatedBy = {NotInFuture.InstantValidator.class, NotInFuture.LocalDateValidator.class})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface NotInFuture {

    /** The default clock skew tolerated, in seconds. */
    long DEFAULT_SKEW_SECONDS = 120;

    String message() default "lies in the future; records may be written after the fact, never before";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    long skewSeconds() default DEFAULT_SKEW_SECONDS;

    /** The rule itself, for the few places that check a time outside a request record. */
    final class Rule {

        private Rule() {
        }

        public static boolean inFuture(Instant at, Clock clock) {
            return inFuture(at, clock, Duration.ofSeconds(DEFAULT_SKEW_SECONDS));
        }

        public static boolean inFuture(Instant at, Clock clock, Duration skew) {
            return at != null && at.isAfter(clock.instant().plus(skew));
        }

        public static boolean inFuture(LocalDate date, Clock clock) {
            return date != null && date.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.MAX));
        }
    }

    final class InstantValidator implements ConstraintValidator<NotInFuture, Instant> {

        private final Clock clock;
        private Duration skew = Duration.ofSeconds(DEFAULT_SKEW_SECONDS);

        public InstantValidator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void initialize(NotInFuture annotation) {
            skew = Duration.ofSeconds(annotation.skewSeconds());
        }

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return !Rule.inFuture(value, clock, skew);
        }
    }

    final class LocalDateValidator implements ConstraintValidator<NotInFuture, LocalDate> {

        private final Clock clock;

        public LocalDateValidator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return !Rule.inFuture(value, clock);
        }
    }
}
