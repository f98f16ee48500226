using System.Globalization;
using Spectre.Console;

namespace Kompetensbron.Cli;

/// <summary>
/// Progress of a long command: a Spectre.Console bar on an interactive terminal, otherwise a plain line on standard
/// error at every tenth of the work (standard output stays clean for <c>--json</c>).
/// </summary>
internal static class CliProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports (fraction done 0–1, what it is doing).</summary>
    public static async Task<T> RunAsync<T>(CliConsole console, string label, Func<Action<double, string>, Task<T>> work)
    {
        var terminal = ReferenceEquals(console.Output, Console.Out) && !Console.IsOutputRedirected
            && AnsiConsole.Profile.Capabilities.Interactive;
        if (terminal)
        {
            return await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: 1.0);
                return await work((fraction, status) =>
                {
                    task.Value = Math.Clamp(fraction, 0, 1);
                    task.Description = $"{label}: {status}";
                });
            });
        }

        var nextTenth = 1;
        return await work((fraction, status) =>
        {
            if (fraction * 10 >= nextTenth)
            {
                nextTenth = (int)Math.Floor(fraction * 10) + 1;
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {status} ({fraction:P0})"));
            }
        });
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (unlike <see cref="Progress{T}"/>, which posts later).</summary>
    public sealed class Immediate<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
