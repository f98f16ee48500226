using Kompetensbron.Data.Demo;

namespace Kompetensbron.Web.Demo;

/// <summary>
/// Whether the fictional demo region is loaded, asked of the database at most once a minute:
/// the layout shows a banner on every page and should not cost a query each time.
/// </summary>
public sealed class DemoStatus(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private (bool Loaded, DateTimeOffset Until)? _cached;

    public async Task<bool> IsDemoLoadedAsync()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } c && c.Until > now)
            {
                return c.Loaded;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().IsDemoLoadedAsync();
        lock (_gate)
        {
            _cached = (loaded, now + CacheFor);
        }

        return loaded;
    }

    /// <summary>Drops the cached answer (after seeding or clearing the demo data).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }
}
