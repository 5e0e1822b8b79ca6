using System.Globalization;
using Microsoft.AspNetCore.Routing.Matching;
using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Playback;

/// <summary>Lets a media route match only a well-formed stream name (<see cref="StreamNames"/>).</summary>
internal sealed class StreamNameRouteConstraint : IRouteConstraint, IParameterLiteralNodeMatchingPolicy
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && StreamNames.IsValid(Convert.ToString(value, CultureInfo.InvariantCulture));

    public bool MatchesLiteral(string parameterName, string literal) => StreamNames.IsValid(literal);
}
