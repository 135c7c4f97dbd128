package io.cdkj.localaws;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A barrier in a {@link LatencyProxy}: each matching request waits until {@code parties} matching
 * requests are waiting together, so {@link #opened()} proves that many were in flight at the same
 * time — sequential callers would never open it. Once open, it lets every later request straight through. A request that waits longer than the timeout goes on
 * (nothing hangs), and the gate stays closed.
 *
 * <p>Thread-safe.
 */
public final class ProxyGate {

  private final String service;
  private final String operation;
  private final int parties;
  private final Duration timeout;
  private int arrived;
  private int waiting;
  private boolean opened;

  ProxyGate(String service, String operation, int parties, Duration timeout) {
    this.service = Objects.requireNonNull(service, "service");
    this.operation = Objects.requireNonNull(operation, "operation");
    if (parties < 1) {
      throw new IllegalArgumentException("parties must be at least 1, got " + parties);
    }
    this.parties = parties;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** True once {@code parties} matching requests were waiting here together. */
  public synchronized boolean opened() {
    return opened;
  }

  /** How many matching requests have arrived so far. */
  public synchronized int arrived() {
    return arrived;
  }

  /** Lets {@code call} through, after holding it if it matches and the gate is still closed. */
  void pass(AwsCall call) throws InterruptedException {
    if (!call.service().equalsIgnoreCase(service) || !call.operation().equals(operation)) {
      return;
    }
    synchronized (this) {
      arrived++;
      waiting++;
      if (waiting >= parties) {
        opened = true;
        notifyAll();
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        for (long left = timeout.toNanos(); !opened && left > 0; left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } finally {
        waiting--;
      }
    }
  }

  @Override
  public String toString() {
    return "ProxyGate[" + service + "/" + operation + ", " + arrived() + " arrived, "
        + (opened() ? "opened" : "closed") + "]";
  }
}
