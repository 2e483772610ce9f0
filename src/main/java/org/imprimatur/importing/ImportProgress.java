package org.imprimatur.importing;

import java.time.Duration;
import java.util.Locale;

/**
 * The import command's progress line: articles so far and per second, failures, and the time left
 * when the file's size is known, estimated from the bytes read.
 */
record ImportProgress(long articles, long failed, long bytesRead, long totalBytes, Duration elapsed) {

    String line() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d articles (%,.0f/s), %,d failed",
                articles, articles / seconds, failed));
        if (totalBytes > 0) {
            double done = Math.min(1.0, bytesRead / (double) totalBytes);
            line.append(String.format(Locale.ROOT, ", %.0f%% of %s", done * 100, size(totalBytes)));
            if (done > 0 && done < 1) {
                line.append(", about ").append(duration(Duration.ofMillis((long) (elapsed.toMillis() * (1 - done) / done))))
                        .append(" left");
            }
        }
        return line.append(", ").append(duration(elapsed)).append(" elapsed").toString();
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%,d KB", Math.max(1, bytes / 1024));
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
