/**
 * Cluster membership (Hazelcast, joined by TCP-IP member list only, never multicast or
 * auto-detection) and key ownership: the owner of a key is the member that owns its Hazelcast
 * partition.
 */
@NullMarked
package io.imgedge.cache.cluster;

import org.jspecify.annotations.NullMarked;
