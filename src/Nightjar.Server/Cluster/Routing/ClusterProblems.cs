using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>The problem-details answers of request routing.</summary>
internal static class ClusterProblems
{
    /// <summary>503 with <c>Retry-After</c>: the node holding what was asked cannot be reached now (or is changing).</summary>
    public static ProblemHttpResult OwnerUnreachable(HttpContext http, string detail, int retryAfterSeconds)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "Owner unreachable",
            detail: detail,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["reason"] = "owner_unreachable" });
    }
}
