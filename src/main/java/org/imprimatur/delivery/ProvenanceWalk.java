package org.imprimatur.delivery;

import java.util.List;
import java.util.Map;

/**
 * Which version first wrote a section's exact text (docs/delivery.md, "Provenance"): from the live
 * version back through the article's versions, as long as the section has the same body. A version
 * that lacks the section, or has another body, ends the walk; the origin is the oldest version reached.
 */
public final class ProvenanceWalk {

    private ProvenanceWalk() {
    }

    /** One version's section bodies by key. */
    public record VersionText(int versionNo, Map<String, String> bodies) {
    }

    /**
     * @param newestFirst the live version first, then each older version in turn (versions may be missing
     *                    from the list only at its end)
     * @return the number of the version that first wrote the section's body as the first version has it
     */
    public static int origin(String sectionKey, List<VersionText> newestFirst) {
        String text = newestFirst.get(0).bodies().get(sectionKey);
        int origin = newestFirst.get(0).versionNo();
        for (VersionText older : newestFirst.subList(1, newestFirst.size())) {
            if (older.versionNo() != origin - 1 || !text.equals(older.bodies().get(sectionKey))) {
                break;
            }
            origin = older.versionNo();
        }
        return origin;
    }
}
