package org.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  private static boolean internal(String address) throws Exception {
    return AddressGuard.isInternal(InetAddress.getByName(address));
  }

  @Test
  void shouldTreatIpv6AddressesEmbeddingAnInternalIpv4AddressAsInternal() throws Exception {
    assertThat(internal("::127.0.0.1")).as("IPv4-compatible").isTrue();
    assertThat(internal("::10.0.0.1")).isTrue();
    assertThat(internal("64:ff9b::127.0.0.1")).as("NAT64").isTrue();
    assertThat(internal("64:ff9b::a9fe:a9fe")).as("NAT64 to 169.254.169.254").isTrue();
    assertThat(internal("2002:7f00:1::")).as("6to4 of 127.0.0.1").isTrue();
    assertThat(internal("2002:c0a8:0101::1")).as("6to4 of 192.168.1.1").isTrue();
    assertThat(internal("64:ff9b:1::5")).as("local-use NAT64").isTrue();
    assertThat(internal("0.1.2.3")).isTrue();
  }

  @Test
  void shouldLetPublicAddressesThrough() throws Exception {
    assertThat(internal("93.184.216.34")).isFalse();
    assertThat(internal("64:ff9b::5db8:d822")).as("NAT64 of a public address").isFalse();
    assertThat(internal("2002:5db8:d822::1")).as("6to4 of a public address").isFalse();
    assertThat(internal("2606:2800:220:1:248:1893:25c8:1946")).isFalse();
  }

  @Test
  void shouldStillTreatTheUsualRangesAsInternal() throws Exception {
    for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254",
        "100.64.0.1", "::1", "fd00::1", "fe80::1", "0.0.0.0", "::ffff:127.0.0.1"}) {
      assertThat(internal(a)).as(a).isTrue();
    }
  }
}
