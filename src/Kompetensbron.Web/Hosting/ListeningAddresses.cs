using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kompetensbron.Web.Hosting;

/// <summary>Prints one clear line with where the app can be opened, once the server listens.</summary>
internal static class ListeningAddresses
{
    public static void Announce(IServiceProvider services)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            Console.WriteLine($"Kompetensbron körs på {string.Join(" och ", addresses)}");
        }
    }
}
