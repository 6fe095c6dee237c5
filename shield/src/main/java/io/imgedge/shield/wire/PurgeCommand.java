package io.imgedge.shield.wire;

import io.imgedge.shield.SourceId;
import org.jspecify.annotations.Nullable;

/**
 * What to purge: one source (and every derivative of it), every object carrying a surrogate key, or
 * everything. Travels as a short text on cluster topics and as a query between nodes.
 */
public sealed interface PurgeCommand {

  /** The text form: {@code source:<origin>:<path>}, {@code key:<surrogate key>} or {@code all}. */
  String encode();

  /** One source and its derivatives. */
  record Source(SourceId id) implements PurgeCommand {
    @Override
    public String encode() {
      return "source:" + id.key();
    }
  }

  /** Everything carrying a surrogate key. */
  record SurrogateKey(String key) implements PurgeCommand {
    @Override
    public String encode() {
      return "key:" + key;
    }
  }

  /** Everything. */
  record All() implements PurgeCommand {
    @Override
    public String encode() {
      return "all";
    }
  }

  /** Reads the text form, or returns null if it is not one. */
  static @Nullable PurgeCommand decode(String text) {
    if (text.equals("all")) {
      return new All();
    }
    if (text.startsWith("key:") && text.length() > 4) {
      return new SurrogateKey(text.substring(4));
    }
    if (text.startsWith("source:")) {
      String rest = text.substring(7);
      int colon = rest.indexOf(':');
      if (colon > 0 && colon < rest.length() - 1) {
        return new Source(new SourceId(rest.substring(0, colon), rest.substring(colon + 1)));
      }
    }
    return null;
  }
}
