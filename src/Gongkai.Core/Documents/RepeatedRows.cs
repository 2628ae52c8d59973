using System.Globalization;

namespace Gongkai.Core.Documents;

/// <summary>
/// The rows of one imported file that name the same record again (issue 16, 13): every import refuses them naming both
/// rows, in the words the ledger import had (<c>与第2行的申请编号重复</c>), instead of counting the second as already
/// present or letting the last win. Which key is the record's identity is the importer's: 申请编号, 案号, 标题 and
/// 形成日期, the 第二十条 栏目.
/// </summary>
/// <typeparam name="TKey">What identifies a record in the file.</typeparam>
public sealed class RepeatedRows<TKey>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _first = new(comparer);

    /// <summary>Null the first time a key is seen (its row is kept), else the error of this row naming the first.</summary>
    /// <param name="what">The key in words, as the error names it: 申请编号, 案号 ….</param>
    public LedgerError? Check(TKey key, int row, string column, string what)
    {
        if (_first.TryGetValue(key, out var first))
        {
            return new LedgerError(row, column, $"与第{first.ToString(CultureInfo.InvariantCulture)}行的{what}重复");
        }

        _first[key] = row;
        return null;
    }
}
