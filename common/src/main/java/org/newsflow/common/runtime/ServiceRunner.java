package org.newsflow.common.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in order and closes them in reverse order, once, on {@link #close()} or on SIGTERM/Ctrl-C.
 * If a service fails to start, the ones already started are closed and the failure is rethrown.
 */
public final class ServiceRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  private final List<Service> started = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<Runnable> afterClose = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Starts one service after those already started. */
  public synchronized void start(Service service) throws Exception {
    if (closed.get()) {
      throw new IllegalStateException("runner already closed");
    }
    long t0 = System.nanoTime();
    try {
      service.start();
    } catch (Exception | Error e) {
      LOG.error("{} failed to start: {}", service.name(), e.getMessage());
      service.close();
      close();
      throw e;
    }
    started.add(service);
    LOG.info("{} started in {} ms", service.name(), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Starts independent services at the same time (e.g. embedded servers); if any fails, the others are closed
   * along with everything started before, and the first failure is thrown.
   */
  public void startTogether(List<Service> services) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Service> ok = java.util.Collections.synchronizedList(new ArrayList<>());
    for (Service s : services) {
      threads.add(Thread.ofPlatform().name("start-" + s.name()).start(() -> {
        long t0 = System.nanoTime();
        try {
          s.start();
          ok.add(s);
          LOG.info("{} started in {} ms", s.name(), (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
          LOG.error("{} failed to start: {}", s.name(), e.getMessage());
          failures.add(e);
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    synchronized (this) {
      for (Service s : services) {
        if (ok.contains(s)) {
          started.add(s);
        }
      }
    }
    if (!failures.isEmpty()) {
      close();
      throw failures.getFirst();
    }
  }

  /** The started services, in start order. */
  public synchronized List<Service> services() {
    return List.copyOf(started);
  }

  /**
   * Closes everything on SIGTERM or Ctrl-C (SIGINT), and on any other JVM shutdown.
   *
   * <p>The two signals get handlers of their own rather than only a shutdown hook: a signal that reaches the JVM's
   * default handler ends the process with status 143 or 130 even after a clean stop, and ops tooling (systemd,
   * Kubernetes, CI) reads that as a failure. With these handlers the services are closed on a separate thread,
   * {@link #awaitShutdown()} returns and the command exits 0. A second signal while closing halts at once.
   */
  public void closeOnShutdown() {
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("newsflow-shutdown").unstarted(this::close));
    for (String name : List.of("TERM", "INT")) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> onSignal(signal.getName()));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        LOG.debug("cannot handle SIG{} here ({}); the shutdown hook still closes the services", name, e.toString());
      }
    }
  }

  private void onSignal(String name) {
    if (closed.get()) {
      LOG.warn("SIG{} again while stopping: halting now", name);
      Runtime.getRuntime().halt(130);
    }
    LOG.info("SIG{} received: stopping", name);
    Thread.ofPlatform().name("newsflow-stop").start(this::close);
  }

  /** Runs an action once every service is closed (on the closing thread, which may be the shutdown hook). */
  public void afterClose(Runnable action) {
    afterClose.add(action);
  }

  /** Blocks until {@link #close()} has completed. */
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<Service> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(started);
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      Service s = toClose.get(i);
      try {
        LOG.info("stopping {}", s.name());
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("{} did not stop cleanly: {}", s.name(), e.toString());
      }
    }
    afterClose.forEach(Runnable::run);
    stopped.countDown();
  }
}
