package io.imgedge.transform.spec;

import org.jspecify.annotations.Nullable;

/**
 * Resolves {@code format=auto} and {@code auto=avif|webp} against a client's {@code Accept} header,
 * before the source is known.
 *
 * <ul>
 *   <li>{@code format=auto} wins over {@code auto=}. A client that names AVIF or JPEG XL gets the
 *       target {@link OutputTarget#AUTO} with the formats it accepts, and the format is chosen per
 *       image once the source is known (see {@code OutputFormats}); a client that names only WebP
 *       gets WebP; one that names none gets JPEG (PNG for alpha).
 *   <li>{@code auto=} lists formats in order of preference ({@code auto=avif,webp}): the first the
 *       client accepts, else the {@code format=} target, else the source's format.
 * </ul>
 *
 * <p>Only explicit media types with a non-zero quality count (see {@link AcceptedFormats}). The
 * cache key depends on the outcome only, not on the raw header, so two clients that accept the same
 * formats share one cached copy.
 */
public final class FormatNegotiation {
  private FormatNegotiation() {}

  /**
   * The outcome of negotiation.
   *
   * @param target the output target, part of the cache key
   * @param webpNegotiated WebP may be picked because the client accepts it (so {@code quality}'s
   *     second value applies to it)
   * @param variesOnAccept the response depends on {@code Accept} and must say {@code Vary: Accept}
   * @param accepted the modern formats the client accepts, as far as they matter: all of them for
   *     {@link OutputTarget#AUTO} (the format is chosen among them per image, so they are part of
   *     the key), only WebP for AVIF chosen by negotiation (whether an overloaded node may answer
   *     WebP instead; not part of the key), none otherwise
   */
  public record Negotiated(
      OutputTarget target,
      boolean webpNegotiated,
      boolean variesOnAccept,
      AcceptedFormats accepted) {

    /** Keeps of {@code accepted} only what matters for the target. */
    public Negotiated {
      if (target == OutputTarget.AVIF && variesOnAccept) {
        accepted = new AcceptedFormats(false, false, accepted.webp());
      } else if (target != OutputTarget.AUTO) {
        accepted = AcceptedFormats.NONE;
      }
    }

    /** An outcome that does not depend on which formats the client accepts. */
    public Negotiated(OutputTarget target, boolean webpNegotiated, boolean variesOnAccept) {
      this(target, webpNegotiated, variesOnAccept, AcceptedFormats.NONE);
    }

    /**
     * The key token: the target's, and for {@link OutputTarget#AUTO} the formats to choose among
     * (e.g. {@code auto+avif.webp}).
     */
    public String token() {
      return target == OutputTarget.AUTO && accepted.anyBeyondWebp()
          ? target.token() + "+" + accepted.token()
          : target.token();
    }

    /**
     * Whether AVIF here was chosen by negotiation for a client that also takes WebP: an overloaded
     * node may then answer WebP (cheaper to encode) for a short while.
     */
    public boolean mayYieldToWebp() {
      return (target == OutputTarget.AVIF || accepted.avif()) && accepted.webp();
    }
  }

  /** Chooses the output target for a spec and a client. */
  public static Negotiated negotiate(TransformSpec spec, @Nullable String acceptHeader) {
    AcceptedFormats accepted = AcceptedFormats.of(acceptHeader);
    if (spec.format() == OutputTarget.AUTO) {
      return formatAuto(accepted);
    }
    OutputTarget explicit = spec.format() == null ? OutputTarget.SOURCE : spec.format();
    if (spec.auto().isEmpty()) {
      return new Negotiated(explicit, false, false, accepted);
    }
    for (OutputTarget preferred : spec.auto()) {
      if (accepted.accepts(preferred)) {
        return new Negotiated(preferred, preferred == OutputTarget.WEBP, true, accepted);
      }
    }
    return new Negotiated(explicit, false, true, accepted);
  }

  private static Negotiated formatAuto(AcceptedFormats accepted) {
    if (accepted.anyBeyondWebp()) {
      return new Negotiated(OutputTarget.AUTO, accepted.webp(), true, accepted);
    }
    return accepted.webp()
        ? new Negotiated(OutputTarget.WEBP, true, true, accepted)
        : new Negotiated(OutputTarget.AUTO, false, true, accepted);
  }

  /** Whether an {@code Accept} header lists {@code image/webp} with a quality above zero. */
  public static boolean acceptsWebp(@Nullable String acceptHeader) {
    return AcceptedFormats.of(acceptHeader).webp();
  }
}
