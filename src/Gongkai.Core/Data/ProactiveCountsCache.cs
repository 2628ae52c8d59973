namespace Gongkai.Core.Data;

/// <summary>
/// A cache of the year's 主动公开 counts per agency (items first published in the year by category, full-text flag
/// and timeliness), rebuildable at any time from <c>item_versions</c>: scanning a year of first versions is the
/// slowest part of a district's reports (about 0.6 s for 1,100,000 on SQLite), while the counts change only when an
/// item is first published. Triggers on <c>item_versions</c> drop an agency-year's counts whenever a first version of
/// that year is inserted, changed or deleted, whatever writes it (SaveChanges, bulk insert, SQL), so the cache is
/// never read stale; <c>proactive_count_years</c> marks an agency-year as counted (also when it has no items) and
/// names the last day of the calendar the timeliness was judged with.
/// </summary>
internal static class ProactiveCountsCache
{
    public const string SqliteCreate = """
        CREATE TABLE proactive_count_years (
            agency_id TEXT NOT NULL, year INTEGER NOT NULL, calendar_last TEXT NOT NULL,
            PRIMARY KEY (agency_id, year));
        CREATE TABLE proactive_counts (
            agency_id TEXT NOT NULL, year INTEGER NOT NULL, category_id TEXT NOT NULL, full_text INTEGER NOT NULL,
            timeliness INTEGER NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (agency_id, year, category_id, full_text, timeliness));
        CREATE TRIGGER item_versions_counts_insert AFTER INSERT ON item_versions WHEN NEW.number = 1 BEGIN
            DELETE FROM proactive_count_years WHERE agency_id = NEW.agency_id AND year = CAST(substr(NEW.published_on, 1, 4) AS INTEGER);
            DELETE FROM proactive_counts WHERE agency_id = NEW.agency_id AND year = CAST(substr(NEW.published_on, 1, 4) AS INTEGER);
        END;
        CREATE TRIGGER item_versions_counts_delete AFTER DELETE ON item_versions WHEN OLD.number = 1 BEGIN
            DELETE FROM proactive_count_years WHERE agency_id = OLD.agency_id AND year = CAST(substr(OLD.published_on, 1, 4) AS INTEGER);
            DELETE FROM proactive_counts WHERE agency_id = OLD.agency_id AND year = CAST(substr(OLD.published_on, 1, 4) AS INTEGER);
        END;
        CREATE TRIGGER item_versions_counts_update AFTER UPDATE ON item_versions WHEN OLD.number = 1 OR NEW.number = 1 BEGIN
            DELETE FROM proactive_count_years WHERE (agency_id = OLD.agency_id AND year = CAST(substr(OLD.published_on, 1, 4) AS INTEGER))
                OR (agency_id = NEW.agency_id AND year = CAST(substr(NEW.published_on, 1, 4) AS INTEGER));
            DELETE FROM proactive_counts WHERE (agency_id = OLD.agency_id AND year = CAST(substr(OLD.published_on, 1, 4) AS INTEGER))
                OR (agency_id = NEW.agency_id AND year = CAST(substr(NEW.published_on, 1, 4) AS INTEGER));
        END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS item_versions_counts_insert;
        DROP TRIGGER IF EXISTS item_versions_counts_delete;
        DROP TRIGGER IF EXISTS item_versions_counts_update;
        DROP TABLE IF EXISTS proactive_counts;
        DROP TABLE IF EXISTS proactive_count_years;
        """;

    public const string PostgresCreate = """
        CREATE TABLE proactive_count_years (
            agency_id uuid NOT NULL, year integer NOT NULL, calendar_last date NOT NULL,
            PRIMARY KEY (agency_id, year));
        CREATE TABLE proactive_counts (
            agency_id uuid NOT NULL, year integer NOT NULL, category_id uuid NOT NULL, full_text boolean NOT NULL,
            timeliness integer NOT NULL, count integer NOT NULL,
            PRIMARY KEY (agency_id, year, category_id, full_text, timeliness));
        CREATE FUNCTION item_versions_counts() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.number = 1 THEN
                DELETE FROM proactive_count_years WHERE agency_id = OLD.agency_id AND year = EXTRACT(YEAR FROM OLD.published_on);
                DELETE FROM proactive_counts WHERE agency_id = OLD.agency_id AND year = EXTRACT(YEAR FROM OLD.published_on);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.number = 1 THEN
                DELETE FROM proactive_count_years WHERE agency_id = NEW.agency_id AND year = EXTRACT(YEAR FROM NEW.published_on);
                DELETE FROM proactive_counts WHERE agency_id = NEW.agency_id AND year = EXTRACT(YEAR FROM NEW.published_on);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER item_versions_counts AFTER INSERT OR UPDATE OR DELETE ON item_versions FOR EACH ROW EXECUTE FUNCTION item_versions_counts();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS item_versions_counts ON item_versions;
        DROP FUNCTION IF EXISTS item_versions_counts();
        DROP TABLE IF EXISTS proactive_counts;
        DROP TABLE IF EXISTS proactive_count_years;
        """;
}
