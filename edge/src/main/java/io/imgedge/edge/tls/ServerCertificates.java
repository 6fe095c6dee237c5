package io.imgedge.edge.tls;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/**
 * The public port's certificate and key, read from PEM files and read again when either file
 * changes (its modification time or size, checked every {@code reloadCheck}; a Kubernetes secret's
 * symbolic links are followed). New handshakes use the new pair; connections already open keep
 * theirs. A new pair that cannot be read, or whose key does not match its certificate, is refused
 * with a warning and the pair in use is kept. The first read, at start-up, throws instead.
 */
public final class ServerCertificates implements AutoCloseable {
  private static final Logger LOG = System.getLogger(ServerCertificates.class.getName());

  private final Path certFile;
  private final Path keyFile;
  private final SSLContext context;
  private final ScheduledExecutorService poller;
  private volatile Generation current;
  private volatile @Nullable Generation previous;
  private volatile Stamp seen;
  private final java.util.concurrent.atomic.AtomicLong reloads =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong refusals =
      new java.util.concurrent.atomic.AtomicLong();

  /** One pair in use, under an alias of its own. */
  private record Generation(String alias, CertifiedKey pair, X509ExtendedKeyManager manager) {}

  /** What the files looked like when last read. */
  private record Stamp(long certModified, long certSize, long keyModified, long keySize) {}

  /**
   * Reads the pair and starts watching the files.
   *
   * @throws TlsFileException when either file cannot be used
   */
  public ServerCertificates(Path certFile, Path keyFile, Duration reloadCheck) {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.seen = stamp();
    this.current = generation(1, PemFiles.read(certFile, keyFile));
    try {
      context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new Delegating()}, null, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context", e);
    }
    LOG.log(Level.INFO, "TLS certificate: " + current.pair().describe() + " from " + certFile);
    poller =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tls-reload").daemon(true).factory());
    long every = Math.max(1, reloadCheck.toMillis());
    poller.scheduleWithFixedDelay(this::checkNow, every, every, TimeUnit.MILLISECONDS);
  }

  /** The context whose engines present the current certificate. */
  public SSLContext context() {
    return context;
  }

  /** The certificate new handshakes present. */
  public X509Certificate certificate() {
    return current.pair().certificate();
  }

  /** New pairs taken into use since start-up. */
  public long reloads() {
    return reloads.get();
  }

  /** Changed files whose pair was refused (unreadable, or a key not matching its certificate). */
  public long refusals() {
    return refusals.get();
  }

  /**
   * Reads the files again if they changed since last read; returns whether a new pair is in use.
   * Called by the poller; tests call it to avoid waiting.
   */
  public synchronized boolean checkNow() {
    Stamp now;
    try {
      now = stamp();
    } catch (TlsFileException e) {
      LOG.log(
          Level.WARNING,
          "TLS files not reloaded, the certificate in use is kept: " + e.getMessage());
      return false;
    }
    if (now.equals(seen)) {
      return false;
    }
    seen = now;
    CertifiedKey pair;
    try {
      pair = PemFiles.read(certFile, keyFile);
    } catch (TlsFileException e) {
      refusals.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "TLS files changed but the new pair is refused, the certificate in use is kept: "
              + e.getMessage());
      return false;
    }
    Generation old = current;
    previous = old;
    current = generation(Integer.parseInt(old.alias().substring(1)) + 1, pair);
    reloads.incrementAndGet();
    LOG.log(Level.INFO, "TLS certificate reloaded: " + pair.describe());
    return true;
  }

  private Stamp stamp() {
    return new Stamp(modified(certFile), size(certFile), modified(keyFile), size(keyFile));
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new TlsFileException(file, "cannot be read: " + e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new TlsFileException(file, "cannot be read: " + e);
    }
  }

  private static Generation generation(int number, CertifiedKey pair) {
    String alias = "g" + number;
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = new char[0];
      store.setKeyEntry(alias, pair.key(), password, pair.chain().toArray(new Certificate[0]));
      KeyManagerFactory f = KeyManagerFactory.getInstance("SunX509");
      f.init(store, password);
      return new Generation(alias, pair, (X509ExtendedKeyManager) f.getKeyManagers()[0]);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the key in memory: " + e, e);
    }
  }

  private @Nullable Generation byAlias(@Nullable String alias) {
    Generation c = current;
    if (c.alias().equals(alias)) {
      return c;
    }
    Generation p = previous;
    return p != null && p.alias().equals(alias) ? p : null;
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  /**
   * Hands each handshake the current pair; the alias names its generation, so the chain and the key
   * a handshake asks for next come from the same pair even when a reload happens in between.
   */
  private final class Delegating extends X509ExtendedKeyManager {
    @Override
    public @Nullable String chooseEngineServerAlias(
        String keyType, Principal @Nullable [] issuers, @Nullable SSLEngine engine) {
      return current.manager().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public @Nullable String chooseServerAlias(
        String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
      return current.manager().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate @Nullable [] getCertificateChain(@Nullable String alias) {
      Generation g = byAlias(alias);
      return g == null ? null : g.pair().chain().toArray(new X509Certificate[0]);
    }

    @Override
    public @Nullable PrivateKey getPrivateKey(@Nullable String alias) {
      Generation g = byAlias(alias);
      return g == null ? null : g.pair().key();
    }

    @Override
    public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
      return current.manager().getServerAliases(keyType, issuers);
    }

    @Override
    public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
      return null;
    }

    @Override
    public @Nullable String chooseClientAlias(
        String[] keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
      return null;
    }

    @Override
    public String toString() {
      return "ServerCertificates[" + certFile + ", " + keyFile + "]";
    }
  }

  @Override
  public String toString() {
    return "ServerCertificates[" + Objects.toString(current.alias()) + " " + certFile + "]";
  }

  /** The pair's chain, for tests. */
  List<X509Certificate> chain() {
    return current.pair().chain();
  }
}
