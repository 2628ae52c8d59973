using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.Requests;

internal static class ResultAssert
{
    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    public static Problem Fails<T>(Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"Expected {code}, got {result}");
        Assert.Equal(code, result.Problem.Code);
        return result.Problem;
    }
}
