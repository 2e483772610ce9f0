package org.imprimatur.rules;

/**
 * The release an approval names, as the rules see it (docs/releases.md): its title, whether it is
 * still open, and the version and hash of the article's item in it (both null when the article is
 * not one of its items).
 */
public record ReleaseSlot(String title, boolean open, Integer itemVersion, String itemHash) {

    public boolean hasTheArticle() {
        return itemVersion != null;
    }
}
