package io.imgedge.transform.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rights fields of a JPEG ({@code metadata=copyright}): EXIF Artist and Copyright, the XMP
 * properties dc:creator, dc:rights, photoshop:Credit, xmpRights:UsageTerms, xmpRights:WebStatement
 * and plus:Licensor, and the IPTC datasets By-line, Credit, Source and Copyright Notice. Read from
 * a source's segments, written as fresh minimal segments into an encoded JPEG; nothing else (GPS,
 * camera, thumbnails) is carried over.
 *
 * @param exif EXIF IFD0 tag to ASCII value (0x013B Artist, 0x8298 Copyright)
 * @param xmpProperties the XMP property elements, as XML text
 * @param iptc IPTC record-2 dataset number to raw value
 */
public record CopyrightMetadata(
    Map<Integer, byte[]> exif, List<String> xmpProperties, Map<Integer, byte[]> iptc) {
  static final int ARTIST = 0x013B;
  static final int COPYRIGHT = 0x8298;
  static final List<Integer> IPTC_KEPT = List.of(80, 110, 115, 116);

  private static final String XMP_ID = "http://ns.adobe.com/xap/1.0/\0";
  private static final Pattern XMP_PROPERTY =
      Pattern.compile(
          "<(dc:creator|dc:rights|photoshop:Credit|xmpRights:UsageTerms|xmpRights:WebStatement|plus:Licensor)\\b[^>]*?(?:/>|>.*?</\\1>)",
          Pattern.DOTALL);

  /** Copies the collections. */
  public CopyrightMetadata {
    exif = Map.copyOf(exif);
    xmpProperties = List.copyOf(xmpProperties);
    iptc = Map.copyOf(iptc);
  }

  /** Whether there is nothing to keep. */
  public boolean isEmpty() {
    return exif.isEmpty() && xmpProperties.isEmpty() && iptc.isEmpty();
  }

  /** Reads the rights fields of a JPEG; an unreadable segment is skipped. */
  public static CopyrightMetadata read(byte[] jpeg) {
    Map<Integer, byte[]> exif = new LinkedHashMap<>();
    List<String> xmp = new ArrayList<>();
    Map<Integer, byte[]> iptc = new LinkedHashMap<>();
    for (Segments.Segment s : Segments.of(jpeg)) {
      try {
        if (s.marker() == 0xE1 && s.startsWith("Exif\0\0")) {
          Exif.readAscii(jpeg, s.start() + 6, s.end(), List.of(ARTIST, COPYRIGHT), exif);
        } else if (s.marker() == 0xE1 && s.startsWith(XMP_ID)) {
          Matcher m = XMP_PROPERTY.matcher(s.text(XMP_ID.length()));
          while (m.find()) {
            xmp.add(m.group());
          }
        } else if (s.marker() == 0xED && s.startsWith("Photoshop 3.0\0")) {
          Iptc.read(jpeg, s.start() + 14, s.end(), IPTC_KEPT, iptc);
        }
      } catch (RuntimeException e) {
        // a malformed metadata segment: keep what could be read
      }
    }
    return new CopyrightMetadata(exif, xmp, iptc);
  }

  /** A copy of an encoded JPEG with these fields as new segments after SOI (and JFIF APP0). */
  public byte[] writeInto(byte[] jpeg) {
    if (isEmpty()) {
      return jpeg;
    }
    int at = 2;
    List<Segments.Segment> segments = Segments.of(jpeg);
    if (!segments.isEmpty() && segments.get(0).marker() == 0xE0) {
      at = segments.get(0).end();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
    out.write(jpeg, 0, at);
    if (!exif.isEmpty()) {
      segment(out, 0xE1, Exif.write(exif));
    }
    if (!xmpProperties.isEmpty()) {
      segment(out, 0xE1, (XMP_ID + xmpPacket()).getBytes(StandardCharsets.UTF_8));
    }
    if (!iptc.isEmpty()) {
      segment(out, 0xED, Iptc.write(iptc));
    }
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }

  private String xmpPacket() {
    return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""
        + " xmlns:xmpRights=\"http://ns.adobe.com/xap/1.0/rights/\""
        + " xmlns:plus=\"http://ns.useplus.org/ldf/xmp/1.0/\">"
        + String.join("", xmpProperties)
        + "</rdf:Description></rdf:RDF></x:xmpmeta>";
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
    if (payload.length + 2 > 0xFFFF) {
      return; // too large for one segment: dropped rather than split
    }
    out.write(0xFF);
    out.write(marker);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xFF);
    out.writeBytes(payload);
  }

  /** The value of an EXIF ASCII field without its terminating NUL, or null. */
  public @Nullable String exifText(int tag) {
    byte[] v = exif.get(tag);
    if (v == null) {
      return null;
    }
    int n = v.length;
    while (n > 0 && v[n - 1] == 0) {
      n--;
    }
    return new String(v, 0, n, StandardCharsets.ISO_8859_1);
  }

  static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }
}
