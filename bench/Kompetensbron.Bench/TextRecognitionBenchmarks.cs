using BenchmarkDotNet.Attributes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;

namespace Kompetensbron.Bench;

/// <summary>Recognising skills and occupations in one typical job ad (about 120 words), and building the recogniser.</summary>
[MemoryDiagnoser]
public class TextRecognitionBenchmarks
{
    private const string Ad =
        "CNC-operatör till Gnosjö Mekaniska. Vi söker nu en CNC-operatör till vårt skiftlag på tvåskift. Du kommer att " +
        "ställa och köra våra fleroperationsmaskiner och svarvar från Mazak och DMG Mori, göra verktygsbyten och mäta " +
        "detaljer mot ritning. Vi ser gärna att du har erfarenhet av CNC-svarvning och CNC-fräsning samt kan läsa " +
        "ritningar. Meriterande är programmering i Mazatrol eller Heidenhain, MIG/MAG-svetsning, truckkort för A- och " +
        "B-truck samt kunskap om lean och ständiga förbättringar. Du är noggrann, har god känsla för teknik och trivs " +
        "med att arbeta självständigt såväl som i team. Tjänsten är en tillsvidareanställning med inledande provanställning.";

    private TaxonomyModel _taxonomy = null!;
    private SkillRecogniser _recogniser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _taxonomy = TaxonomyModel.LoadEmbedded();
        _recogniser = SkillRecogniser.Create(_taxonomy);
    }

    [Benchmark]
    public TextRecognition RecogniseOneAd() => _recogniser.Recognise(Ad);

    [Benchmark]
    public SkillRecogniser CreateRecogniser() => SkillRecogniser.Create(_taxonomy);
}
