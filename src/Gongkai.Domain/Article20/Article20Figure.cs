namespace Gongkai.Domain.Article20;

/// <summary>
/// One figure of section 二: a declared <c>article20.*</c> cell of the statistics' format, its value and where the
/// value came from. Counts are whole numbers (scale 0); amounts are in 万元 and keep the digits they were given
/// (0.5950 stays 0.5950).
/// </summary>
public sealed record Article20Figure
{
    // For EF Core.
    private Article20Figure()
    {
        Key = "";
        Provenance = null!;
    }

    internal Article20Figure(string key, decimal value, FigureProvenance provenance)
    {
        Key = key;
        Value = value;
        Provenance = provenance;
    }

    /// <summary>The cell key of spec/report-json.md, e.g. <c>article20.procurement.amount</c>.</summary>
    public string Key { get; private set; }

    public decimal Value { get; private set; }

    public FigureProvenance Provenance { get; private set; }
}

/// <summary>
/// One change of a figure, appended for every set that changed something: the value before (null when the cell had
/// none), the value after and its provenance (who or what, when). The provenance before is the previous change's.
/// </summary>
public sealed record Article20FigureChange(int Sequence, string Key, decimal? PreviousValue, decimal Value, FigureProvenance Provenance)
{
    // For EF Core, which sets the properties itself.
    private Article20FigureChange()
        : this(0, "", null, 0m, null!)
    {
    }
}
