using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Kompetensbron.Web.Matching;

/// <summary>
/// 200 with a <typeparamref name="T"/> body serialized once and reused (the cached match answers): the same JSON and
/// OpenAPI description as <c>Ok&lt;T&gt;</c>, without serializing the same list again on every request.
/// </summary>
public sealed class SerializedOk<T>(ReadOnlyMemory<byte> utf8Json) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = utf8Json.Length;
        await httpContext.Response.Body.WriteAsync(utf8Json, httpContext.RequestAborted);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
