package org.eligo.ctgov.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRecordIteratorTest {

  /**
   * A page read whole (a file up to 1 MB) in which many studies are broken: reading on past each one must look at that
   * study, not copy the rest of the document (which made the allocations grow with broken studies × page size: a
   * gigabyte for this page of 1 MB).
   */
  @Test
  void readingOnPastBrokenStudiesOfAPageReadWholeDoesNotCopyTheRestOfThePageEachTime() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    String broken = "{\"protocolSection\":{\"x\" 1,\"t\":\"" + "y".repeat(1000) + "\"}}";
    List<String> studies = new ArrayList<>(Collections.nCopies(1000, broken));
    studies.add(StudySourcesTest.study("NCT00000001"));
    String page = "{\"studies\":[" + String.join(",", studies) + "]}";
    byte[] document = page.getBytes(StandardCharsets.UTF_8);

    long before = threads.getCurrentThreadAllocatedBytes();
    List<StudyRecord> records = new ArrayList<>();
    new JsonRecordIterator(document, Origin.of(Path.of("page.json"))).forEachRemaining(records::add);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(records).hasSize(1001);
    assertThat(records.subList(0, 1000)).allMatch(RawStudyError.class::isInstance);
    assertThat(records.get(1000)).isInstanceOfSatisfying(RawStudy.class, study -> {
      assertThat(StudySourcesTest.nctId(study)).isEqualTo("NCT00000001");
      assertThat(study.origin().column()).isEqualTo(page.lastIndexOf("{\"protocolSection\"") + 1);
    });
    // reading the same page as a stream allocates about 30 MB; 1 GB when each broken study copied the rest
    assertThat(allocated).as("bytes allocated").isLessThan(150L * document.length);
  }
}
