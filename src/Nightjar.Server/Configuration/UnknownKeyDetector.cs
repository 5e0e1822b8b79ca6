using System.Collections;
using System.Reflection;

namespace Nightjar.Server.Configuration;

/// <summary>
/// Finds keys that bind to nothing (<c>Http:Prot</c>), which the binder silently ignores: an operator's
/// typo would otherwise leave a default in place without a word.
/// </summary>
internal static class UnknownKeyDetector
{
    public static void Check(IConfigurationSection section, string canonicalPath, Type type, List<ConfigurationError> errors)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var known = string.Join(", ", properties.Select(p => p.Name));
                errors.Add(new ConfigurationError($"{canonicalPath}:{child.Key}", $"is not a known setting (known in {canonicalPath}: {known})"));
                continue;
            }

            var path = $"{canonicalPath}:{property.Name}";
            var propertyType = property.PropertyType;
            if (typeof(IDictionary<string, string>).IsAssignableFrom(propertyType))
            {
                // Free-form names (Node:Labels:site): any key is known, but each must be a single value.
                foreach (var entry in child.GetChildren().Where(e => e.Value is null))
                {
                    errors.Add(new ConfigurationError($"{path}:{entry.Key}", "must be a single value, not a section"));
                }
            }
            else if (TryGetListElement(propertyType, out var element))
            {
                CheckList(child, path, element, errors);
            }
            else if (IsSection(propertyType))
            {
                if (child.Value is not null)
                {
                    errors.Add(new ConfigurationError(path, "must be a section with its own keys, not a single value"));
                }

                Check(child, path, propertyType, errors);
            }
            else if (child.Value is null && child.GetChildren().Any())
            {
                errors.Add(new ConfigurationError(path, "must be a single value, not a section"));
            }
        }
    }

    private static void CheckList(IConfigurationSection list, string path, Type element, List<ConfigurationError> errors)
    {
        if (list.Value is not null)
        {
            errors.Add(new ConfigurationError(path, $"must be a list ({path}:0:..., {path}:1:...), not a single value"));
            return;
        }

        foreach (var item in list.GetChildren())
        {
            if (!int.TryParse(item.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                errors.Add(new ConfigurationError($"{path}:{item.Key}", $"is not a list index: {path} takes 0, 1, 2..."));
                continue;
            }

            Check(item, $"{path}:{item.Key}", element, errors);
        }
    }

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string);

    private static bool TryGetListElement(Type type, out Type element)
    {
        element = typeof(object);
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || !type.IsGenericType)
        {
            return false;
        }

        element = type.GetGenericArguments()[0];
        return IsSection(element);
    }
}
