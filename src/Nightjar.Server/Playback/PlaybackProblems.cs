using Microsoft.AspNetCore.Http.HttpResults;

namespace Nightjar.Server.Playback;

/// <summary>The problem-details answers of the media endpoints (written by the server's one problem writer).</summary>
internal static class PlaybackProblems
{
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult RangeNotSatisfiable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status416RangeNotSatisfiable);

    /// <summary>503 with <c>Retry-After</c>: the work is bounded and all its slots are taken.</summary>
    public static ProblemHttpResult Busy(HttpContext http, string detail, int retryAfterSeconds)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static ProblemHttpResult Failed(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status500InternalServerError);
}
