package io.imgedge.shield.origin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses. Tests replace it so that no lookup leaves the machine. */
@FunctionalInterface
public interface AddressResolver {

  /** The system resolver. */
  AddressResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /** Every address the name resolves to. */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
