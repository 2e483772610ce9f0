package org.imprimatur.checks;

import java.util.List;

/**
 * One sentence as a reader sees it: {@code text} without Markdown or citation markers, at
 * {@code [start, end)} of the section body as written (including a marker right after it), citing
 * {@code citationKeys} through the markers in or right after it. A heading is a sentence of its own
 * ({@code heading}); so is each list item, or more than one if it holds several.
 */
record ReaderSentence(int start, int end, String text, List<String> citationKeys, boolean heading) {
}
