package io.imgedge.transform.spec;

import io.imgedge.transform.InvalidParameterException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The H.264 profile and level of {@code format=mp4} ({@code profile=}, {@code level=}), as Fastly
 * documents them: profile {@code baseline}, {@code main} or {@code high}, level 1.0-1.3, 2.0-2.2,
 * ... 6.0-6.2; when either is missing both take their defaults, baseline and 3.0.
 *
 * @param profile the profile
 * @param levelIdc the level times ten, as H.264's {@code level_idc} writes it (30 for 3.0)
 */
public record H264(Profile profile, int levelIdc) {
  /** The levels H.264 defines from 1.0 to 6.2 ({@code level_idc}; 1b is not asked for by name). */
  static final List<Integer> LEVELS =
      List.of(10, 11, 12, 13, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52, 60, 61, 62);

  /** Fastly's default: baseline, level 3.0. */
  public static final H264 DEFAULT = new H264(Profile.BASELINE, 30);

  private static final String LEVEL_ACCEPTS =
      "an H.264 level: 1.0, 1.1, 1.2, 1.3, 2.0-2.2, 3.0-3.2, 4.0-4.2, 5.0-5.2 or 6.0-6.2";

  /** The H.264 profiles Fastly offers. */
  public enum Profile {
    /** Constrained baseline: no B-frames, CAVLC; every decoder plays it. */
    BASELINE,
    /** Main: CABAC. */
    MAIN,
    /** High: CABAC and 8x8 transforms. */
    HIGH;

    /** The lower-case name, as in {@code profile=} and ffmpeg's {@code -profile:v}. */
    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks the level. */
  public H264 {
    if (!LEVELS.contains(levelIdc)) {
      throw new IllegalArgumentException("not an H.264 level: " + levelIdc);
    }
  }

  /** The level as written in {@code level=} and ffmpeg's {@code -level:v}: {@code 3.0}. */
  public String level() {
    return levelIdc / 10 + "." + levelIdc % 10;
  }

  /**
   * Parses {@code profile=} and {@code level=}; a bad value of either is refused even when the
   * other is missing (and both then take their defaults).
   *
   * @param warnings where a lone parameter's being ignored is noted
   * @throws InvalidParameterException if a value is not one Fastly accepts
   */
  static H264 parse(@Nullable String profile, @Nullable String level, List<String> warnings) {
    Profile p = profile == null ? null : profile(profile);
    Integer l = level == null ? null : level(level);
    if (p == null && l == null) {
      return DEFAULT;
    }
    if (p == null || l == null) {
      warnings.add(
          (p == null ? "level" : "profile")
              + " is used only together with "
              + (p == null ? "profile" : "level")
              + "; profile=baseline&level=3.0 was used");
      return DEFAULT;
    }
    return new H264(p, l);
  }

  private static Profile profile(String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "baseline" -> Profile.BASELINE;
      case "main" -> Profile.MAIN;
      case "high" -> Profile.HIGH;
      default -> throw new InvalidParameterException("profile", v, "baseline, main or high");
    };
  }

  private static int level(String v) {
    String t = v.trim();
    if (t.matches("[1-6](\\.[0-3])?")) {
      int idc = (t.charAt(0) - '0') * 10 + (t.length() == 1 ? 0 : t.charAt(2) - '0');
      if (LEVELS.contains(idc)) {
        return idc;
      }
    }
    throw new InvalidParameterException("level", v, LEVEL_ACCEPTS);
  }

  void canonical(java.util.StringJoiner q) {
    if (!equals(DEFAULT)) {
      q.add("profile=" + profile.token());
      q.add("level=" + level());
    }
  }
}
