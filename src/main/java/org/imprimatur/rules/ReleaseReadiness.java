package org.imprimatur.rules;

/**
 * Whether an item of a release can go live with it (docs/releases.md, "Ready"): the item's version
 * is still the article's newest, a reviewer approved exactly that version and hash for this
 * release, and the article still waits for it. Each item that is not ready gets its reason in words.
 */
public final class ReleaseReadiness {

    private ReleaseReadiness() {
    }

    /**
     * What the release knows of one item.
     *
     * @param itemVersion       the version the item names
     * @param itemHash          its content hash, as the item names it
     * @param latestVersion     the article's newest version
     * @param state             the article's state
     * @param awaitsThisRelease the article is approved for this release and waits for it
     * @param approvedHash      the hash the newest approval for this release certified of the item's version, or null
     */
    public record Item(int itemVersion, String itemHash, int latestVersion, WorkflowState state, boolean awaitsThisRelease,
                       String approvedHash) {
    }

    /** The item's standing, and why it cannot go live (null when it can). */
    public record Verdict(ItemApproval approval, String blocker) {
        public boolean ready() {
            return blocker == null;
        }
    }

    public static Verdict of(Item item) {
        if (item.latestVersion() != item.itemVersion()) {
            return new Verdict(ItemApproval.NEWER_VERSION_SAVED, "version " + item.latestVersion()
                    + " was saved after the item's version " + item.itemVersion()
                    + "; put the newest version into the release and have it approved for it");
        }
        if (item.approvedHash() == null || !item.approvedHash().equals(item.itemHash())) {
            return new Verdict(ItemApproval.NOT_APPROVED, "version " + item.itemVersion()
                    + " with the item's content hash is not approved for this release (the article is " + item.state() + ")");
        }
        if (!item.awaitsThisRelease()) {
            return new Verdict(ItemApproval.WITHDRAWN, "the approval for this release was withdrawn (the article is "
                    + item.state() + ")");
        }
        return new Verdict(ItemApproval.APPROVED, null);
    }
}
