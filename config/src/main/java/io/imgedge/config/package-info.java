/**
 * Typed, validated configuration for an imgedge node.
 *
 * <p>One YAML file describes a node; environment variables ({@code IMGEDGE_<KEY>}) override its
 * scalar keys and command-line flags override both. {@link io.imgedge.config.ConfigLoader} reads
 * the three sources and produces one immutable {@link io.imgedge.config.ImgedgeConfig}, a record
 * per concern. Every invalid value fails at start-up with a {@link
 * io.imgedge.config.ConfigException} that names the key, the value, where it came from and the
 * accepted form.
 */
@NullMarked
package io.imgedge.config;

import org.jspecify.annotations.NullMarked;
