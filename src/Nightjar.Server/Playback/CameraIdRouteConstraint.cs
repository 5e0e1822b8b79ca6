using System.Globalization;
using Microsoft.AspNetCore.Routing.Matching;
using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Playback;

/// <summary>
/// Lets a media route match only a valid, non-reserved camera id, so <c>/{camera}/...</c> never shadows
/// <c>/api</c>, <c>/health</c>, <c>/openapi</c>, <c>/metrics</c> or <c>/ui</c>, whose 404s and 405s stay their own.
/// </summary>
internal sealed class CameraIdRouteConstraint : IRouteConstraint, IParameterLiteralNodeMatchingPolicy
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && CameraId.IsValid(Convert.ToString(value, CultureInfo.InvariantCulture));

    public bool MatchesLiteral(string parameterName, string literal) => CameraId.IsValid(literal);
}
