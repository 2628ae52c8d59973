namespace Gongkai.Domain.Common;

/// <summary>
/// What kind of expected failure a <see cref="Problem"/> is. Hosts map it once: the site to an HTTP status
/// (<c>ProblemResponses</c>), the command line to an exit code (<c>GongkaiCli.ExitCodeOf</c>).
/// </summary>
public enum ProblemKind
{
    /// <summary>The input is wrong or the rules refuse it (HTTP 422, exit 2).</summary>
    Invalid,

    /// <summary>What the input names does not exist, or is not visible to the caller (HTTP 404, exit 3).</summary>
    NotFound,

    /// <summary>The input is fine but the record's state does not allow it now: locked, already done (HTTP 409, exit 4).</summary>
    Conflict,

    /// <summary>The caller may not do this (HTTP 403, exit 5).</summary>
    Forbidden,
}

/// <summary>
/// An expected failure as a value: a <see cref="Kind"/>, a stable <see cref="Code"/> for programs (e.g.
/// <c>calendar.yearNotPublished</c>) and a <see cref="Message"/> in Chinese for users that names no host (no
/// command, no page). Bugs are exceptions; problems are not.
/// </summary>
public sealed record Problem(string Code, string Message, ProblemKind Kind = ProblemKind.Invalid)
{
    public static Problem Invalid(string code, string message) => new(code, message, ProblemKind.Invalid);

    public static Problem NotFound(string code, string message) => new(code, message, ProblemKind.NotFound);

    public static Problem Conflict(string code, string message) => new(code, message, ProblemKind.Conflict);

    public static Problem Forbidden(string code, string message) => new(code, message, ProblemKind.Forbidden);

    public override string ToString() => $"{Kind} {Code}: {Message}";
}

/// <summary>The outcome of an operation that can fail in an expected way (STYLE.md habit 6).</summary>
public readonly struct Result<T>
{
    private readonly T? _value;
    private readonly Problem? _problem;

    internal Result(T? value, Problem? problem)
    {
        _value = value;
        _problem = problem;
    }

    public bool IsSuccess => _problem is null;

    /// <summary>The value; throws when the result is a failure (a bug: check <see cref="IsSuccess"/> first).</summary>
    public T Value => _problem is null ? _value! : throw new InvalidOperationException($"No value: {_problem}");

    /// <summary>The problem; throws when the result is a success.</summary>
    public Problem Problem => _problem ?? throw new InvalidOperationException("The result is a success.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Problem problem) => new(default, problem);

    public bool TryGetValue(out T value)
    {
        value = _value!;
        return _problem is null;
    }

    public Result<TNext> Map<TNext>(Func<T, TNext> map) => _problem is null ? map(_value!) : _problem;

    public Result<TNext> Bind<TNext>(Func<T, Result<TNext>> bind) => _problem is null ? bind(_value!) : _problem;

    public override string ToString() => _problem is null ? $"Success({_value})" : $"Failure({_problem})";
}

public static class Result
{
    public static Result<T> Success<T>(T value) => new(value, null);

    public static Result<T> Failure<T>(Problem problem) => new(default, problem);
}
