/*
 * Prints the libavif 0.11 struct offsets LibAvif.java uses, to re-check them against the
 * installed header (the build does not compile this):
 *   cc -o /tmp/avif_offsets avif_offsets.c && /tmp/avif_offsets | diff - avif_offsets.expected
 * Compare the output with avif_offsets.expected beside this file.
 */
#include <avif/avif.h>
#include <stddef.h>
#include <stdio.h>

#define F(type, field) printf("%s.%s %zu\n", #type, #field, offsetof(type, field))
#define S(type) printf("sizeof(%s) %zu\n", #type, sizeof(type))

int main(void) {
    printf("AVIF_VERSION %d\n", AVIF_VERSION);
    S(avifRWData);
    F(avifRWData, data);
    F(avifRWData, size);

    S(avifImage);
    F(avifImage, width);
    F(avifImage, height);
    F(avifImage, depth);
    F(avifImage, yuvFormat);
    F(avifImage, yuvRange);
    F(avifImage, alphaPlane);
    F(avifImage, alphaPremultiplied);
    F(avifImage, icc);
    F(avifImage, colorPrimaries);
    F(avifImage, transferCharacteristics);
    F(avifImage, matrixCoefficients);
    F(avifImage, transformFlags);
    F(avifImage, irot);
    F(avifImage, irot.angle);
    F(avifImage, imir);
    F(avifImage, imir.mode);
    F(avifImage, exif);
    F(avifImage, xmp);

    S(avifRGBImage);
    F(avifRGBImage, width);
    F(avifRGBImage, height);
    F(avifRGBImage, depth);
    F(avifRGBImage, format);
    F(avifRGBImage, chromaUpsampling);
    F(avifRGBImage, chromaDownsampling);
    F(avifRGBImage, avoidLibYUV);
    F(avifRGBImage, ignoreAlpha);
    F(avifRGBImage, alphaPremultiplied);
    F(avifRGBImage, isFloat);
    F(avifRGBImage, pixels);
    F(avifRGBImage, rowBytes);

    S(avifEncoder);
    F(avifEncoder, codecChoice);
    F(avifEncoder, maxThreads);
    F(avifEncoder, speed);
    F(avifEncoder, minQuantizer);
    F(avifEncoder, maxQuantizer);
    F(avifEncoder, minQuantizerAlpha);
    F(avifEncoder, maxQuantizerAlpha);
    F(avifEncoder, diag);

    S(avifDecoder);
    F(avifDecoder, codecChoice);
    F(avifDecoder, maxThreads);
    F(avifDecoder, ignoreExif);
    F(avifDecoder, ignoreXMP);
    F(avifDecoder, imageSizeLimit);
    F(avifDecoder, imageDimensionLimit);
    F(avifDecoder, imageCountLimit);
    F(avifDecoder, strictFlags);
    F(avifDecoder, image);
    F(avifDecoder, imageCount);
    F(avifDecoder, alphaPresent);
    F(avifDecoder, diag);
    printf("sizeof(avifDiagnostics) %zu\n", sizeof(avifDiagnostics));
    printf("sizeof(avifColorPrimaries) %zu\n", sizeof(avifColorPrimaries));
    printf("sizeof(avifBool) %zu\n", sizeof(avifBool));
    printf("sizeof(enum avifRGBFormat) %zu\n", sizeof(avifRGBFormat));
    return 0;
}
