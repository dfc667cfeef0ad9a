package org.eligo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Opens the embedded registry's document file, the one its rows point into, and compacts it when replaced versions
 * fill most of it: the live documents are copied, in NCT order, into the next file number, the rows are moved to it
 * in one transaction, and the old file is deleted. A crash before the commit leaves the rows on the old file (the
 * partial new one is overwritten by the next compaction); a crash after it leaves an old file that the next open
 * deletes. Runs when the registry opens, before anything reads.
 */
final class DocumentFiles {
  /** A file smaller than this is never compacted: the saving would not be worth the time. */
  static final long COMPACT_FROM_BYTES = 64L << 20;

  private DocumentFiles() {}

  static DocumentLog open(Path directory, Jdbi jdbi) {
    return open(directory, jdbi, COMPACT_FROM_BYTES);
  }

  static DocumentLog open(Path directory, Jdbi jdbi, long compactFromBytes) {
    Integer referenced = jdbi.withHandle(h -> h.createQuery("SELECT MAX(document_file) FROM trial")
        .mapTo(Integer.class).findOne().orElse(null));
    int current = referenced == null ? 1 : referenced;
    deleteFilesBefore(directory, current);
    DocumentLog log = DocumentLog.open(directory, current);
    try {
      return compactIfWasteful(log, directory, jdbi, compactFromBytes);
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /** Compacts when the file is at least {@code fromBytes} long and less than half of it is pointed to. */
  static DocumentLog compactIfWasteful(DocumentLog log, Path directory, Jdbi jdbi, long fromBytes) {
    long size = log.size();
    if (size == 0 || size < fromBytes) return log;
    long live = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(document_length + 1), 0) FROM trial"
        + " WHERE document_file = :file").bind("file", log.file()).mapTo(Long.class).one());
    if (live * 2 > size) return log;
    Path nextPath = directory.resolve((log.file() + 1) + ".jsonl");
    delete(nextPath); // what a compaction that crashed before its commit left: no row points to it
    DocumentLog next = DocumentLog.open(directory, log.file() + 1);
    try {
      jdbi.useTransaction(h -> {
        String after = "";
        while (true) {
          record Row(String nctId, long offset, int length) {}
          List<Row> page = h.createQuery("SELECT nct_id, document_offset, document_length FROM trial"
                  + " WHERE document_file = :file AND nct_id > :after ORDER BY nct_id LIMIT 1000")
              .bind("file", log.file()).bind("after", after)
              .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), rs.getInt(3))).list();
          if (page.isEmpty()) break;
          PreparedBatch moves = h.prepareBatch("UPDATE trial SET document_file = :file, document_offset = :offset"
              + " WHERE nct_id = :nctId");
          for (Row row : page) {
            DocumentLog.Ref moved = next.append(log.read(new DocumentLog.Ref(log.file(), row.offset(), row.length())));
            moves.bind("file", moved.file()).bind("offset", moved.offset()).bind("nctId", row.nctId()).add();
          }
          moves.execute();
          after = page.getLast().nctId();
        }
        next.force(); // on disk before the rows that point to it commit
      });
    } catch (RuntimeException e) {
      next.close();
      throw e;
    }
    log.close();
    delete(log.path());
    return next;
  }

  /** Deletes the document files numbered below {@code current}: every row moved off them when they were compacted. */
  private static void deleteFilesBefore(Path directory, int current) {
    if (!Files.isDirectory(directory)) return;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.jsonl")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String number = name.substring(0, name.length() - ".jsonl".length());
        if (number.matches("[1-9][0-9]{0,8}") && Integer.parseInt(number) < current) delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the document files in " + directory, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the document file " + file, e);
    }
  }
}
