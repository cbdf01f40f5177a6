using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Conclave.Api.Http;

// GET /groups/public and PATCH /groups/{group_id} share a shape. In the reference the literal wins for every method,
// so PATCH /groups/public is 405, not an update of a group whose id is "public" (CLARIFICATIONS §2.1, item 22).
// A path variable therefore never matches a literal that another route has at the same place.
internal static class RouteTemplates
{
    public static RoutePattern For(RpcRoute route, IReadOnlyList<RpcRoute> routes) => For(route.PathTemplate, routes);

    /// <summary>The same for JSON transcoding's endpoint of an annotated route, so both surfaces route alike.</summary>
    public static void Constrain(RouteEndpointBuilder endpoint, IReadOnlyList<RpcRoute> routes)
    {
        if (endpoint.RoutePattern.RawText is { } template && routes.Any(r => r.PathTemplate == template))
            endpoint.RoutePattern = For(template, routes);
    }

    private static RoutePattern For(string template, IReadOnlyList<RpcRoute> routes)
    {
        var segments = template.Split('/');
        var others = routes.Select(r => r.PathTemplate.Split('/')).Where(other => other.Length == segments.Length).ToList();
        var policies = new Dictionary<string, object>();
        for (var i = 0; i < segments.Length; i++)
        {
            if (!IsVariable(segments[i])) continue;
            var literals = others
                .Where(other => !IsVariable(other[i]) && Overlaps(segments, other, except: i))
                .Select(other => other[i])
                .ToHashSet(StringComparer.Ordinal);
            if (literals.Count > 0) policies[segments[i][1..^1]] = new NotLiteralConstraint(literals);
        }
        return RoutePatternFactory.Parse(template, defaults: null, parameterPolicies: policies);
    }

    private static bool IsVariable(string segment) => segment.StartsWith('{');

    private static bool Overlaps(string[] path, string[] other, int except) =>
        Enumerable.Range(0, path.Length).All(j => j == except || path[j] == other[j] || IsVariable(path[j]) || IsVariable(other[j]));

    // As a literal-matching policy the routing tree itself keeps the variable off the literal's branch, so the 405's
    // Allow header lists only the literal route's methods.
    private sealed class NotLiteralConstraint(IReadOnlySet<string> literals) : IRouteConstraint, IParameterLiteralNodeMatchingPolicy
    {
        public bool MatchesLiteral(string parameterName, string literal) => !literals.Contains(literal);

        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            values.TryGetValue(routeKey, out var value) && !literals.Contains(value as string ?? "");
    }
}
