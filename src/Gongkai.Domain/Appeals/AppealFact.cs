namespace Gongkai.Domain.Appeals;

/// <summary>
/// What section 四 needs to know of one case: its kind, when it was brought and how (and when) it ended. A query
/// projects cases into facts; <see cref="AppealsTable"/> counts them. <paramref name="ResultOn"/> is null exactly
/// when <paramref name="Result"/> is <see cref="AppealResult.Pending"/> (<see cref="AppealCase"/> keeps it so).
/// </summary>
public readonly record struct AppealFact(AppealKind Kind, DateOnly FiledOn, AppealResult Result, DateOnly? ResultOn);
