using Microsoft.Extensions.Options;

namespace Nightjar.Server.Configuration;

/// <summary>
/// Runs an options class's own <see cref="INightjarOptions.Validate"/> for <c>ValidateOnStart</c>.
/// Written by hand rather than with [OptionsValidator]: errors must carry the full key and the
/// offending value (<c>Http:Port: must be between ... (got 70000)</c>), which attributes cannot say.
/// </summary>
internal sealed class NightjarOptionsValidator<T> : IValidateOptions<T>
    where T : class, INightjarOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = new ConfigurationErrorCollector(T.SectionName);
        options.Validate(errors);
        return errors.Errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Errors.Select(e => e.ToString()));
    }
}
