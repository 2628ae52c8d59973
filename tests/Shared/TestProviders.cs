using Npgsql;

namespace Gongkai.Tests;

/// <summary>
/// The one list of database providers every storage test runs on: SQLite always, and PostgreSQL only when
/// <c>GONGKAI_TEST_PG</c> holds a connection string (npgsql's TestUtil idea: the server chosen by an environment
/// variable). A machine with only the .NET SDK runs the SQLite half.
/// </summary>
internal static class TestProviders
{
    public const string PostgresVariable = "GONGKAI_TEST_PG";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static IReadOnlyList<string> Names => PostgresServer is null ? [Sqlite] : [Sqlite, Postgres];

    /// <summary>For <c>[MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]</c>.</summary>
    public static TheoryData<string> Providers => [.. Names];

    /// <summary>The server of <c>GONGKAI_TEST_PG</c>, or null where it is not set.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>A connection string to a database of its own on the server of <c>GONGKAI_TEST_PG</c> (not created yet).</summary>
    public static string NewPostgresDatabase(string prefix)
    {
        // Without the variable the builder would make "Database=…", which reads as a SQLite file name.
        var server = PostgresServer ?? throw new InvalidOperationException(
            $"A PostgreSQL test ran without {PostgresVariable}: take the providers from {nameof(TestProviders)}.{nameof(Providers)}");
        return new NpgsqlConnectionStringBuilder(server) { Database = prefix + Guid.NewGuid().ToString("N")[..16] }.ConnectionString;
    }
}
