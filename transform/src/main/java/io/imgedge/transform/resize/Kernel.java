package io.imgedge.transform.resize;

import io.imgedge.transform.spec.ResizeFilter;

/** The continuous filter functions behind {@link ResizeFilter}, each with its support radius. */
enum Kernel {
  TRIANGLE(1.0) {
    @Override
    double weight(double x) {
      double a = Math.abs(x);
      return a < 1 ? 1 - a : 0;
    }
  },
  /** Catmull-Rom (Keys, a = -0.5): sharp, no blur at the sample points. */
  CATMULL_ROM(2.0) {
    @Override
    double weight(double x) {
      double a = Math.abs(x);
      if (a < 1) {
        return (1.5 * a - 2.5) * a * a + 1;
      }
      if (a < 2) {
        return ((-0.5 * a + 2.5) * a - 4) * a + 2;
      }
      return 0;
    }
  },
  LANCZOS2(2.0) {
    @Override
    double weight(double x) {
      return lanczos(x, 2);
    }
  },
  LANCZOS3(3.0) {
    @Override
    double weight(double x) {
      return lanczos(x, 3);
    }
  };

  private final double support;

  Kernel(double support) {
    this.support = support;
  }

  /** The radius outside which the weight is zero, at scale 1. */
  double support() {
    return support;
  }

  abstract double weight(double x);

  static Kernel of(ResizeFilter filter) {
    return switch (filter) {
      case BILINEAR -> TRIANGLE;
      case BICUBIC -> CATMULL_ROM;
      case LANCZOS2 -> LANCZOS2;
      case LANCZOS3 -> LANCZOS3;
      case NEAREST -> throw new IllegalArgumentException("nearest is sampled, not convolved");
    };
  }

  private static double lanczos(double x, int lobes) {
    if (x == 0) {
      return 1;
    }
    if (Math.abs(x) >= lobes) {
      return 0;
    }
    return sinc(x) * sinc(x / lobes);
  }

  private static double sinc(double x) {
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }
}
