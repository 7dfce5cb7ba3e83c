package com.shopdesk.aftersales.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
      return "peak resident set (VmHWM) %,d MiB, max heap %,d MiB, heap pools' peaks summed %,d MiB"
          .formatted(peakResidentMib, maxHeapMib, peakHeapUsedMib);
    }
  }

  static Memory memory() {
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    return new Memory(procKib("/proc/self/status", "VmHWM").orElse(0L) / 1024,
        Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeap / (1024 * 1024));
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
