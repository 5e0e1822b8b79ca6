using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Nightjar.Server.Http;

/// <summary>Gives body-less error responses (404 from routing, 405, an endpoint's bare 4xx) a problem-details body.</summary>
internal static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"Nothing is served at {request.Path.Value}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path.Value}.",
            _ => null,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        }).AsTask();
    }
}
