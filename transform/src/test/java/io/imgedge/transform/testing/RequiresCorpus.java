package io.imgedge.transform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that reads the shared {@link Corpus}: it is reported as skipped
 * where the corpus is missing, and fails on CI ({@code CI=true}), where the corpus must be there.
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CorpusCondition.class)
public @interface RequiresCorpus {}
