namespace Kompetensbron.Core.Text;

/// <summary>
/// The small hand-kept word lists of text recognition, all folded (see <see cref="SearchText.Fold(string)"/>).
/// Each list is documented in docs/decisions/0008-text-recognition.md; keep them short and general.
/// </summary>
internal static class RecognitionLexicon
{
    /// <summary>Qualifiers after a label's comma that only classify the head, so the head alone names the skill.</summary>
    public static readonly HashSet<string> TypeQualifiers = new(StringComparer.Ordinal)
    {
        "erfarenhet", "programmeringssprak", "affarssystem", "operativsystem", "databashanterare",
        "redovisningssystem", "programmeringsverktyg", "systemutvecklingsverktyg", "kommunikationsprotokoll",
        "telefonvaxel", "integrationsplattform", "applikationsplattform", "utvecklingsmiljo", "analysverktyg",
        "ramverk", "molnplattform", "industriell tillverkning", "materialkunskap", "materialkunskap svets",
        "tillverkningsprogram", "tillverkning", "cnc",
    };

    /// <summary>First words of a label that people leave out: "Allmänna svetskunskaper", "MS Excel".</summary>
    public static readonly HashSet<string> DroppableFirstWords = new(StringComparer.Ordinal)
    {
        "allman", "allmanna", "grundlaggande", "enklare", "industriell", "industriella", "ms",
    };

    /// <summary>Domain prefixes of software labels ("Tillverkningsindustri-Solid Works"); the product alone names it.</summary>
    public static readonly IReadOnlyList<string> ProductDomains =
    [
        "Tillverkningsindustri", "Allmänkonstruktion", "Analys/Beräkning", "Arkitekt", "Byggkonstruktion",
        "Design/Visualisering", "Mark/infrastruktur", "Samordning/Granskning", "VVS, el, tele", "Elschema",
        "Film/effekter",
    ];

    /// <summary>Little words skipped inside a phrase: "underhåll av industrimaskiner" = "Underhåll, industrimaskiner".</summary>
    public static readonly HashSet<string> GlueWords = new(StringComparer.Ordinal)
    {
        "av", "i", "inom", "for", "med", "pa", "till", "vid", "enligt", "om", "som", "en", "ett",
    };

    /// <summary>
    /// One-word labels that in job ads are nearly always everyday words rather than a claimed skill
    /// (music genres, "show", goods). They are still found as parts of longer labels.
    /// </summary>
    public static readonly HashSet<string> EverydayWords = new(StringComparer.Ordinal)
    {
        "show", "dans", "rock", "pop", "punk", "soul", "jazz", "etik", "graf", "horn", "luta", "mynt", "skor",
        "webb", "smide", "livsmedel", "mobiltelefoner", "mobler", "utstallning", "dokumentation", "programmering",
        "konferensservice", "plastning", "overvakning", "verktyg",
    };

    /// <summary>
    /// Abbreviations and trade words that job ads use for a concept whose label reads otherwise
    /// ("truckkort" is the TLP 10 certificate). Keys are surfaces as written (acronyms in capitals); values are
    /// JobTech concept ids, checked against the taxonomy when the recogniser is built.
    /// </summary>
    public static readonly IReadOnlyList<(string Surface, string ConceptId)> Synonyms =
    [
        ("truckkort", "CiMi_7ax_tXs"),
        ("MIG", "Q1D1_Pdc_rnT"),
        ("MAG", "Q1D1_Pdc_rnT"),
        ("TIG", "WBnc_JXj_MvY"),
        ("CMM", "ei2X_t7p_ZBU"),
        ("HLR", "mwCM_MmB_6Ks"),
        ("ISO 9001", "2rqG_WLp_em4"),
        ("ISO 14001", "3Sj1_uuL_y1A"),
        ("robotprogrammering", "vXVH_94E_pQD"),
        ("PLC-programmering", "Uytu_hWi_5nh"),
        ("truckkörning", "pGts_PKK_c8W"),
        ("CAD", "oaiv_GsB_AFK"),
    ];
}
