package io.rapport.insight;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one tunable threshold of a {@link Policy} group: what it means and the values it may
 * take. {@link Policy#thresholds()} reads these so that an admin surface can list every threshold
 * with its description, and {@link Policy#with(String, String)} validates overrides against the
 * range.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Threshold {
  /** What the threshold means, in one sentence for an admin. */
  String value();

  /** Smallest allowed value (inclusive). */
  double min();

  /** Largest allowed value (inclusive). */
  double max();
}
