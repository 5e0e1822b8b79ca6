using System.CommandLine;
using Microsoft.Extensions.Options;
using Nightjar.Server.Configuration;
using Nightjar.Server.Hosting;
using Nightjar.Server.Telemetry;

namespace Nightjar.Server.Cli;

/// <summary><c>nightjar node run [--config FILE]</c>: runs the node until SIGTERM or Ctrl-C.</summary>
internal static partial class NodeRunCommand
{
    /// <summary>Past Shutdown:TimeoutSeconds: room for the final telemetry flush, then the process stops waiting.</summary>
    public static readonly TimeSpan ShutdownGrace =
        TimeSpan.FromMilliseconds(TelemetryProviders.FlushTimeoutMilliseconds) + TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = "JSON configuration file; NIGHTJAR__SECTION__KEY environment variables override its keys.",
            HelpName = "FILE",
        };
        var command = new Command("run", "Run this node until SIGTERM or Ctrl-C.");
        command.Options.Add(config);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new NightjarHostOptions { ConfigFile = parseResult.GetValue(config) },
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(NightjarHostOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = NightjarHost.Build(options);
        }
        catch (ConfigurationException ex)
        {
            return ReportConfigurationErrors(error, ex.Errors.Select(e => e.ToString()));
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NodeRunCommand).FullName!);
        var timeProvider = app.Services.GetRequiredService<TimeProvider>();
        var shutdownTimeout = app.Services.GetRequiredService<IOptions<ShutdownOptions>>().Value.Timeout;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (OptionsFailures(ex) is { } failures)
        {
            await app.DisposeAsync();
            return ReportConfigurationErrors(error, failures);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStartFailed(logger, ex);
            await error.WriteLineAsync($"error: the node could not start: {ex.Message}");
            await app.DisposeAsync();
            return ExitCodes.Failure;
        }

        await WhenCancelledAsync(app.Lifetime.ApplicationStopping);

        // The host bounds each component's StopAsync by Shutdown:TimeoutSeconds, but a component that
        // ignores its token would hold the process forever; past the budget we stop waiting.
        var stop = StopAsync(app, error);
        var budget = shutdownTimeout + ShutdownGrace;
        if (await Task.WhenAny(stop, Task.Delay(budget, timeProvider, CancellationToken.None)) != stop)
        {
            LogShutdownTimedOut(logger, budget.TotalSeconds);
            await error.WriteLineAsync($"error: shutdown did not finish within {budget.TotalSeconds} s; exiting anyway");
            return ExitCodes.ShutdownTimedOut;
        }

        return await stop;
    }

    private static async Task<int> StopAsync(WebApplication app, TextWriter error)
    {
        try
        {
            await app.StopAsync(CancellationToken.None);

            // A crashed BackgroundService stops the host (BackgroundServiceExceptionBehavior.StopHost) but the
            // host still stops "successfully": without this, an orchestrator would see a clean exit.
            var crashed = app.Services.GetServices<IHostedService>()
                .OfType<BackgroundService>()
                .Where(s => s.ExecuteTask is { IsFaulted: true })
                .ToList();
            foreach (var service in crashed)
            {
                await error.WriteLineAsync(
                    $"error: {service.GetType().Name} failed: {service.ExecuteTask!.Exception!.GetBaseException().Message}");
            }

            return crashed.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"error: the node stopped with an error: {ex.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static Task WhenCancelledAsync(CancellationToken token)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => completion.TrySetResult());
        return completion.Task;
    }

    /// <summary>ValidateOnStart reports one exception per options type, aggregated when several fail.</summary>
    private static IReadOnlyList<string>? OptionsFailures(Exception ex) => ex switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => null,
    };

    private static int ReportConfigurationErrors(TextWriter error, IEnumerable<string> errors)
    {
        foreach (var message in errors)
        {
            error.WriteLine($"configuration error: {message}");
        }

        return ExitCodes.InvalidInput;
    }
}
