using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Kompetensbron.Cli;

/// <summary>Where a command writes (plain text, Spectre tables on the same writer, JSON) and reads standard input.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TextReader? input = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public TextReader Input { get; } = input ?? Console.In;

    /// <summary>
    /// A Spectre console on <see cref="Output"/>; colours and the terminal's width only on a terminal, otherwise
    /// plain text wide enough that table headers are not wrapped in files and pipes.
    /// </summary>
    public IAnsiConsole Ansi { get; } = CreateAnsi(output);

    private static IAnsiConsole CreateAnsi(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Writes a clear error and returns the exit code for bad input.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"error: {message}");
        return 1;
    }
}
