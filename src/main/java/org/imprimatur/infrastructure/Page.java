package org.imprimatur.infrastructure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** One page of a keyset-paginated list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, @Schema(nullable = true) String nextCursor) {
}
