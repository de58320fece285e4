package org.newsflow.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class run in a JVM of its own on this JVM's class path, its output in a file, so that a test can kill it
 * for real ({@link #kill()} is SIGKILL: no shutdown hook, no graceful close) and report what it printed.
 */
public final class JavaProcess {

  private final String name;
  private final Process process;
  private final Path log;

  private JavaProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} with {@code args}, a heap of at most {@code maxHeapMb}, output (stdout and stderr) to
   * a new file in {@code dir}.
   */
  public static JavaProcess start(String name, Path dir, int maxHeapMb, String mainClass, List<String> args)
      throws IOException {
    return start(name, dir, List.of("-Xmx" + maxHeapMb + "m", "-XX:+UseSerialGC"), mainClass, args);
  }

  /**
   * Starts {@code mainClass} with {@code args} and the given JVM options (heap, collector, system properties),
   * output (stdout and stderr) to a new file in {@code dir}.
   */
  public static JavaProcess start(String name, Path dir, List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.createDirectories(dir);
    Path log = Files.createTempFile(dir, name + "-", ".log");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new JavaProcess(name, p, log);
  }

  /** The name given at start. */
  public String name() {
    return name;
  }

  /** The operating system's handle of the process (pid, CPU time). */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }

  /** Waits until the process has printed {@code text}; fails with its output if it exits or times out first. */
  public void awaitOutput(String text, Duration max) throws InterruptedException {
    Await.until(name + " to print '" + text + "'", max, () -> {
      if (output().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited before printing '" + text + "': " + describe());
      }
      return false;
    }, this::describe);
  }

  /** Kills the process with SIGKILL and waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** The process's state and the end of its output, for failure messages. */
  public String describe() {
    String out = output();
    return name + " " + (process.isAlive() ? "alive" : "exited " + process.exitValue()) + ", output:\n"
        + (out.length() > 6000 ? "..." + out.substring(out.length() - 6000) : out);
  }
}
