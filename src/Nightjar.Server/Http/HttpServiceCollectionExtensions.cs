using Microsoft.Extensions.DependencyInjection.Extensions;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Http;

internal static class HttpServiceCollectionExtensions
{
    public static IServiceCollection AddNightjarHttp(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Ours is the only writer: see ProblemDetailsWriter.
        services.RemoveAll<IProblemDetailsWriter>();
        services.AddSingleton<IProblemDetailsWriter, ProblemDetailsWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Malformed JSON and missing bodies become BadHttpRequestException, which the handler turns
        // into a 400 problem with the reason, instead of a silent empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, NightjarJsonContext.Default));

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Nightjar API";
            document.Info.Version = NightjarVersion.Short;
            return Task.CompletedTask;
        }));
        return services;
    }
}
