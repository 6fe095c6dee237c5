package io.imgedge.cache.disk;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A disk tier at a glance, for {@code /status}.
 *
 * @param tier the tier's name ({@code source}, {@code shield}, {@code edge})
 * @param state {@code loading} (the index is being rebuilt from the files; the tier serves
 *     meanwhile), {@code on}, or {@code off} (after a fault; see {@code reason})
 * @param reason why it is off, or null
 * @param loadProgress how much of the index is rebuilt, 0 to 1
 * @param loadTime how long rebuilding the index took, or null while it runs
 * @param objects objects held
 * @param bytes bytes their files take (in whole blocks)
 * @param maxBytes the most it holds now (its share, or less after the disk filled)
 * @param pendingWrites objects waiting to be written
 */
public record DiskStatus(
    String tier,
    String state,
    @Nullable String reason,
    double loadProgress,
    @Nullable Duration loadTime,
    long objects,
    long bytes,
    long maxBytes,
    int pendingWrites) {}
