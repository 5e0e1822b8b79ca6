using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Nightjar.Server.Telemetry;

/// <summary>
/// On .NET 10 the server span from "Microsoft.AspNetCore" carries no tags (semantic-convention tags arrive
/// in ASP.NET Core 11), so this middleware adds method, route, path and status (ops-telemetry.md B.4).
/// It runs outermost to see the final status code, including the 500 written by the exception handler.
/// </summary>
internal static class HttpActivityEnricher
{
    public static IApplicationBuilder UseHttpActivityEnrichment(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            var activity = Activity.Current;
            try
            {
                await next(context);
            }
            finally
            {
                if (activity is { IsAllDataRequested: true })
                {
                    Enrich(activity, context);
                }
            }
        });

    private static void Enrich(Activity activity, HttpContext context)
    {
        var request = context.Request;
        // The exception handler clears the endpoint before re-executing; its feature keeps the original.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.Response.StatusCode;

        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("http.response.status_code", status);
        if (route is not null)
        {
            activity.SetTag("http.route", route);
        }

        // Route, not path, in the name: paths hold ids and would explode span-name cardinality.
        activity.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
