package io.imgedge.loadtest.peers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkTest {

  @Test
  void parse_readsThroughputLatencyPercentilesAndErrors() {
    Wrk.Result r =
        Wrk.parse(
            """
        Running 5s test @ http://127.0.0.1:18090/d.jpg
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     3.97ms   11.57ms 194.27ms   96.51%
          Latency Distribution
             50%  850.00us
             75%    1.53ms
             90%    4.12ms
             99%    1.20s
          116070 requests in 5.00s, 7.36GB read
          Socket errors: connect 0, read 2, write 0, timeout 3
          Non-2xx or 3xx responses: 4
        Requests/sec:  23214.11
        Transfer/sec:      1.47GB
        """);
    assertThat(r.requestsPerSecond()).isEqualTo(23214.11);
    assertThat(r.p50()).isEqualTo(0.85);
    assertThat(r.p99()).isEqualTo(1200);
    assertThat(r.errors()).isEqualTo(9);
  }
}
