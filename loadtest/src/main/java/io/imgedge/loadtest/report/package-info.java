/**
 * Load reports: Gatling's statistics, the scenario and side-by-side reports in Markdown, and PNG
 * bar charts drawn with java.awt.
 */
@NullMarked
package io.imgedge.loadtest.report;

import org.jspecify.annotations.NullMarked;
