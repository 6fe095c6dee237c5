package io.imgedge.edge.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a certificate chain and a private key from PEM files with the JDK alone. Keys may be PKCS#8
 * ({@code BEGIN PRIVATE KEY}: RSA, RSASSA-PSS, EC, Ed25519, Ed448), PKCS#1 ({@code BEGIN RSA
 * PRIVATE KEY}) or SEC 1 ({@code BEGIN EC PRIVATE KEY}, with its curve named); encrypted keys are
 * refused with what to do instead. Every failure is a {@link TlsFileException} naming the file.
 */
public final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final byte[] RSA_OID = {
    0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01
  };
  private static final byte[] EC_OID = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 2, 1
  };

  private PemFiles() {}

  /** Reads both files and checks that the key belongs to the chain's first certificate. */
  public static CertifiedKey read(Path certFile, Path keyFile) {
    List<X509Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    try {
      return new CertifiedKey(chain, key);
    } catch (IllegalArgumentException e) {
      throw new TlsFileException(keyFile, e.getMessage() + " in " + certFile);
    }
  }

  /** The certificates of a PEM file, in their order. */
  public static List<X509Certificate> certificates(Path file) {
    List<Block> blocks = blocks(file);
    List<X509Certificate> chain = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
    for (Block b : blocks) {
      if (!b.type().equals("CERTIFICATE")) {
        continue;
      }
      try {
        chain.add(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der(file))));
      } catch (CertificateException e) {
        throw new TlsFileException(
            file, "certificate " + (chain.size() + 1) + " is not valid X.509: " + e.getMessage());
      }
    }
    if (chain.isEmpty()) {
      throw new TlsFileException(
          file,
          "no '-----BEGIN CERTIFICATE-----' block"
              + (blocks.isEmpty() ? " (not a PEM file)" : " (found " + types(blocks) + ")"));
    }
    return chain;
  }

  /** The one private key of a PEM file. */
  public static PrivateKey privateKey(Path file) {
    List<Block> blocks = blocks(file);
    List<Block> keys = blocks.stream().filter(b -> b.type().endsWith("PRIVATE KEY")).toList();
    if (keys.size() != 1) {
      throw new TlsFileException(
          file,
          keys.isEmpty()
              ? "no private key block"
                  + (blocks.isEmpty() ? " (not a PEM file)" : " (found " + types(blocks) + ")")
              : "more than one private key");
    }
    Block b = keys.getFirst();
    if (b.type().equals("ENCRYPTED PRIVATE KEY") || b.body().contains("ENCRYPTED")) {
      throw new TlsFileException(
          file,
          "the key is encrypted; give an unencrypted key (e.g. openssl pkey -in KEY -out PLAIN)");
    }
    byte[] der = b.der(file);
    return switch (b.type()) {
      case "PRIVATE KEY" -> pkcs8(file, der);
      case "RSA PRIVATE KEY" -> decode(file, "RSA", wrap(RSA_OID, new byte[] {0x05, 0x00}, der));
      case "EC PRIVATE KEY" -> decode(file, "EC", wrap(EC_OID, curveOf(file, der), der));
      default -> throw new TlsFileException(file, "unsupported key type '" + b.type() + "'");
    };
  }

  private static PrivateKey pkcs8(Path file, byte[] der) {
    for (String algorithm : List.of("RSA", "EC", "RSASSA-PSS", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        // try the next algorithm
      }
    }
    throw new TlsFileException(
        file, "the PKCS#8 key is not an RSA, RSASSA-PSS, EC, Ed25519 or Ed448 key the JDK reads");
  }

  private static PrivateKey decode(Path file, String algorithm, byte[] pkcs8) {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new TlsFileException(
          file, "the " + algorithm + " key cannot be read: " + e.getMessage());
    }
  }

  /** PKCS#8: SEQUENCE { INTEGER 0, SEQUENCE { algorithm OID, parameters }, OCTET STRING key }. */
  private static byte[] wrap(byte[] oid, byte[] parameters, byte[] key) {
    byte[] algorithm = Der.tlv(0x30, Der.concat(oid, parameters));
    return Der.tlv(0x30, Der.concat(new byte[] {0x02, 0x01, 0x00}, algorithm, Der.tlv(0x04, key)));
  }

  /** SEC 1: SEQUENCE { INTEGER 1, OCTET STRING, [0] curve OID, [1] public key }: the curve. */
  private static byte[] curveOf(Path file, byte[] sec1) {
    try {
      Der outer = new Der(sec1);
      Der seq = outer.next(0x30).contents();
      seq.next(0x02);
      seq.next(0x04);
      while (seq.hasMore()) {
        Der.Item item = seq.nextAny();
        if (item.tag() == 0xa0) {
          Der.Item oid = item.contents().next(0x06);
          return oid.encoded();
        }
      }
    } catch (IllegalArgumentException e) {
      throw new TlsFileException(file, "the EC key is not valid SEC 1 DER: " + e.getMessage());
    }
    throw new TlsFileException(
        file, "the EC key does not name its curve; convert it with openssl pkcs8 -topk8 -nocrypt");
  }

  private static String types(List<Block> blocks) {
    return String.join(", ", blocks.stream().map(Block::type).distinct().toList());
  }

  private static List<Block> blocks(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new TlsFileException(file, "cannot be read: " + e);
    }
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2)));
    }
    return blocks;
  }

  /** One PEM block: its label and its body (optional headers, then base64). */
  private record Block(String type, String body) {
    byte[] der(Path file) {
      StringBuilder base64 = new StringBuilder();
      for (String line : body.split("\\R")) {
        if (!line.contains(":")) {
          base64.append(line.strip());
        }
      }
      try {
        return Base64.getDecoder().decode(base64.toString());
      } catch (IllegalArgumentException e) {
        throw new TlsFileException(
            file, "the " + type + " block is not valid base64: " + e.getMessage());
      }
    }
  }

  /** Just enough DER to unwrap and wrap keys. */
  static final class Der {
    private final byte[] bytes;
    private int at;
    private final int end;

    Der(byte[] bytes) {
      this(bytes, 0, bytes.length);
    }

    private Der(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.at = from;
      this.end = to;
    }

    /** One element: its tag, where its contents are, and the whole encoding. */
    record Item(int tag, byte[] bytes, int start, int contentStart, int contentEnd) {
      Der contents() {
        return new Der(bytes, contentStart, contentEnd);
      }

      byte[] encoded() {
        return java.util.Arrays.copyOfRange(bytes, start, contentEnd);
      }
    }

    boolean hasMore() {
      return at < end;
    }

    Item next(int tag) {
      Item item = nextAny();
      if (item.tag() != tag) {
        throw new IllegalArgumentException(
            "expected tag 0x%02x, found 0x%02x".formatted(tag, item.tag()));
      }
      return item;
    }

    Item nextAny() {
      int start = at;
      if (end - at < 2) {
        throw new IllegalArgumentException("truncated");
      }
      int tag = bytes[at++] & 0xff;
      int length = bytes[at++] & 0xff;
      if (length > 0x80) {
        int n = length - 0x80;
        if (n > 3 || end - at < n) {
          throw new IllegalArgumentException("bad length");
        }
        length = 0;
        for (int i = 0; i < n; i++) {
          length = (length << 8) | (bytes[at++] & 0xff);
        }
      } else if (length == 0x80) {
        throw new IllegalArgumentException("indefinite length");
      }
      if (length > end - at) {
        throw new IllegalArgumentException("truncated");
      }
      Item item = new Item(tag, bytes, start, at, at + length);
      at += length;
      return item;
    }

    static byte[] tlv(int tag, byte[] contents) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length + 6);
      out.write(tag);
      int n = contents.length;
      if (n < 0x80) {
        out.write(n);
      } else if (n < 0x100) {
        out.write(0x81);
        out.write(n);
      } else if (n < 0x10000) {
        out.write(0x82);
        out.write(n >> 8);
        out.write(n);
      } else {
        out.write(0x83);
        out.write(n >> 16);
        out.write(n >> 8);
        out.write(n);
      }
      out.writeBytes(contents);
      return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] p : parts) {
        out.writeBytes(p);
      }
      return out.toByteArray();
    }
  }
}
