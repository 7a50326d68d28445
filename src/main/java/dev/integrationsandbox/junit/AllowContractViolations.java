package dev.integrationsandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test method or class: requests that break a vendor's contract do not fail the test. For
 * tests that send bad requests on purpose, to see how the code under test copes with the vendor's
 * refusal.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowContractViolations {

  /** Why the test breaks the contract, for the reader. */
  String value() default "";
}
