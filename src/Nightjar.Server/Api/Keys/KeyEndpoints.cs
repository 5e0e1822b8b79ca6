using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Actors.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.Events;
using Nightjar.Recording.Validation;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Keys;

/// <summary><c>/api/v1/keys</c>: create (the key is shown once), list and revoke API keys. Admins only (ManageKeys).</summary>
internal static class KeyEndpoints
{
    /// <summary>Largest accepted create body: a name of 100 characters and a role need far less.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    private static readonly string[] CreateFields = ["name", "role"];

    public static RouteGroupBuilder MapKeyEndpoints(this RouteGroupBuilder v1)
    {
        // An empty-prefix group, as the node area does: a child pattern "" would give the route a trailing slash.
        var keys = v1.MapGroup(string.Empty).WithTags("Keys").RequirePermission(Permissions.ManageKeys);

        keys.MapPost("/keys", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key; the answer holds the key, shown this once only.")
            .Accepts<CreateApiKeyRequest>("application/json")
            .Produces<CreatedApiKeyResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        keys.MapGet("/keys", List)
            .WithName("ListApiKeys")
            .WithSummary("Every API key, revoked ones included, without the keys themselves.");
        keys.MapGet("/keys/{id}", Get)
            .WithName("GetApiKey")
            .WithSummary("One API key, without the key itself.")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapDelete("/keys/{id}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key; it never authenticates again. The last active admin key cannot be revoked.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);
        return keys;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [FromServices] ApiKeyStore store, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(context.Request, MaxBodyBytes, optional: false, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var parsed = StrictJsonObject.Parse(body.Bytes, CreateFields);
        if (parsed.Value is not { } json)
        {
            return FieldProblems.BadRequest(parsed.Errors);
        }

        var typeErrors = new List<ValidationError>();
        var name = json.GetString("name", typeErrors);
        var role = json.GetString("role", typeErrors);
        if (typeErrors.Count > 0)
        {
            return FieldProblems.BadRequest(typeErrors);
        }

        ValidationResult<NewApiKey> created;
        try
        {
            created = await store.CreateAsync(name, role, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return ConcurrentChange();
        }

        if (created.Value is not { } key)
        {
            return FieldProblems.Unprocessable(created.Errors);
        }

        // The one response that holds a key: no cache anywhere may keep it.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"{ApiV1Endpoints.Prefix}/keys/{key.Id}", CreatedApiKeyResponse.From(key));
    }

    private static Ok<ApiKeyResponse[]> List([FromServices] ApiKeyStore store) =>
        TypedResults.Ok(store.Current.Keys.Select(ApiKeyResponse.From).ToArray());

    private static IResult Get(string id, [FromServices] ApiKeyStore store)
    {
        if (!IsKeyId(id))
        {
            return InvalidId();
        }

        return store.Current.Find(id) is { } key ? TypedResults.Ok(ApiKeyResponse.From(key)) : NotFound(id);
    }

    private static async Task<IResult> RevokeAsync(string id, [FromServices] ApiKeyStore store, CancellationToken cancellationToken)
    {
        if (!IsKeyId(id))
        {
            return InvalidId();
        }

        if (store.Current.Find(id) is null)
        {
            return NotFound(id);
        }

        ValidationResult<ApiKeyRevoked> revoked;
        try
        {
            revoked = await store.RevokeAsync(id, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return ConcurrentChange();
        }

        if (revoked.IsValid)
        {
            return TypedResults.NoContent();
        }

        // Unknown by now (another node's change arrived meanwhile), already revoked, or the last admin key.
        return store.Current.Find(id) is null ? NotFound(id) : FieldProblems.Validation(revoked.Errors, StatusCodes.Status409Conflict);
    }

    /// <summary>Key ids are 16 lowercase hex characters (see <see cref="ApiKeys"/>); anything else cannot be one.</summary>
    private static bool IsKeyId(string id) =>
        id.Length == 16 && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static IResult InvalidId() =>
        FieldProblems.BadRequest([new ValidationError("id", "must be a key id: 16 lowercase hexadecimal characters")]);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no API key '{id}'.");

    private static ProblemHttpResult ConcurrentChange() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: "The API keys were changed concurrently; retry the request.");
}
