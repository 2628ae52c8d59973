using System.Globalization;
using BenchmarkDotNet.Attributes;
using Gongkai.Domain.Calendar;

namespace Gongkai.Benchmarks;

/// <summary>
/// <see cref="WorkCalendar.AddWorkingDays"/> over 1,024 precomputed (start, n) pairs per invocation, against the
/// same loop with <see cref="DateOnly.AddDays"/> (calendar days, no holiday data) as the baseline. Starts are uniform
/// over the official coverage and n uniform in 0..200, every pair chosen so the result stays inside the calendar
/// (a failure would time the problem path). Each benchmark XORs the day numbers, so nothing is dead code.
/// </summary>
[MemoryDiagnoser]
public class WorkCalendarBenchmarks
{
    private const int Inputs = 1024;
    private const int MaxDays = 200;

    private readonly WorkCalendar _calendar = WorkCalendar.Official;
    private DateOnly[] _starts = [];
    private int[] _days = [];
    private DateOnly[] _ends = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20200924);
        _starts = new DateOnly[Inputs];
        _days = new int[Inputs];
        _ends = new DateOnly[Inputs];
        for (var i = 0; i < Inputs;)
        {
            var start = DateOnly.FromDayNumber(random.Next(_calendar.FirstDate.DayNumber, _calendar.LastDate.DayNumber + 1));
            var days = random.Next(0, MaxDays + 1);
            if (_calendar.AddWorkingDays(start, days).TryGetValue(out var end))
            {
                (_starts[i], _days[i], _ends[i]) = (start, days, end);
                i++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// WorkCalendar: {_calendar.FirstDate:yyyy-MM-dd}..{_calendar.LastDate:yyyy-MM-dd}, {Inputs} pairs, mean n {_days.Average():F1}."));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inputs)]
    public int AddDays()
    {
        var hash = 0;
        for (var i = 0; i < _starts.Length; i++)
        {
            hash ^= _starts[i].AddDays(_days[i]).DayNumber;
        }

        return hash;
    }

    [Benchmark(OperationsPerInvoke = Inputs)]
    public int AddWorkingDays()
    {
        var hash = 0;
        for (var i = 0; i < _starts.Length; i++)
        {
            hash ^= _calendar.AddWorkingDays(_starts[i], _days[i]).Value.DayNumber;
        }

        return hash;
    }

    [Benchmark(OperationsPerInvoke = Inputs)]
    public int WorkingDaysBetween()
    {
        var hash = 0;
        for (var i = 0; i < _starts.Length; i++)
        {
            hash ^= _calendar.WorkingDaysBetween(_starts[i], _ends[i]).Value;
        }

        return hash;
    }
}
