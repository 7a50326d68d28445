package dev.integrationsandbox;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * This machine's first non-loopback IPv4 address: a request to it reaches a sandbox bound to
 * 0.0.0.0 from a client that the sandbox sees as remote, as a colleague's browser would be.
 */
public final class RemoteAddress {

  private RemoteAddress() {}

  /** The address, or null where the machine has none (then skip the test). */
  public static String ofThisMachine() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    }
    return null;
  }
}
