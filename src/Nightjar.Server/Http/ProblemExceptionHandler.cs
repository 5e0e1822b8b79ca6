using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Nightjar.Server.Http;

/// <summary>
/// Turns exceptions into problem details: a bad request keeps its status and a readable reason; anything
/// else is a 500 that says nothing about the exception (the log has it, joined by the traceId).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public const string InternalErrorDetail = "An unexpected error occurred. Quote the traceId when reporting it.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            LogRequestAborted(httpContext.Request.Method, httpContext.Request.Path.Value);
            return true; // the client is gone: nobody to answer
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(bad.StatusCode, httpContext.Request.Method, httpContext.Request.Path.Value, bad.Message);
            problem = new ProblemDetails { Status = bad.StatusCode, Detail = Describe(bad) };
        }
        else
        {
            LogUnhandled(httpContext.Request.Method, httpContext.Request.Path.Value, exception);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = InternalErrorDetail };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The JSON reader's reason (with line and position) helps a client fix its own request.</summary>
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
}
