using System.Data.Common;
using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Rules;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// Section 三 of the annual report for one agency and year, from the records, in one grouped SQL query. Year
/// boundaries (report-json.md): an application first received in year Y counts as 一、本年新收 in Y; one still open
/// at the end of Y as 四、结转下年度 in Y and 二、上年结转 in Y+1; its outcome counts in the year it was concluded.
/// </summary>
public static class RequestsTable
{
    public sealed record Request(Guid AgencyId, int Year, ReportFormat Format);

    /// <summary>Counts per applicant kind and report row, as the database returns them.</summary>
    public sealed record Group(ApplicantKind Kind, string? Row, int Received, int CarriedIn, int Concluded, int CarriedOut);

    public static async Task<IReadOnlyDictionary<string, decimal>> HandleAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        var groups = await QueryAsync(db, request, cancellationToken);
        return Cells(groups, request.Format);
    }

    public static async Task<List<Group>> QueryAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        var groups = await QueryManyAsync(db, [request.AgencyId], request.Year, request.Format, cancellationToken);
        return groups.TryGetValue(request.AgencyId, out var own) ? own : [];
    }

    /// <summary>The grouped counts of many agencies in one query (a district's reports), by agency.</summary>
    public static async Task<Dictionary<Guid, List<Group>>> QueryManyAsync(GongkaiDbContext db, IReadOnlyCollection<Guid> agencyIds, int year,
        ReportFormat format, CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var rowColumn = format == ReportFormat.V2019 ? RequestMapping.ReportRow2019 : RequestMapping.ReportRow2021;

        // PostgreSQL: the query reads the agencies' entries of a narrow covering index; starting parallel workers
        // costs more than they save there (BENCHMARKS.md: 20 ms with two workers, 11 ms serial on 2 cores).
        // SET LOCAL lasts for this transaction only.
        var ownTransaction = db.Database.IsNpgsql() && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
            }

            var rows = await GroupsAsync(db, agencyIds, start, end, rowColumn, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return rows.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.Select(r => r.Group).ToList());
        }
    }

    /// <summary>
    /// The grouped query, as SQL of our own read with a plain data reader: a district's reports read some 9,000
    /// groups, and materialising them through LINQ cost more than a tenth of the query (BENCHMARKS.md, issue 5).
    /// Parameters are bound through EF's own type mappings, so ids and dates compare exactly as EF stores them.
    /// </summary>
    private static async Task<List<(Guid AgencyId, Group Group)>> GroupsAsync(GongkaiDbContext db, IReadOnlyCollection<Guid> agencyIds, DateOnly start,
        DateOnly end, string rowColumn, CancellationToken cancellationToken)
    {
        var rows = new List<(Guid, Group)>();
        if (agencyIds.Count == 0)
        {
            return rows;
        }

        var entity = db.Model.FindEntityType(typeof(DisclosureRequest))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => entity.FindProperty(property)!.GetColumnName(table)!;
        var kindColumn = entity.FindComplexProperty(nameof(DisclosureRequest.Applicant))!.ComplexType.FindProperty(nameof(Applicant.Kind))!.GetColumnName(table)!;
        var (agency, received, closed, row) = (Column(nameof(DisclosureRequest.AgencyId)), Column(RequestMapping.FirstReceivedOn), Column(nameof(DisclosureRequest.ClosedOn)), Column(rowColumn));

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var ids = agencyIds.Select((id, i) => AddParameter(command, entity.FindProperty(nameof(DisclosureRequest.AgencyId))!, "@a" + i.ToString(CultureInfo.InvariantCulture), id)).ToList();
        AddParameter(command, entity.FindProperty(RequestMapping.FirstReceivedOn)!, "@start", start);
        AddParameter(command, entity.FindProperty(RequestMapping.FirstReceivedOn)!, "@end", end);
        command.CommandText = $"""
            SELECT {agency}, {kindColumn}, {row},
                COALESCE(SUM(CASE WHEN {received} >= @start THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN {received} < @start THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN {closed} IS NOT NULL AND {closed} <= @end THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN {closed} IS NULL OR {closed} > @end THEN 1 ELSE 0 END), 0)
            FROM {table.Name}
            WHERE {agency} IN ({string.Join(", ", ids)}) AND {received} <= @end AND ({closed} IS NULL OR {closed} >= @start)
            GROUP BY {agency}, {kindColumn}, {row}
            """;

        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((
                    reader.GetGuid(0),
                    new Group(
                        (ApplicantKind)reader.GetInt32(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        (int)reader.GetInt64(3),
                        (int)reader.GetInt64(4),
                        (int)reader.GetInt64(5),
                        (int)reader.GetInt64(6))));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return rows;
    }

    private static string AddParameter(DbCommand command, IProperty property, string name, object value)
    {
        var mapping = property.GetRelationalTypeMapping();
        var converted = mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        command.Parameters.Add(mapping.CreateParameter(command, name, converted, nullable: false));
        return name;
    }

    /// <summary>The section 三 cells from the grouped counts: every cell present, totals summed as the format defines them.</summary>
    public static Dictionary<string, decimal> Cells(IEnumerable<Group> groups, ReportFormat format)
    {
        var plan = format == ReportFormat.V2019 ? Plan2019.Value : Plan2021.Value;
        var cells = new Dictionary<string, decimal>(plan.Keys.Count, StringComparer.Ordinal);
        foreach (var key in plan.Keys)
        {
            cells[key] = 0m;
        }

        foreach (var group in groups)
        {
            var column = plan.Column[group.Kind];
            cells[column.Received] += group.Received;
            cells[column.CarriedIn] += group.CarriedIn;
            cells[column.CarriedOut] += group.CarriedOut;
            if (group.Concluded > 0 && group.Row is { } row)
            {
                cells[column.RowKeys.TryGetValue(row, out var key) ? key : CellKey.Requests(row, column.Key)] += group.Concluded;
            }
        }

        foreach (var (total, leaves) in plan.ColumnTotals)
        {
            cells[total] = leaves.Sum(l => cells[l]);
        }

        foreach (var (total, parts) in plan.RowTotals)
        {
            cells[total] = parts.Sum(p => cells[p]);
        }

        return cells;
    }

    /// <summary>The keys of one applicant column, built once per format (a district's reports assemble 100 tables).</summary>
    private sealed record ColumnKeys(string Key, CellKey Received, CellKey CarriedIn, CellKey CarriedOut, Dictionary<string, CellKey> RowKeys);

    private sealed record CellPlan(
        IReadOnlyList<CellKey> Keys,
        Dictionary<ApplicantKind, ColumnKeys> Column,
        IReadOnlyList<(CellKey Total, CellKey[] Leaves)> ColumnTotals,
        IReadOnlyList<(CellKey Total, CellKey[] Parts)> RowTotals);

    private static readonly Lazy<CellPlan> Plan2019 = new(() => BuildPlan(ReportFormat.V2019));
    private static readonly Lazy<CellPlan> Plan2021 = new(() => BuildPlan(ReportFormat.V2021));

    private static CellPlan BuildPlan(ReportFormat format)
    {
        var layout = ReportLayout.For(format);
        var keys = layout.Cells.Where(c => c.Table == layout.Requests).Select(c => c.Key).ToList();
        var leaves = ConsistencyRules.OutcomeLeaves(layout);
        var rows = layout.Requests.DataRows.Where(r => r.Row.HasCells).ToList();
        var total = layout.Requests.Columns.Single(c => c.Key == "total");
        var columns = Enum.GetValues<ApplicantKind>().ToDictionary(kind => kind, kind =>
        {
            var c = kind.ReportColumnKey();
            var column = layout.Requests.Columns.Single(s => s.Key == c);
            // Rows by their path below the table (withheld.stateSecret), as the records store them.
            var rowKeys = rows.ToDictionary(r => r.Path[(CellKey.RequestsPrefix.Length + 1)..], r => CellKey.Of(r, column), StringComparer.Ordinal);
            return new ColumnKeys(c, rowKeys["received"], rowKeys["carriedIn"], rowKeys["carriedOut"], rowKeys);
        });
        var applicants = layout.Requests.Columns.Where(c => c != total).ToList();
        var columnTotals = applicants.Select(a => (CellKey.Requests("total", a.Key), leaves.Select(l => CellKey.Of(l, a)).ToArray())).ToList();
        var rowTotals = rows.Select(r => (CellKey.Of(r, total), applicants.Select(a => CellKey.Of(r, a)).ToArray())).ToList();
        return new CellPlan(keys, columns, columnTotals, rowTotals);
    }
}
