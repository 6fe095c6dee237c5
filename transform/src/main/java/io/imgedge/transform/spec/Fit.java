package io.imgedge.transform.spec;

/** How the image is fitted when both width and height are given ({@code fit=}). */
public enum Fit {
  /** Fit inside the box; one side may be smaller. */
  BOUNDS,
  /** Cover the box; one side may be larger. */
  COVER,
  /** Cover the box, then crop the overflow equally from both sides. */
  CROP
}
