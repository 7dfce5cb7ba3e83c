package com.shopdesk.aftersales.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What the figures were measured on, and what this JVM used. */
final class Machine {
  private Machine() {}

  static String describe(String databaseVersion) {
    return "%d cores, %s RAM, %s %s (%s), %s".formatted(Runtime.getRuntime().availableProcessors(),
        procKib("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("? GiB"), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        databaseVersion);
  }

  /** The peak resident set of this JVM (the app and the benchmark's clients), its heap limit and peak heap use. */
  record Memory(long peakResidentMib, long maxHeapMib, long peakHeapUsedMib) {
    @Override
    public String toString() {
      return "peak resident set (VmHWM) %,d MiB, max heap %,d MiB, peak heap used %,d MiB (sampled every second)"
          .formatted(peakResidentMib, maxHeapMib, peakHeapUsedMib);
    }
  }

  /** Samples the heap in use every second, on a daemon thread, from its start until {@link #memory()}. */
  static final class HeapWatch {
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "benchmark-heap-watch");
      t.setDaemon(true);
      return t;
    });

    HeapWatch() {
      MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
      sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max),
          0, 1, TimeUnit.SECONDS);
    }

    Memory memory() {
      sampler.shutdownNow();
      return new Memory(procKib("/proc/self/status", "VmHWM").orElse(0L) / 1024,
          Runtime.getRuntime().maxMemory() / (1024 * 1024), peak.get() / (1024 * 1024));
    }
  }

  /** A "Name:   1234 kB" line of a /proc file. */
  private static Optional<Long> procKib(String file, String name) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(name + ":"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String gib(long kib) {
    return "%.1f GiB".formatted(kib / 1024.0 / 1024.0);
  }
}
