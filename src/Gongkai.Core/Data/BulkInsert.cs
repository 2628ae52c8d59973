using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Core.Data;

/// <summary>
/// Inserts many new entities of one type with one prepared INSERT, reading the table, the columns, the value
/// converters and the values from the EF model itself, so the mapping stays in one place (RequestMapping). For bulk
/// imports only: change tracking and per-row commands make a 100,000-row ledger take too long through SaveChanges.
/// The caller provides the transaction and the values of shadow properties.
/// </summary>
internal sealed class BulkInsert<T> : IAsyncDisposable
    where T : class
{
    private readonly List<(IProperty Property, Func<T, object?> Get)> _columns;
    private readonly DbCommand _command;

    public BulkInsert(GongkaiDbContext db, Func<T, string, object?> shadowValue)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        _columns = [.. Columns(entityType, shadowValue)];
        var sql = db.GetService<ISqlGenerationHelper>();
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("A bulk insert needs a transaction.");
        var names = _columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!));
        var parameters = _columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", parameters)})";
        for (var i = 0; i < _columns.Count; i++)
        {
            var parameter = _columns[i].Property.GetRelationalTypeMapping().CreateParameter(_command,
                "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, _columns[i].Property.IsNullable);
            _command.Parameters.Add(parameter);
        }
    }

    public async Task AddAsync(T entity, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var (property, get) = _columns[i];
            var value = get(entity);
            var converter = property.GetTypeMapping().Converter;
            _command.Parameters[i].Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    /// <summary>Every stored property: the entity's own (shadow ones from the caller) and those of its complex types, at any depth.</summary>
    private static IEnumerable<(IProperty, Func<T, object?>)> Columns(IEntityType entityType, Func<T, string, object?> shadowValue)
    {
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                var name = property.Name;
                yield return (property, entity => shadowValue(entity, name));
            }
            else
            {
                var getter = property.GetGetter();
                yield return (property, entity => getter.GetClrValueUsingContainingEntity(entity));
            }
        }

        foreach (var (property, present) in ComplexProperties(entityType.GetComplexProperties(), _ => true))
        {
            var getter = property.GetGetter();
            yield return (property, entity => present(entity) ? getter.GetClrValueUsingContainingEntity(entity) : null);
        }
    }

    /// <summary>
    /// The properties of the complex types at any depth, each with whether its complex value is there: a null complex
    /// value (an applicant without an identity document) stores NULL in every column, as SaveChanges does — never its
    /// properties' defaults, which would read back as a document of the enum's first kind with no number.
    /// </summary>
    private static IEnumerable<(IProperty Property, Func<T, bool> Present)> ComplexProperties(IEnumerable<IComplexProperty> complexProperties, Func<T, bool> parentPresent)
    {
        foreach (var complex in complexProperties)
        {
            var getter = complex.GetGetter();
            Func<T, bool> present = complex.IsNullable ? entity => parentPresent(entity) && getter.GetClrValueUsingContainingEntity(entity) is not null : parentPresent;
            foreach (var property in complex.ComplexType.GetProperties())
            {
                yield return (property, present);
            }

            foreach (var nested in ComplexProperties(complex.ComplexType.GetComplexProperties(), present))
            {
                yield return nested;
            }
        }
    }
}
