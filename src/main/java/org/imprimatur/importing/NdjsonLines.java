package org.imprimatur.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an NDJSON stream, one at a time: only the current line is held, and a line longer
 * than the bound is skipped to its end rather than kept, so memory stays constant whatever the
 * size of the stream. Blank lines are passed over; each line keeps its number in the stream.
 */
final class NdjsonLines {

    /** One line: its text, or why it has none (too long, not UTF-8). */
    record Line(long number, String text, String problem) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];
    private long lineNumber;
    private long bytesRead;
    private boolean ended;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Bytes of the stream consumed so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** The next line that is not blank, or null at the end of the stream. */
    Line next() throws IOException {
        while (true) {
            if (ended) {
                return null;
            }
            lineNumber++;
            int length = 0;
            boolean tooLong = false;
            boolean sawNewline = false;
            while (!sawNewline) {
                if (position == limit && !fill()) {
                    ended = true;
                    break;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int chunk = position - start;
                if (position < limit) {
                    sawNewline = true;
                    position++;
                }
                if (tooLong) {
                    continue;
                }
                if (length + chunk > maxLineBytes) {
                    tooLong = true;
                    continue;
                }
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + chunk)));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
            }
            if (tooLong) {
                return new Line(lineNumber, null, "is longer than " + maxLineBytes + " bytes");
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (isBlank(length)) {
                if (ended) {
                    return null;
                }
                continue;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(line, 0, length)).toString();
                return new Line(lineNumber, text, null);
            } catch (CharacterCodingException notUtf8) {
                return new Line(lineNumber, null, "is not valid UTF-8");
            }
        }
    }

    private boolean isBlank(int length) {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        bytesRead += read;
        return true;
    }
}
