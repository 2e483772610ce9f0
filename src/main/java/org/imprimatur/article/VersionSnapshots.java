package org.imprimatur.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recently written and read versions, so that a save compares its content with the newest version
 * without reading that version's thirty-odd rows back from the database. A version never changes
 * once committed (the database refuses it), so a snapshot of one stays true on every replica. Only
 * committed versions enter: a version whose transaction rolls back leaves nothing here, and the
 * number it took may be taken again by another save, here or on another replica.
 */
@ApplicationScoped
public class VersionSnapshots {

    private record Key(UUID articleId, int versionNo) {
    }

    // The transaction's resource that lists the versions it wrote.
    private static final Object WRITTEN_HERE = new Object();

    private final Cache<Key, VersionSnapshot> snapshots;
    private final TransactionSynchronizationRegistry transactions;

    public VersionSnapshots(EditingSettings settings, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.snapshots = Caffeine.newBuilder()
                .maximumWeight(settings.versionCacheMaxSize().asLongValue())
                .weigher((Key key, VersionSnapshot snapshot) -> snapshot.weight())
                .build();
    }

    /** The article's newest version; within the transaction that locked the article. */
    public VersionSnapshot latestOf(Article article) {
        return of(article.id, article.latestVersion)
                .orElseThrow(() -> new IllegalStateException("Article " + article.id + " lost its latest version"));
    }

    /** A version of the article, if it has one by that number; within a transaction. */
    public Optional<VersionSnapshot> of(UUID articleId, int versionNo) {
        Key key = new Key(articleId, versionNo);
        VersionSnapshot known = snapshots.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<VersionSnapshot> read = ArticleVersion.find(articleId, versionNo).map(VersionSnapshot::of);
        // Read back, a version this transaction wrote is not committed yet; any other one is.
        if (read.isPresent() && !writtenHere().contains(key)) {
            snapshots.put(key, read.get());
        }
        return read;
    }

    /** Keeps the version this transaction writes, once (and only if) the transaction commits. */
    public void rememberWhenCommitted(ArticleVersion version) {
        VersionSnapshot snapshot = VersionSnapshot.of(version);
        writtenHere().add(new Key(snapshot.articleId(), snapshot.versionNo()));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    snapshots.put(new Key(snapshot.articleId(), snapshot.versionNo()), snapshot);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Set<Key> writtenHere() {
        Set<Key> written = (Set<Key>) transactions.getResource(WRITTEN_HERE);
        if (written == null) {
            written = new HashSet<>();
            transactions.putResource(WRITTEN_HERE, written);
        }
        return written;
    }
}
