package io.imgedge.transform.probe;

/**
 * A colour description coded as in ITU-T H.273 (coding-independent code points), as an AVIF carries
 * it in its {@code colr} box of type {@code nclx}: for example 1/13/6 is sRGB with BT.601 YCbCr,
 * 12/13/x Display P3, 9/16/9 BT.2100 PQ.
 *
 * @param primaries colour_primaries (1 BT.709/sRGB, 9 BT.2020, 12 Display P3, 2 unspecified)
 * @param transfer transfer_characteristics (13 sRGB, 16 PQ, 18 HLG, 8 linear, 2 unspecified)
 * @param matrix matrix_coefficients (0 identity/RGB, 1 BT.709, 6 BT.601, 9 BT.2020, 2 unspecified)
 * @param fullRange whether the samples use the full range rather than the limited ("video") range
 */
public record Cicp(int primaries, int transfer, int matrix, boolean fullRange) {}
