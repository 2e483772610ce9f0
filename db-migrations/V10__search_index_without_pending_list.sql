-- Without fastupdate a publish writes its words straight into the GIN indexes. With it they wait
-- in a pending list that every search has to read through until the next vacuum, which made
-- searches after a burst of publishes several times slower. Publishes are rare; searches are not.
ALTER INDEX published_articles_search_idx SET (fastupdate = off);
ALTER INDEX published_articles_tags_idx SET (fastupdate = off);
DO $$
BEGIN
    PERFORM gin_clean_pending_list('published_articles_search_idx');
    PERFORM gin_clean_pending_list('published_articles_tags_idx');
END $$;
