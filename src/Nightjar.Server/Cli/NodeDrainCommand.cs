using System.CommandLine;
using System.Net.Http.Headers;

namespace Nightjar.Server.Cli;

/// <summary>
/// <c>nightjar node drain ID --url URL [--key KEY]</c>: asks the cluster (through any node) to move every camera off
/// node ID, as <c>POST /api/v1/nodes/{id}/drain</c> does. The key may come from <c>NIGHTJAR_API_KEY</c> instead, so it
/// stays out of the shell history and the process list.
/// </summary>
internal static class NodeDrainCommand
{
    public const string KeyEnvironmentVariable = "NIGHTJAR_API_KEY";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The node to drain (its Node:Id)." };
        // A string: System.CommandLine has no parser for Uri; RunAsync checks it.
        var url = new Option<string>("--url")
        {
            Description = "Any node of the site (default http://127.0.0.1:8080).",
            HelpName = "URL",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var key = new Option<string?>("--key") { Description = $"An admin API key (default: ${KeyEnvironmentVariable}).", HelpName = "KEY" };
        var command = new Command("drain", "Move every camera off a node before taking it down.");
        command.Arguments.Add(id);
        command.Options.Add(url);
        command.Options.Add(key);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(id)!,
            parseResult.GetValue(url)!,
            parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyEnvironmentVariable),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string id, string urlText, string? key, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            await error.WriteLineAsync($"error: an admin API key is required (--key or ${KeyEnvironmentVariable})");
            return ExitCodes.InvalidInput;
        }

        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            await error.WriteLineAsync($"error: --url must be an http:// or https:// URL (got '{urlText}')");
            return ExitCodes.InvalidInput;
        }

        using var client = new HttpClient { BaseAddress = url, Timeout = RequestTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/nodes/{Uri.EscapeDataString(id)}/drain");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync($"draining {id}: {body}");
                return ExitCodes.Success;
            }

            await error.WriteLineAsync($"error: {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
            return (int)response.StatusCode is 400 or 404 or 409 ? ExitCodes.InvalidInput : ExitCodes.Failure;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"error: {url} did not answer within {RequestTimeout.TotalSeconds} s");
            return ExitCodes.Failure;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"error: {url} cannot be reached: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
