using System.Diagnostics;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Nightjar.Server.Http;

/// <summary>
/// The only <see cref="IProblemDetailsWriter"/>: every error is <c>application/problem+json</c>, whatever
/// the client's Accept header says (the framework's default writer stays silent for <c>Accept: text/html</c>,
/// which would leave an empty error body).
/// </summary>
internal sealed class ProblemDetailsWriter(IOptions<JsonOptions> jsonOptions, IOptions<ProblemDetailsOptions> problemOptions)
    : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Instance ??= http.Request.Path.Value;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);

        http.Response.StatusCode = problem.Status.Value;
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem,
            problem.GetType(),
            jsonOptions.Value.SerializerOptions,
            ContentType,
            http.RequestAborted));
    }
}
