package org.newsflow.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into addresses; the system resolver in production, a fixed or scripted one in tests. */
@FunctionalInterface
public interface HostResolver {

  /** The operating system's resolver. */
  HostResolver SYSTEM = InetAddress::getAllByName;

  /** Every address of a host (an address literal gives itself). */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
