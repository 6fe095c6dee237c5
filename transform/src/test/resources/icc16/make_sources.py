#!/usr/bin/env python3
"""Writes the 16-bit sources of this folder (see NOTICE.md): PNGs with a linear-light ICC profile,
made from formulas with the standard library only (zlib, struct), so that they are the project's own.

  python3 make_sources.py      # writes linear-rgb16.png, linear-gray16.png, prophoto-para.icc

The profiles are minimal ICC v2.1 display profiles written below: "linear Rec.709" (the sRGB
primaries adapted to D50 with Bradford, as in the sRGB profile, and a tone curve of gamma 1.0) and
"linear gray" (gamma 1.0 gray). The pictures are smooth ramps in dark tones, where 8 bits of linear
light are coarsest once encoded as sRGB (linear 1/255 is already sRGB 13/255).
"""
import math
import struct
import zlib


def s15(v):
    return struct.pack('>i', int(round(v * 65536)))


def xyz(x, y, z):
    return b'XYZ ' + b'\0' * 4 + s15(x) + s15(y) + s15(z)


def desc(text):
    ascii_ = text.encode('ascii') + b'\0'
    # textDescriptionType: ASCII, then empty Unicode and ScriptCode parts (67 bytes of the latter).
    return (b'desc' + b'\0' * 4 + struct.pack('>I', len(ascii_)) + ascii_
            + struct.pack('>II', 0, 0) + struct.pack('>HB', 0, 0) + b'\0' * 67)


def text(t):
    return b'text' + b'\0' * 4 + t.encode('ascii') + b'\0'


def gamma_curve(g):
    return b'curv' + b'\0' * 4 + struct.pack('>IH', 1, int(round(g * 256))) + b'\0' * 2


def profile(space, tags):
    """An ICC v2.1 monitor profile with the XYZ PCS; identical tag data is stored once."""
    table = []
    blobs = []
    offset = 128 + 4 + 12 * len(tags)
    placed = {}
    for sig, data in tags:
        if data not in placed:
            placed[data] = offset
            padded = data + b'\0' * (-len(data) % 4)
            blobs.append(padded)
            offset += len(padded)
        table.append(struct.pack('>4sII', sig, placed[data], len(data)))
    body = struct.pack('>I', len(tags)) + b''.join(table) + b''.join(blobs)
    size = 128 + len(body)
    header = (struct.pack('>I', size) + b'\0' * 4 + struct.pack('>I', 0x02100000) + b'mntr'
              + space + b'XYZ ' + struct.pack('>6H', 2024, 1, 1, 0, 0, 0) + b'acsp' + b'\0' * 4
              + struct.pack('>I', 0) + b'\0' * 8 + b'\0' * 8 + struct.pack('>I', 0)
              + s15(0.9642) + s15(1.0) + s15(0.8249) + b'\0' * 4)
    header += b'\0' * (128 - len(header))
    return header + body


COPYRIGHT = text('No copyright: made by the imgedge project for its tests')
D50 = xyz(0.9642, 1.0, 0.8249)
LINEAR = gamma_curve(1.0)
LINEAR_RGB = profile(b'RGB ', [
    (b'desc', desc('imgedge test: linear Rec.709 primaries, gamma 1.0')),
    (b'cprt', COPYRIGHT),
    (b'wtpt', D50),
    (b'rXYZ', xyz(0.4360747, 0.2225045, 0.0139322)),
    (b'gXYZ', xyz(0.3850649, 0.7168786, 0.0971045)),
    (b'bXYZ', xyz(0.1430804, 0.0606169, 0.7141733)),
    (b'rTRC', LINEAR), (b'gTRC', LINEAR), (b'bTRC', LINEAR),
])
LINEAR_GRAY = profile(b'GRAY', [
    (b'desc', desc('imgedge test: linear gray, gamma 1.0')),
    (b'cprt', COPYRIGHT),
    (b'wtpt', D50),
    (b'kTRC', LINEAR),
])


def para_srgb_curve():
    """A 'para' curve of function type 3 with the sRGB curve's parameters."""
    params = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045]
    return b'para' + b'\0' * 4 + struct.pack('>HH', 3, 0) + b''.join(s15(p) for p in params)


# ProPhoto (ROMM) primaries with the sRGB tone curve as a parametric curve: a wide gamut, and the
# curve type of most ICC v4 profiles, for the tests of the floating-point conversion.
PROPHOTO_PARA = profile(b'RGB ', [
    (b'desc', desc('imgedge test: ProPhoto primaries, parametric sRGB curve')),
    (b'cprt', COPYRIGHT),
    (b'wtpt', D50),
    (b'rXYZ', xyz(0.7976749, 0.2880402, 0.0)),
    (b'gXYZ', xyz(0.1351917, 0.7118741, 0.0)),
    (b'bXYZ', xyz(0.0313534, 0.0000857, 0.8252100)),
    (b'rTRC', para_srgb_curve()), (b'gTRC', para_srgb_curve()), (b'bTRC', para_srgb_curve()),
])


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))


def png16(path, width, height, channels, pixel, icc, name):
    """A 16-bit PNG (colour type 2 for 3 channels, 0 for 1) with an iCCP chunk; Sub filter rows."""
    step = 2 * channels
    raw = bytearray()
    for y in range(height):
        row = bytearray()
        for x in range(width):
            for v in pixel(x, y):
                row += struct.pack('>H', max(0, min(65535, int(round(v * 65535)))))
        filtered = bytearray(row[:step])
        filtered += bytes((row[i] - row[i - step]) & 0xFF for i in range(step, len(row)))
        raw += b'\1' + filtered
    colour_type = 2 if channels == 3 else 0
    ihdr = struct.pack('>IIBBBBB', width, height, 16, colour_type, 0, 0, 0)
    iccp = name + b'\0\0' + zlib.compress(icc, 9)
    data = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'iCCP', iccp)
            + chunk(b'IDAT', zlib.compress(bytes(raw), 9)) + chunk(b'IEND', b''))
    with open(path, 'wb') as f:
        f.write(data)


def dark_rgb(x, y):
    """Eight bands of 8 rows, 256 columns: ramps of linear light from 0 to at most 1/16 (sRGB ~70)."""
    t = x / 255.0
    band = y // 8
    u = (y % 8) / 7.0
    top = 1 / 16.0
    if band == 0:
        return (t * top,) * 3                                   # neutral ramp
    if band == 1:
        return (t * top, 0.002, 0.002)                          # red ramp on near black
    if band == 2:
        return (0.002, t * top, 0.002)
    if band == 3:
        return (0.002, 0.002, t * top)
    if band == 4:
        return (t * top, u * top, (1 - t) * top / 2)            # a 2-D colour field
    if band == 5:
        return (t * top / 8,) * 3                               # very dark: linear 0 to 1/128
    if band == 6:
        return (t * t * top, t * top * 0.6, t * top * 0.3)      # warm shadows
    w = 0.5 + 0.5 * math.sin(2 * math.pi * (t * 3 + u / 4))
    return (w * top * 0.7, w * top, w * top * 0.5)              # soft waves


def dark_gray(x, y):
    """Four bands of 8 rows: ramps of linear light to 1/16, 1/64, 1/256, and a wave."""
    t = x / 255.0
    band = y // 8
    if band < 3:
        return (t / (16.0 * 4 ** band),)
    return ((0.5 + 0.5 * math.sin(2 * math.pi * t * 2)) / 16.0,)


if __name__ == '__main__':
    png16('linear-rgb16.png', 256, 64, 3, dark_rgb, LINEAR_RGB, b'linear Rec.709')
    png16('linear-gray16.png', 256, 32, 1, dark_gray, LINEAR_GRAY, b'linear gray')
    with open('prophoto-para.icc', 'wb') as f:
        f.write(PROPHOTO_PARA)
