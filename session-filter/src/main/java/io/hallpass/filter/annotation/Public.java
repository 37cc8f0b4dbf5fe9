package io.hallpass.filter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a servlet class, or one of its {@code doGet}/{@code doPost}/... methods, as open to anyone. A rule
 * from {@code web.xml} that also applies must still pass: annotations can narrow access, and {@code @Public}
 * only says the annotation side asks for nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
}
