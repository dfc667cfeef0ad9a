package org.eligo.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Samples the heap while a benchmark runs: the peak of used heap, and the peak of heap still used right after a
 * collection (the live set, which is what "memory flat in the number of studies" is about).
 */
public final class HeapSampler implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakUsed;

  public HeapSampler() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (running) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (used > peakUsed) peakUsed = used;
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** The most heap in use at any sample, in MB. */
  public double peakUsedMb() {
    return peakUsed / 1e6;
  }

  /** The largest heap in use just after a collection, summed over heap pools, in MB. */
  public double peakLiveMb() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != MemoryType.HEAP) continue;
      MemoryUsage after = pool.getCollectionUsage();
      if (after != null) total += after.getUsed();
    }
    return total / 1e6;
  }

  public static double maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / 1e6;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
