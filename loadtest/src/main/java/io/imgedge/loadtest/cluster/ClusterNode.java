package io.imgedge.loadtest.cluster;

import java.net.URI;

/**
 * One node of a local cluster as the launcher printed it.
 *
 * @param role {@code edge} or {@code shield}
 * @param index its number within its role, from 0
 * @param url the public URL (edges) or internal URL (shields)
 * @param admin the admin URL ({@code /metrics}, {@code /status}, {@code POST /purge})
 */
public record ClusterNode(String role, int index, URI url, URI admin) {

  /** Whether it is an edge. */
  public boolean isEdge() {
    return role.equals("edge");
  }

  /** A short name, e.g. {@code edge-0}. */
  public String name() {
    return role + "-" + index;
  }
}
